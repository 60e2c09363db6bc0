package ai.posespark.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CocoKeypointsReaderTest {
  @Test
  void readsTheRealCocoFile() {
    CocoDataset d = CocoKeypointsReader.read(SharedFixtures.uri("data/coco/test_coco.json"), SharedFixtures.CONF);
    assertEquals(4, d.images().size());
    assertEquals(14, d.annotations().size());
    assertEquals(Coco17.NAMES, d.keypointNames());
    assertEquals(1, d.personCategoryId());
    assertEquals(12, d.annotations().stream().filter(a -> a.numKeypoints() > 0).count());
    PersonAnnotation first = d.annotations().get(0);
    assertEquals(442619, first.id());
    assertEquals(785, first.imageId());
    assertEquals(27789.11055, first.area(), 0);
    assertTrue(first.areaFromFile());
    assertArrayEquals(new double[] {280.79, 44.73, 218.7, 346.68}, first.bbox(), 0);
    assertEquals(367, first.keypoints()[0], 0);
    assertEquals(17, first.labelledCount());
    assertFalse(first.iscrowd());
    assertNull(first.synthesised());
    assertEquals("000000000785.jpg", d.images().get(0).fileName());
    assertEquals(640, d.images().get(0).width());
    assertEquals(AnnotationFormat.COCO, AnnotationFormat.detect(SharedFixtures.uri("data/coco/test_coco.json"),
        SharedFixtures.CONF));
  }

  @Test
  void errorsNameFileRecordAndField(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("bad.json");
    Files.writeString(f, "{\"images\": [{\"id\": 1, \"file_name\": \"a.jpg\"}], \"annotations\": ["
        + "{\"id\": 7, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0,0,1,1], \"keypoints\": [1,2,2,3,4]}]}");
    AnnotationFormatException e = assertThrows(AnnotationFormatException.class,
        () -> CocoKeypointsReader.read(f.toUri().toString(), SharedFixtures.CONF));
    assertTrue(e.getMessage().contains("bad.json"), e.getMessage());
    assertTrue(e.getMessage().contains("annotations[0] (id 7)"), e.getMessage());
    assertTrue(e.getMessage().contains("'keypoints'"), e.getMessage());

    Files.writeString(f, "{\"images\": [{\"id\": 1, \"file_name\": \"a.jpg\"}], \"annotations\": ["
        + "{\"id\": 7, \"image_id\": 2, \"category_id\": 1, \"bbox\": [0,0,1,1], \"keypoints\": [1,2,2]}]}");
    e = assertThrows(AnnotationFormatException.class,
        () -> CocoKeypointsReader.read(f.toUri().toString(), SharedFixtures.CONF));
    assertTrue(e.getMessage().contains("'image_id'") && e.getMessage().contains("no image with id 2"),
        e.getMessage());

    Files.writeString(f, "{\"images\": [{\"id\": 1}]}");
    e = assertThrows(AnnotationFormatException.class,
        () -> CocoKeypointsReader.read(f.toUri().toString(), SharedFixtures.CONF));
    assertTrue(e.getMessage().contains("images[0] (id 1), field 'file_name': missing"), e.getMessage());
  }

  @Test
  void areaAndNumKeypointsAreDerivedWhereAbsent(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("gt.json");
    Files.writeString(f, "{\"images\": [{\"id\": 1, \"file_name\": \"a.jpg\"}], \"annotations\": ["
        + "{\"id\": 7, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0,0,10,20], \"iscrowd\": true, "
        + "\"keypoints\": [1,2,2, 0,0,0]}]}");
    PersonAnnotation a = CocoKeypointsReader.read(f.toUri().toString(), SharedFixtures.CONF).annotations().get(0);
    assertEquals(200 * 0.53, a.area(), 1e-12);
    assertFalse(a.areaFromFile());
    assertEquals(1, a.numKeypoints());
    assertTrue(a.iscrowd());
  }
}
