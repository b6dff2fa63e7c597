package dev.shopfed.gateway.consent;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shopfed.gateway.planning.RepresentationShape;
import dev.shopfed.gateway.planning.RepresentationShape.FieldShape;
import dev.shopfed.gateway.planning.RepresentationShape.SelectionShape;
import dev.shopfed.gateway.supergraph.FieldInfo;
import dev.shopfed.gateway.supergraph.Supergraph;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The last check before an entity fetch leaves: which classified fields its representations carry to a subgraph that
 * does not own them, whether the caller granted a purpose of each such flow, and the crossing-log entries to write
 * before the fetch is sent. The consent stage keeps fields that need a missing purpose out of the plan; this catches
 * what it cannot see (entity keys) and fails closed.
 */
public final class CrossingGuard {

  /** A classified field in a representation, from the subgraphs that own it. */
  record CrossedField(String path, Classification classification, Set<String> owners) {

    /** The owners the data comes from when it goes to {@code to}: empty when {@code to} owns it too. */
    String from(String to) {
      return owners.contains(to) ? "" : String.join(",", owners);
    }
  }

  /** Whether the fetch may leave; when it may not, the error to answer at its fields. */
  public record Verdict(boolean allowed, String code, String message) {

    static final Verdict ALLOW = new Verdict(true, null, null);
  }

  public static final String CONSENT_UNAVAILABLE = "CONSENT_UNAVAILABLE";

  private final PrivacyModel model;
  private final Supergraph supergraph;
  private final CrossingLog log;
  private final Clock clock;
  private final Cache<List<RepresentationShape>, List<CrossedField>> crossed =
      Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

  public CrossingGuard(PrivacyModel model, Supergraph supergraph, CrossingLog log, Clock clock) {
    this.model = model;
    this.supergraph = supergraph;
    this.log = log;
    this.clock = clock;
  }

  /**
   * Decides, and when the fetch carries classified data and may leave, records every crossing first: the future
   * completes once the log holds them, or with a refusal when it could not write them.
   */
  public CompletableFuture<Verdict> beforeSend(String to, List<RepresentationShape> shapes, ConsentScope scope) {
    if (model.isEmpty()) {
      return CompletableFuture.completedFuture(Verdict.ALLOW);
    }
    List<CrossedField> fields = crossed.get(shapes, this::crossedFields).stream()
        .filter(f -> !f.from(to).isEmpty()).toList();
    if (fields.isEmpty()) {
      return CompletableFuture.completedFuture(Verdict.ALLOW);
    }
    Map<String, Crossing> entries = new LinkedHashMap<>();
    for (CrossedField field : fields) {
      String purpose = grantedPurpose(field, to, scope.granted());
      if (purpose == null) {
        return CompletableFuture.completedFuture(refusal(field));
      }
      entries.merge(field.from(to) + " " + purpose, crossing(field, to, purpose, scope), CrossingGuard::join);
    }
    CompletableFuture<?>[] appends = entries.values().stream().map(log::append).toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(appends).handle((done, failure) -> failure == null ? Verdict.ALLOW
        : new Verdict(false, CONSENT_UNAVAILABLE, "The transfer of personal data could not be recorded, so it was "
            + "not made"));
  }

  private String grantedPurpose(CrossedField field, String to, Set<String> granted) {
    if (field.classification().confined()) {
      return null;
    }
    for (DataFlow flow : model.flows()) {
      if (flow.field().equals(field.path()) && flow.to().equals(to) && flow.purpose() != null
          && granted.contains(flow.purpose())) {
        return flow.purpose();
      }
    }
    return null;
  }

  private static Verdict refusal(CrossedField field) {
    return new Verdict(false, ConsentPolicy.CONSENT_REQUIRED, field.classification().confined()
        ? "This data may not leave the subgraph that holds it"
        : "The caller has not consented to the transfer of " + field.classification().category() + " data this "
            + "field needs");
  }

  private Crossing crossing(CrossedField field, String to, String purpose, ConsentScope scope) {
    return new Crossing(scope.subject(), List.of(field.path()), List.of(field.classification().category()),
        field.from(to), to, purpose, scope.requestId(), clock.instant());
  }

  private static Crossing join(Crossing a, Crossing b) {
    Set<String> fields = new LinkedHashSet<>(a.fields());
    fields.addAll(b.fields());
    Set<String> categories = new LinkedHashSet<>(a.categories());
    categories.addAll(b.categories());
    return new Crossing(a.subject(), List.copyOf(fields), List.copyOf(categories), a.fromSubgraph(),
        a.toSubgraph(), a.purpose(), a.requestId(), a.at());
  }

  private List<CrossedField> crossedFields(List<RepresentationShape> shapes) {
    List<CrossedField> found = new ArrayList<>();
    for (RepresentationShape shape : shapes) {
      walk(shape.objectType(), shape.fields(), shape.objectType(), null, Set.of(), found);
    }
    return List.copyOf(found);
  }

  private void walk(String typeName, SelectionShape selection, String path, Classification inherited,
      Set<String> inheritedOwners, List<CrossedField> found) {
    for (FieldShape field : selection.fields()) {
      if (field.name().equals("__typename")) {
        continue;
      }
      Classification own = model.classification(typeName, field.name());
      Classification effective = own != null ? own : inherited;
      Set<String> owners = own != null ? model.owners(typeName, field.name()) : inheritedOwners;
      String fieldPath = path + "." + field.name();
      FieldInfo info = supergraph.field(typeName, field.name());
      if (field.children() != null && info != null) {
        walk(info.typeName(), field.children(), fieldPath, effective, owners, found);
        continue;
      }
      if (effective != null) {
        found.add(new CrossedField(fieldPath, effective, new java.util.TreeSet<>(owners)));
      }
    }
    selection.fragments().forEach((type, fragment) -> walk(type, fragment, path, inherited, inheritedOwners, found));
  }
}
