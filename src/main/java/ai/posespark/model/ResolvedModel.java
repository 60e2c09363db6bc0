package ai.posespark.model;

/**
 * A catalog entry and where executors read its file, as the driver resolved them.
 *
 * @param entry    how to feed and decode the model
 * @param location local path or Hadoop URI of the model file
 */
public record ResolvedModel(ModelEntry entry, String location) implements java.io.Serializable {

  /** {@code entry} at the location the catalog gives it. */
  public static ResolvedModel of(ModelCatalog catalog, ModelEntry entry) {
    return new ResolvedModel(entry, catalog.locate(entry));
  }
}
