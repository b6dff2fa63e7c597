package dev.shopfed.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One operation of the app, read from {@code schema/contract/operations/<file>} so the tests send
 * exactly the documents the app ships.
 *
 * @param file          the document's file name, for messages
 * @param document      the whole document (it may hold several operations and shared fragments)
 * @param operationName which operation of the document to run, or null when it holds just one
 */
public record Operation(String file, String document, String operationName) {

  public static Operation load(Path operationsDir, String file, String operationName) {
    Path path = operationsDir.resolve(file);
    try {
      return new Operation(file, Files.readString(path), operationName);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read operation " + path, e);
    }
  }

  public String label() {
    return operationName == null ? file : file + "#" + operationName;
  }
}
