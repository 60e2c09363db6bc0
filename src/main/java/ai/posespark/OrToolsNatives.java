package ai.posespark;

import com.google.ortools.Loader;

/**
 * OR-Tools' natives, loaded once per JVM (an executor's, or the driver's): they unpack from the jar into a
 * temporary folder, so every user of OR-Tools — the assignment solver, the ILP grouper — goes through here.
 */
public final class OrToolsNatives {
  private static boolean loaded;

  private OrToolsNatives() {}

  /** Loads the natives unless this JVM already has. */
  public static synchronized void load() {
    if (!loaded) {
      Loader.loadNativeLibraries();
      loaded = true;
    }
  }
}
