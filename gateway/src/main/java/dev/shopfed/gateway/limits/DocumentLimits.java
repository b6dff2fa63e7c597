package dev.shopfed.gateway.limits;

import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import java.util.Optional;

/**
 * The document-level limits: the size of the text and its tokens while parsing (graphql-java's parser options,
 * passed per parse), then depth, aliases, root fields, fields and directives of every operation of the parsed
 * document, measured by {@link DocumentMeasurer}.
 *
 * <p>Every operation of a document is checked, not only the one a request selects: the outcome is cached with the
 * document by its text, whichever operation later requests select.
 */
public final class DocumentLimits {

  /** The parser's own nesting bound (graphql-java's default) stays on whatever the settings: it guards the stack. */
  private static final int MAX_RULE_DEPTH = ParserOptions.MAX_RULE_DEPTH;

  private final OperationLimits limits;
  private final ParserOptions parserOptions;

  public DocumentLimits(OperationLimits limits) {
    this.limits = limits;
    this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(options -> options
        .maxCharacters(OperationLimits.on(limits.maxOperationSize()) ? limits.maxOperationSize() : Integer.MAX_VALUE)
        .maxTokens(OperationLimits.on(limits.maxTokens()) ? limits.maxTokens() : Integer.MAX_VALUE)
        .maxWhitespaceTokens(ParserOptions.MAX_WHITESPACE_TOKENS)
        .maxRuleDepth(MAX_RULE_DEPTH));
  }

  /** The text's size, before any parsing. */
  public Optional<LimitViolation> checkText(String query) {
    if (OperationLimits.on(limits.maxOperationSize()) && query.length() > limits.maxOperationSize()) {
      return Optional.of(LimitViolation.of("MAX_OPERATION_SIZE_LIMIT", "Operation size", query.length(),
          limits.maxOperationSize(), "max-operation-size"));
    }
    return Optional.empty();
  }

  /** Parses with the token and size limits; throws {@link InvalidSyntaxException} as {@link Parser} does. */
  public Document parse(String query) {
    return Parser.parse(ParserEnvironment.newParserEnvironment().document(query).parserOptions(parserOptions).build());
  }

  /** The violation a parser cancellation stands for, or empty for an ordinary syntax error. */
  public Optional<LimitViolation> parseCancelled(InvalidSyntaxException e) {
    if (e instanceof ParseCancelledTooManyCharsException) {
      return Optional.of(new LimitViolation("MAX_OPERATION_SIZE_LIMIT", "Operation size exceeds the limit of "
          + limits.maxOperationSize() + " characters (gateway.limits.max-operation-size)"));
    }
    if (e instanceof ParseCancelledTooDeepException) {
      return Optional.of(new LimitViolation("MAX_DEPTH_LIMIT", "Operation nesting exceeds the parser's limit of "
          + MAX_RULE_DEPTH + " grammar rules (gateway.limits.max-depth)"));
    }
    if (e instanceof ParseCancelledException) {
      return Optional.of(new LimitViolation("MAX_TOKENS_LIMIT", "Token count exceeds the limit of "
          + limits.maxTokens() + " (gateway.limits.max-tokens)"));
    }
    return Optional.empty();
  }

  /** The first limit an operation of the parsed document exceeds. */
  public Optional<LimitViolation> check(Document document) {
    for (OperationMeasure measure : DocumentMeasurer.measure(document)) {
      Optional<LimitViolation> violation = check(measure);
      if (violation.isPresent()) {
        return violation;
      }
    }
    return Optional.empty();
  }

  /** Fields before root fields and aliases: a fragment bomb is reported for what it is. */
  private Optional<LimitViolation> check(OperationMeasure m) {
    if (over(m.depth(), limits.maxDepth())) {
      return violation("MAX_DEPTH_LIMIT", "Operation depth", m.depth(), limits.maxDepth(), "max-depth");
    }
    if (over(m.fields(), limits.maxFields())) {
      return violation("MAX_FIELDS_LIMIT", "Field count after fragment expansion", m.fields(), limits.maxFields(),
          "max-fields");
    }
    if (over(m.rootFields(), limits.maxRootFields())) {
      return violation("MAX_ROOT_FIELDS_LIMIT", "Root field count", m.rootFields(), limits.maxRootFields(),
          "max-root-fields");
    }
    if (over(m.aliases(), limits.maxAliases())) {
      return violation("MAX_ALIASES_LIMIT", "Alias count", m.aliases(), limits.maxAliases(), "max-aliases");
    }
    if (over(m.maxDirectivesPerField(), limits.maxDirectivesPerField())) {
      return violation("MAX_DIRECTIVES_LIMIT", "Directive count on one field", m.maxDirectivesPerField(),
          limits.maxDirectivesPerField(), "max-directives-per-field");
    }
    return Optional.empty();
  }

  private static boolean over(long measured, int limit) {
    return OperationLimits.on(limit) && measured > limit;
  }

  private static Optional<LimitViolation> violation(String code, String what, long measured, int limit,
      String setting) {
    return Optional.of(LimitViolation.of(code, what, measured, limit, setting));
  }
}
