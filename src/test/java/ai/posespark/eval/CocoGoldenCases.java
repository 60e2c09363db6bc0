package ai.posespark.eval;

import ai.posespark.data.SharedFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The pycocotools oracle cases of {@code shared/golden/coco}: one per file in {@code expected/}. */
final class CocoGoldenCases {
  static final double TOLERANCE = 1e-9;

  /** One case: expected file, the GT and results it names. */
  record Case(String name, Path gt, Path dt, JsonNode expected) {
    /** Stands in for the cases when the shared folder is absent, so the test reports a skip. */
    static final Case MISSING = new Case("shared/golden/coco absent", null, null, null);

    /** Skips the calling test for {@link #MISSING}. */
    Case require() {
      if (this == MISSING) {
        SharedFixtures.require("golden/coco");
      }
      return this;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private CocoGoldenCases() {}

  /** All cases; only {@link Case#MISSING} when the shared folder is absent. */
  static Stream<Case> all() throws IOException {
    String root = System.getProperty("posespark.shared");
    Path dir = root == null ? null : Path.of(root, "golden", "coco");
    if (dir == null || !Files.isDirectory(dir.resolve("expected"))) {
      return Stream.of(Case.MISSING);
    }
    List<Case> out = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(dir.resolve("expected"))) {
      for (Path f : files.sorted().toList()) {
        if (f.getFileName().toString().equals("SUMMARY.json")) {
          continue;
        }
        JsonNode e = json.readTree(f.toFile());
        out.add(new Case(f.getFileName().toString(), dir.resolve(e.get("gt").asText()),
            dir.resolve(e.get("dt").asText()), e));
      }
    }
    return out.stream();
  }

  static double[] doubles(JsonNode n) {
    double[] out = new double[n.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = n.get(i).asDouble();
    }
    return out;
  }
}
