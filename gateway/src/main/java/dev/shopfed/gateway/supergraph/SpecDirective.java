package dev.shopfed.gateway.supergraph;

import graphql.language.Directive;

/**
 * A directive of a linked spec applied in the supergraph, named as its spec names it whatever the supergraph imports
 * it as ({@code @link(import: [{name: "@cost", as: "@weight"}])} still gives {@code cost}).
 *
 * @param spec       the spec's name in its url ({@code cost} for {@code https://specs.apollo.dev/cost/v0.1})
 * @param name       the directive's name in the spec
 * @param coordinate where it is applied: {@code Type}, {@code Type.field}, {@code Type.field(argument:)}
 *                   or {@code Input.field}
 * @param node       the application, with its arguments
 */
public record SpecDirective(String spec, String name, String coordinate, Directive node) {}
