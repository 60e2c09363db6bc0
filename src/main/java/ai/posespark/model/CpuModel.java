package ai.posespark.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The CPU this JVM runs on, in one line: model name and the vector extensions oneDNN dispatches on. Numeric
 * results of libtorch's CPU kernels depend on them (README, known issues), so tests and benchmarks print it.
 */
public final class CpuModel {
  private static final List<String> FLAGS = List.of("avx2", "avx512f", "avx512_vnni", "avx512_bf16", "amx_tile",
      "amx_bf16");

  private CpuModel() {}

  /** E.g. {@code AMD EPYC (AuthenticAMD family 26 model 2): avx2 avx512f avx512_vnni avx512_bf16, no amx_tile...}. */
  public static String describe() {
    try {
      return describe(Files.readAllLines(Path.of("/proc/cpuinfo")));
    } catch (IOException | RuntimeException e) {
      return System.getProperty("os.arch") + " (no /proc/cpuinfo: " + e.getMessage() + ")";
    }
  }

  static String describe(List<String> cpuinfo) {
    String name = field(cpuinfo, "model name");
    Set<String> flags = Set.of(field(cpuinfo, "flags").split("\\s+"));
    List<String> has = new ArrayList<>();
    List<String> lacks = new ArrayList<>();
    for (String f : FLAGS) {
      (flags.contains(f) ? has : lacks).add(f);
    }
    return name + " (" + field(cpuinfo, "vendor_id") + " family " + field(cpuinfo, "cpu family") + " model "
        + field(cpuinfo, "model") + "): " + String.join(" ", has) + (lacks.isEmpty() ? "" : ", no "
        + String.join(" ", lacks));
  }

  private static String field(List<String> cpuinfo, String key) {
    for (String line : cpuinfo) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
        return line.substring(colon + 1).trim();
      }
    }
    return "?";
  }
}
