package dev.shopfed.gateway.http;

import dev.shopfed.gateway.headers.HeaderRule;
import dev.shopfed.gateway.headers.HeaderRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The {@code gateway.headers.*} settings, as Apollo Router's {@code headers:}: rules for every subgraph
 * ({@code gateway.headers.all.request[i].*}) and per subgraph ({@code gateway.headers.subgraphs.<name>.request[i].*}),
 * each rule one of {@code propagate.named} (with {@code rename}, {@code default}), {@code propagate.matching} (a
 * regular expression), {@code insert.name} + {@code insert.value}, {@code remove.named} or {@code remove.matching};
 * and the response headers passed back to the client ({@code gateway.headers.all.response=cache-control,...}).
 */
public record HeadersProperties(Subgraph all, Map<String, Subgraph> subgraphs) {

  /** The rules and passed-back response headers of all subgraphs or of one. */
  public record Subgraph(List<Rule> request, List<String> response) {}

  /** Exactly one of its three parts is set. */
  public record Rule(Propagate propagate, Insert insert, Remove remove) {}

  public record Propagate(String named, String matching, String rename, @Name("default") String defaultValue) {}

  public record Insert(String name, String value) {}

  public record Remove(String named, String matching) {}

  HeaderRules engineRules() {
    Map<String, HeaderRules.SubgraphHeaders> own = new LinkedHashMap<>();
    if (subgraphs != null) {
      subgraphs.forEach((name, headers) -> own.put(name, convert(headers, "gateway.headers.subgraphs." + name)));
    }
    return new HeaderRules(convert(all, "gateway.headers.all"), own);
  }

  private static HeaderRules.SubgraphHeaders convert(Subgraph headers, String prefix) {
    if (headers == null) {
      return HeaderRules.SubgraphHeaders.NONE;
    }
    List<Rule> rules = headers.request() == null ? List.of() : headers.request();
    List<HeaderRule> converted = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      converted.add(rule(rules.get(i), prefix + ".request[" + i + "]"));
    }
    Set<String> response = headers.response() == null ? Set.of() : headers.response().stream()
        .map(String::strip).filter(h -> !h.isEmpty()).map(h -> h.toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
    return new HeaderRules.SubgraphHeaders(converted, response);
  }

  private static HeaderRule rule(Rule rule, String setting) {
    int parts = (rule.propagate() == null ? 0 : 1) + (rule.insert() == null ? 0 : 1) + (rule.remove() == null ? 0 : 1);
    if (parts != 1) {
      throw new IllegalArgumentException(setting + " must set exactly one of propagate, insert or remove");
    }
    try {
      if (rule.propagate() != null) {
        Propagate p = rule.propagate();
        return new HeaderRule.Propagate(p.named(), pattern(p.matching()), p.rename(), p.defaultValue());
      }
      if (rule.insert() != null) {
        return new HeaderRule.Insert(rule.insert().name(), rule.insert().value());
      }
      return new HeaderRule.Remove(rule.remove().named(), pattern(rule.remove().matching()));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(setting + ": not a regular expression: " + e.getPattern(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(setting + ": " + e.getMessage(), e);
    }
  }

  private static Pattern pattern(String regex) {
    return regex == null ? null : Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
  }
}
