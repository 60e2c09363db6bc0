package ai.posespark.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.TestVideos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FFmpeg opens only the bytes it is handed, whichever way PoseSpark hands them (a local file by path, or a Hadoop
 * stream as for {@code hdfs://} and {@code s3a://}): an HLS playlist, a DASH manifest, an SDP session and a concat
 * list pointing at a loopback HTTP canary are refused by the demuxer whitelist and the canary hears nothing, while
 * real videos in every container the suite renders still open.
 */
class NoNetworkFromDataTest {
  static final Configuration CONF = new Configuration();
  @TempDir
  Path dir;

  @Test
  void luresAreRefusedAndNothingReachesTheCanary() throws Exception {
    try (HttpCanary canary = new HttpCanary()) {
      Map<String, Path> lures = canary.writeLures(dir);
      for (boolean viaStream : new boolean[] {false, true}) {
        for (var lure : lures.entrySet()) {
          String uri = lure.getValue().toUri().toString();
          IOException e = assertThrows(IOException.class,
              () -> VideoFiles.open(uri, CONF, false, viaStream).close(),
              lure.getKey() + (viaStream ? " (stream)" : " (file)") + " opened; canary " + canary.requests());
          System.out.printf("%s%s: %s%n", lure.getKey(), viaStream ? " (stream)" : "", e.getMessage());
          VideoIndex probed = VideoProbe.probe(uri, Files.size(lure.getValue()), CONF);
          assertNotNull(probed.error(), lure.getKey());
        }
      }
      assertEquals(List.of(), canary.requests(), "requests reached the canary");
    }
  }

  @Test
  void everyContainerTheSuiteRendersStillOpens() throws Exception {
    for (TestVideos.Codec codec : TestVideos.Codec.values()) {
      Path video = TestVideos.render(dir, "v-" + codec, new TestVideos.Spec(64, 48, 25, 5, codec, 5),
          TestVideos.frameNumbers());
      for (boolean viaStream : new boolean[] {false, true}) {
        VideoFiles.open(video.toUri().toString(), CONF, false, viaStream).close();
      }
      VideoIndex index = VideoProbe.probe(video.toUri().toString(), Files.size(video), CONF);
      assertTrue(index.error() == null, codec + ": " + index.error());
      assertEquals(5, index.frames(), codec.toString());
    }
  }
}
