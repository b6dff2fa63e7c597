package dev.shopfed.gateway.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a fixture's {@code generator-hints.json} tells the random operation generator.
 * {@code values} maps {@code Type.field.argument}, an argument name, or a scalar or enum type name
 * (looked up in that order) to sample values: without them String and ID arguments would miss
 * every entity the fixture holds. {@code skipFields} lists {@code Type.field}s never to select,
 * for fields on which Apollo Gateway is known to answer wrongly (see DifferentialTest's table).
 */
record GeneratorHints(Map<String, Object> values, List<?> skipFields) {

  static GeneratorHints of(String fixture) {
    Path file = CorpusCase.corpusRoot().resolve(fixture).resolve("generator-hints.json");
    if (!Files.exists(file)) {
      return new GeneratorHints(Map.of(), List.of());
    }
    try {
      Map<String, Object> hints = Json.parseObject(Files.readString(file));
      @SuppressWarnings("unchecked")
      Map<String, Object> values = hints.get("values") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
      return new GeneratorHints(values, hints.get("skipFields") instanceof List<?> l ? l : List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Samples for an argument, most specific key first; empty when there are none. */
  List<?> samples(String type, String field, String argument, String namedType) {
    for (String key : List.of(type + "." + field + "." + argument, argument, namedType)) {
      if (values.get(key) instanceof List<?> samples && !samples.isEmpty()) {
        return samples;
      }
    }
    return List.of();
  }

  boolean skips(String type, String field) {
    return skipFields.contains(type + "." + field);
  }
}
