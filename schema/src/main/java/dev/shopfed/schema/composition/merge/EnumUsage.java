package dev.shopfed.schema.composition.merge;

/**
 * Where an enum is used, which decides how its values merge: union for output-only enums, intersection for
 * input-only ones, identical values when used both ways.
 *
 * @param inputExample  a coordinate using it as input, or null
 * @param outputExample a coordinate using it as output, or null
 */
record EnumUsage(String inputExample, String outputExample) {

    EnumUsage withInput(String coordinate) {
        return inputExample != null ? this : new EnumUsage(coordinate, outputExample);
    }

    EnumUsage withOutput(String coordinate) {
        return outputExample != null ? this : new EnumUsage(inputExample, coordinate);
    }

    boolean input() {
        return inputExample != null;
    }

    boolean output() {
        return outputExample != null;
    }
}
