package dev.shopfed.gateway.http;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Finished spans printed as an indented tree, each with its duration and attributes. */
final class SpanTree {

  private SpanTree() {}

  static String print(List<SpanData> spans) {
    Set<String> ids = spans.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
    StringBuilder out = new StringBuilder();
    spans.stream().filter(s -> !ids.contains(s.getParentSpanId()))
        .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
        .forEach(root -> print(root, spans, 0, out));
    return out.toString();
  }

  private static void print(SpanData span, List<SpanData> spans, int depth, StringBuilder out) {
    long micros = TimeUnit.NANOSECONDS.toMicros(span.getEndEpochNanos() - span.getStartEpochNanos());
    out.append("  ".repeat(depth)).append(span.getName())
        .append(" [").append(span.getKind()).append(", ").append(micros / 1000.0).append(" ms] ")
        .append(span.getAttributes().asMap().entrySet().stream()
            .map(e -> e.getKey().getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(" ")))
        .append('\n');
    spans.stream().filter(s -> s.getParentSpanId().equals(span.getSpanId()))
        .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
        .forEach(child -> print(child, spans, depth + 1, out));
  }
}
