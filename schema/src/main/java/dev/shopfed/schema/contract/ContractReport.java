package dev.shopfed.schema.contract;

import java.util.List;

/**
 * Outcome of checking the composed API schema against the app contract.
 *
 * @param changes           every difference, breaking and safe
 * @param operationFiles    how many operation files were validated
 * @param operationProblems validation errors of the app's operations against the composed API schema
 */
public record ContractReport(List<SchemaChange> changes, int operationFiles, List<OperationCheck.Problem> operationProblems) {

    public ContractReport {
        changes = List.copyOf(changes);
        operationProblems = List.copyOf(operationProblems);
    }

    public List<SchemaChange> breakingChanges() {
        return changes.stream().filter(SchemaChange::breaking).toList();
    }

    public List<SchemaChange> safeChanges() {
        return changes.stream().filter(c -> !c.breaking()).toList();
    }

    public boolean passed() {
        return breakingChanges().isEmpty() && operationProblems.isEmpty();
    }

    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("API contract: %d breaking change(s), %d safe change(s); %d operation file(s), %d problem(s)%n",
                breakingChanges().size(), safeChanges().size(), operationFiles, operationProblems.size()));
        breakingChanges().forEach(c -> out.append("  ").append(c).append(System.lineSeparator()));
        safeChanges().forEach(c -> out.append("  ").append(c).append(System.lineSeparator()));
        operationProblems.forEach(p -> out.append("  OPERATION ").append(p).append(System.lineSeparator()));
        return out.toString();
    }
}
