package dev.shopfed.gateway.operation;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

class IntrospectionFieldsTest {

  @Test
  void findsSchemaAndTypeFieldsAnywhere() {
    assertThat(present("{ __schema { types { name } } }")).isTrue();
    assertThat(present("{ a { b } __type(name: \"A\") { name } }")).isTrue();
    assertThat(present("{ a { ...F } } fragment F on A { b { ... on B { c { __schema { queryType { name } } } } } }"))
        .isTrue();
    assertThat(present("query Q { a } query R { __type(name: \"A\") { name } }")).as("any operation").isTrue();
  }

  @Test
  void typenameAndLookalikesAreNotIntrospection() {
    assertThat(present("{ __typename a { __typename b } }")).isFalse();
    assertThat(present("{ schema: a { type: b } }")).isFalse();
    assertThat(present("{ __schemaless: a }")).as("an alias is not the field").isFalse();
    assertThat(present("{ a(arg: \"__schema\") }")).isFalse();
  }

  @Test
  void aFragmentBombIsReadOnceNotExpanded() {
    StringBuilder document = new StringBuilder("{ ...F0 }\n");
    for (int i = 0; i < 40; i++) {
      document.append("fragment F").append(i).append(" on Query { a ...F").append(i + 1).append(" ...F").append(i + 1)
          .append(" }\n");
    }
    document.append("fragment F40 on Query { __typename }\n");
    assertThat(present(document.toString())).isFalse();
  }

  private static boolean present(String document) {
    return IntrospectionFields.present(Parser.parse(document));
  }
}
