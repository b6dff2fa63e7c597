package dev.shopfed.e2e.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Runs the annotated test class against a federation whose subgraphs keep their data in real PostgreSQL databases
 * rather than the embedded ones: {@link FederationExtension} starts that federation once for every class so marked.
 * Not inherited, so a subclass marked with it reruns its parent's tests on PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgres")
public @interface OnPostgres {}
