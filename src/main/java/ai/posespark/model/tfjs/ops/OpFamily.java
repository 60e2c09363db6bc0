package ai.posespark.model.tfjs.ops;

import java.util.Map;

/** A group of related ops (one class per family, like tfjs-converter's executors) and their kernel factories. */
public interface OpFamily {
  /** TF op name to factory for every op of this family. */
  Map<String, KernelFactory> factories();
}
