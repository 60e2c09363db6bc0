package ai.posespark.plan;

import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecException;
import ai.posespark.jobfile.ModelSpec;
import ai.posespark.model.ModelCatalog;
import ai.posespark.model.ModelEntry;
import java.util.Optional;

/**
 * A TorchScript {@code .pt} is a program: its {@code forward} may read and write files with the job's rights. One the
 * job names by path or URI runs only with {@code model.trustTorchScript: true}; catalog entries (bundled, or the
 * job's own {@code model.catalog}, which the user wrote) are trusted by name.
 */
public final class TorchScriptTrust {
  private TorchScriptTrust() {}

  /** Refuses the job's untrusted TorchScript model paths, naming the key. */
  public static void check(JobSpec spec, ModelCatalog catalog) {
    ModelSpec model = spec.model();
    if (model == null || model.trustTorchScript()) {
      return;
    }
    check("model.pose", model.pose(), catalog);
    check("model.detector", model.detector(), catalog);
  }

  private static void check(String key, String ref, ModelCatalog catalog) {
    if (ref == null || catalog.models().containsKey(ref)) {
      return;
    }
    Optional<ModelEntry> entry = catalog.resolve(ref);
    if (entry.isPresent() && "torchscript".equals(entry.get().format())) {
      throw new JobSpecException(key, "'" + ref + "' is a TorchScript file named by path: TorchScript is code that "
          + "runs with the job's rights (it can read and write files); set model.trustTorchScript: true if you "
          + "trust its source, or name a catalog entry");
    }
  }
}
