package ai.posespark.pipeline;

import ai.posespark.source.FrameIds;
import ai.posespark.source.FrameTask;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;

/**
 * What recording each frame in flight costs ({@link InflightMarkers}: a marker written before the decode, deleted
 * after): {@code java … ai.posespark.pipeline.InflightMarkersBenchmark [RUN_DIR_URI [FRAMES]]}, a temp folder on the
 * local file system by default. Prints the time per frame.
 */
public final class InflightMarkersBenchmark {
  private InflightMarkersBenchmark() {}

  public static void main(String[] args) throws Exception {
    String runDir = args.length > 0 ? args[0] : Files.createTempDirectory("inflight-bench").toUri().toString();
    int frames = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
    InflightMarkers markers = InflightMarkers.of(runDir, new Configuration());
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      try (InflightMarkers.TaskLog log = markers.open("0-0", round)) {
        for (int i = 0; i < frames; i++) {
          String uri = runDir + "/images/" + i + ".jpg";
          log.record(new FrameTask(uri, 0, FrameIds.of(uri, 0), 0));
          log.clear();
        }
      }
      System.out.printf("in-flight log on %s: %d frames, %.1f µs a frame (two lines flushed; the log opened and "
          + "deleted)%n", runDir, frames, (System.nanoTime() - t0) / 1e3 / frames);
    }
  }
}
