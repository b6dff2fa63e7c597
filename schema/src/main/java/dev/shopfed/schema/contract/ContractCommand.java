package dev.shopfed.schema.contract;

import dev.shopfed.schema.composition.CommandFailure;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Guards the API contract of the mobile app.
 * <pre>
 * ContractCommand --check|--update --supergraph supergraph.graphql --contract api-schema.graphql --operations dir
 * </pre>
 * {@code --check} fails on a breaking change of the supergraph's API schema against the contract or on an
 * operation that no longer validates, and lists safe changes. {@code --update} rewrites the contract from the
 * supergraph (on purpose, after the app has been adapted); operations must still validate.
 */
public final class ContractCommand {

    private ContractCommand() {
    }

    public static void main(String[] args) throws IOException {
        if (!run(args, System.out)) {
            throw new CommandFailure("API contract check failed; see the report above. "
                    + "To accept the change on purpose: ./mvnw -B -pl schema -Pcontract process-classes");
        }
    }

    static boolean run(String[] args, PrintStream out) throws IOException {
        Options options = Options.parse(args);
        ApiSchema composed = ApiSchema.fromSupergraph(Files.readString(options.supergraph()));
        List<Path> operations = OperationCheck.operationFiles(options.operations());
        if (options.update()) {
            return update(options, composed, operations, out);
        }
        if (!Files.exists(options.contract())) {
            out.println("No API contract at " + options.contract() + "; create it with -Pcontract");
            return false;
        }
        ContractReport report = ContractGuard.check(ApiSchema.parse(Files.readString(options.contract())), composed, operations);
        out.print(report.format());
        return report.passed();
    }

    private static boolean update(Options options, ApiSchema composed, List<Path> operations, PrintStream out) throws IOException {
        if (Files.exists(options.contract())) {
            ContractReport report = ContractGuard.check(ApiSchema.parse(Files.readString(options.contract())), composed, operations);
            out.print("Updating the contract; changes accepted:" + System.lineSeparator() + report.format());
        }
        Files.createDirectories(options.contract().toAbsolutePath().getParent());
        Files.writeString(options.contract(), composed.print());
        out.println("Wrote " + options.contract());
        List<OperationCheck.Problem> problems = OperationCheck.validate(composed.toGraphQLSchema(), operations);
        problems.forEach(p -> out.println("  OPERATION " + p));
        return problems.isEmpty();
    }

    record Options(boolean update, Path supergraph, Path contract, Path operations) {

        static Options parse(String[] args) {
            boolean update = false;
            Path supergraph = null;
            Path contract = null;
            Path operations = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--check" -> update = false;
                    case "--update" -> update = true;
                    case "--supergraph" -> supergraph = Path.of(args[++i]);
                    case "--contract" -> contract = Path.of(args[++i]);
                    case "--operations" -> operations = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
                }
            }
            if (supergraph == null || contract == null || operations == null) {
                throw new IllegalArgumentException(
                        "Usage: ContractCommand --check|--update --supergraph <file> --contract <file> --operations <dir>");
            }
            return new Options(update, supergraph, contract, operations);
        }
    }
}
