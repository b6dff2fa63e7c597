package dev.shopfed.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine is plain Java: Spring and Reactor stay in the HTTP layer, which depends on the engine and never the
 * other way round.
 */
@AnalyzeClasses(packages = "dev.shopfed.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule engineDoesNotUseSpringOrReactor = noClasses()
      .that().resideOutsideOfPackage("dev.shopfed.gateway.http..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..")
      .because("only dev.shopfed.gateway.http may know the web framework");

  @ArchTest
  static final ArchRule engineDoesNotDependOnTheHttpLayer = noClasses()
      .that().resideOutsideOfPackage("dev.shopfed.gateway.http..")
      .should().dependOnClassesThat().resideInAPackage("dev.shopfed.gateway.http..")
      .because("the engine is usable without the HTTP layer");
}
