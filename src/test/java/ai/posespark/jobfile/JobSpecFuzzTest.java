package ai.posespark.jobfile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.testing.Mutator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation fuzz test of the job-file parser: 2,000 mutations of a job file using most keys. Each parse
 * must give a validated spec or a {@link JobSpecException} naming a key; any other exception is a bug.
 */
class JobSpecFuzzTest {
  private static final int CASES = 2_000;
  private static final String JOB = """
      name: fuzz
      input:
        paths: [data/samples, "s3a://bucket/images/*.jpg"]
        kind: images
        annotations: data/samples/person_keypoints.json
        extensions: [jpg, png]
        maxPixels: 100000000
        maxDecodePixels: 16777216
        maxFileBytes: 536870912
        decodeTimeoutMs: 60000
      model:
        pipeline: top-down
        pose: movenet-thunder
        detector: centernet
        cropPadding: 1.25
        refine: 1
        flipTest: true
        poseNms: {method: parametric, gamma: 22.48}
        minDetectionScore: 0.05
        detectionNmsIou: 0.6
        maxPersons: 20
        minPersonScore: 0.1
        minKeypointScore: 0.0
      execution: {batchSize: 8, device: auto, partitions: 16}
      output: {path: out, mode: overwrite}
      evaluation: {metrics: [coco]}
      """;

  @Test
  void mutatedJobFilesParseOrFailNamingAKey() {
    JobSpecLoader.parse(JOB, List.of()); // the seed itself is valid
    Mutator mutator = new Mutator(1313);
    int parsed = 0;
    int refused = 0;
    for (int i = 0; i < CASES; i++) {
      String yaml = mutator.mutate(JOB);
      try {
        JobSpecLoader.parse(yaml, List.of());
        parsed++;
      } catch (JobSpecException e) {
        assertTrue(e.key() != null && !e.key().isBlank() && e.getMessage().startsWith("job file: "),
            "case " + i + ": " + e.getMessage());
        refused++;
      } catch (RuntimeException e) {
        throw new AssertionError("case " + i + " crashed the parser with " + e + "\njob file:\n" + yaml, e);
      }
    }
    System.out.printf("job-file fuzz: %d cases, %d parsed, %d refused naming a key, 0 crashes%n", CASES, parsed,
        refused);
  }
}
