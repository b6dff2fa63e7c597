package dev.shopfed.e2e.support;

import java.nio.file.Path;

/** The app's operations, as files under {@code schema/contract/operations}. */
public record Operations(Path dir) {

  public Operation get(String file) {
    return Operation.load(dir, file, null);
  }

  public Operation get(String file, String operationName) {
    return Operation.load(dir, file, operationName);
  }
}
