package ai.posespark.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PoseTrackReaderTest {
  @Test
  void readsTheCombinedFile() {
    String uri = SharedFixtures.uri("data/posetrack18/annotations/test_posetrack18_val.json");
    PoseTrackDataset d = PoseTrackReader.read(uri, SharedFixtures.CONF);
    assertEquals(3, d.coco().images().size());
    assertEquals(14, d.coco().annotations().size());
    assertEquals("head_bottom", d.coco().keypointNames().get(1));
    PersonAnnotation a = d.coco().annotations().get(0);
    assertNotNull(a.trackId());
    assertFalse(a.iscrowd());
    assertFalse(a.areaFromFile());
    PoseTrackFrame f = d.frames().get(10128340000L);
    assertEquals("012834", f.videoId());
    assertTrue(f.labeled());
    assertEquals(4, f.ignoreRegions().size());
    assertEquals(AnnotationFormat.POSETRACK, AnnotationFormat.detect(uri, SharedFixtures.CONF));
  }

  @Test
  void readsTheFolderOfPerVideoFiles() {
    String dir = SharedFixtures.uri("data/posetrack18/annotations/val");
    PoseTrackDataset d = PoseTrackReader.read(dir, SharedFixtures.CONF);
    assertEquals(3, d.coco().images().size());
    assertEquals(14, d.coco().annotations().size());
    Set<String> videos = d.frames().values().stream().map(PoseTrackFrame::videoId).collect(Collectors.toSet());
    assertEquals(Set.of("003418", "009473", "012834"), videos);
    assertEquals(AnnotationFormat.POSETRACK, AnnotationFormat.detect(dir, SharedFixtures.CONF));
  }
}
