package dev.shopfed.gateway.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny hand-written supergraph (join v0.3) with one subgraph, {@code books}, whose URL the tests override to
 * point at WireMock.
 */
final class BooksSupergraph {

  static final String SDL = """
      schema
        @link(url: "https://specs.apollo.dev/link/v1.0")
        @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
      {
        query: Query
        mutation: Mutation
      }

      directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE
      directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
      directive @join__graph(name: String!, url: String!) on ENUM_VALUE
      directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE
      directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
      directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION
      directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA

      scalar join__FieldSet
      scalar link__Import

      enum join__Graph {
        BOOKS @join__graph(name: "books", url: "http://books.invalid/graphql")
      }

      enum link__Purpose {
        SECURITY
        EXECUTION
      }

      type Book @join__type(graph: BOOKS, key: "id") {
        id: ID!
        title: String
      }

      type Query @join__type(graph: BOOKS) {
        book(id: ID!): Book
      }

      type Mutation @join__type(graph: BOOKS) {
        renameBook(id: ID!, title: String!): Book
      }
      """;

  /** The same supergraph with one more field on {@code Book}, to see a reload take effect. */
  static final String SDL_WITH_PAGES = SDL.replace("  title: String\n", "  title: String\n  pages: Int\n");

  /** Two subgraphs: {@code books} and {@code reviews}, each answering one root field. */
  static final String SDL_WITH_REVIEWS = SDL
      .replace("  BOOKS @join__graph(name: \"books\", url: \"http://books.invalid/graphql\")\n",
          "  BOOKS @join__graph(name: \"books\", url: \"http://books.invalid/graphql\")\n"
              + "  REVIEWS @join__graph(name: \"reviews\", url: \"http://reviews.invalid/graphql\")\n")
      .replace("type Query @join__type(graph: BOOKS) {\n  book(id: ID!): Book\n",
          "type Query @join__type(graph: BOOKS) @join__type(graph: REVIEWS) {\n"
              + "  book(id: ID!): Book @join__field(graph: BOOKS)\n  reviews: [String] @join__field(graph: REVIEWS)\n");

  private BooksSupergraph() {}

  static Path writeTo(Path file, String sdl) {
    try {
      return Files.writeString(file, sdl);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
