package dev.shopfed.schema.contract;

import graphql.schema.GraphQLSchema;

import java.nio.file.Path;
import java.util.List;

/** Checks a composed API schema against the contract the app was built against and the app's operations. */
public final class ContractGuard {

    private ContractGuard() {
    }

    public static ContractReport check(ApiSchema contract, ApiSchema composed, List<Path> operationFiles) {
        GraphQLSchema composedSchema = composed.toGraphQLSchema();
        List<SchemaChange> changes = SchemaComparison.compare(contract.toGraphQLSchema(), composedSchema);
        List<OperationCheck.Problem> problems = OperationCheck.validate(composedSchema, operationFiles);
        return new ContractReport(changes, operationFiles.size(), problems);
    }
}
