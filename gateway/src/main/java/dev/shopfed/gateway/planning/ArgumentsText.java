package dev.shopfed.gateway.planning;

import graphql.language.Argument;
import graphql.language.AstPrinter;
import java.util.List;

/** Prints field arguments the way subgraph operations carry them: compact, in the order written. */
final class ArgumentsText {

  private ArgumentsText() {}

  static String print(List<Argument> arguments) {
    if (arguments == null || arguments.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < arguments.size(); i++) {
      Argument a = arguments.get(i);
      out.append(i == 0 ? "" : ",").append(a.getName()).append(':').append(AstPrinter.printAstCompact(a.getValue()));
    }
    return out.append(')').toString();
  }
}
