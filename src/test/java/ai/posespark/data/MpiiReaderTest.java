package ai.posespark.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MpiiReaderTest {
  @Test
  void readsTheRealMmposeFileAndDerivesHeadBoxes() {
    String uri = SharedFixtures.uri("data/mpii/test_mpii.json");
    MpiiDataset d = MpiiReader.read(uri, SharedFixtures.CONF);
    assertEquals(AnnotationFormat.MPII, AnnotationFormat.detect(uri, SharedFixtures.CONF));
    assertEquals(1, d.coordinateOrigin());
    assertEquals(5, d.persons().size());
    int[] visible = {16, 16, 14, 14, 16};
    for (int i = 0; i < 5; i++) {
      MpiiPerson p = d.persons().get(i);
      int n = 0;
      for (boolean v : p.visible()) {
        n += v ? 1 : 0;
      }
      assertEquals(visible[i], n, p.image());
      assertTrue(p.headboxDerived());
    }
    // the same derived boxes as the PCKh golden ground truth built from this file
    MpiiDataset golden = MpiiReader.read(SharedFixtures.uri("golden/pckh/gt/mmpose_test_mpii.json"),
        SharedFixtures.CONF);
    for (int i = 0; i < 5; i++) {
      assertArrayEquals(golden.persons().get(i).headbox(), d.persons().get(i).headbox(), 0);
      assertFalse(golden.persons().get(i).headboxDerived());
    }
  }

  @Test
  void headSizeIsTheOfficialNormaliser() {
    MpiiDataset d = MpiiReader.read(SharedFixtures.uri("golden/pckh/gt/boundary_a.json"), SharedFixtures.CONF);
    assertEquals(30.0, d.persons().get(0).headSize(), 0); // 0.6 * hypot(30, 40)
  }

  @Test
  void readsPredictionsAndNamesBadFields(@TempDir Path tmp) throws Exception {
    List<MpiiPrediction> p = MpiiPredictionsReader.read(
        SharedFixtures.uri("golden/pckh/pred/boundary_a__exact_offsets.json"), SharedFixtures.CONF);
    assertEquals(6, p.size());
    assertEquals(161.0, p.get(0).joints()[0][0], 0);
    Path f = tmp.resolve("mpii.json");
    Files.writeString(f, "[{\"image\": \"a.jpg\", \"joints\": [[1,2]], \"joints_vis\": [1]}]");
    AnnotationFormatException e = assertThrows(AnnotationFormatException.class,
        () -> MpiiReader.read(f.toUri().toString(), SharedFixtures.CONF));
    assertTrue(e.getMessage().contains("mpii.json: (list)[0], field 'joints'"), e.getMessage());
  }

  @Test
  void cocoPredictionsMapToMpiiJoints() {
    double[] x = new double[17], y = new double[17];
    for (int k = 0; k < 17; k++) {
      x[k] = k;
      y[k] = 100 + k;
    }
    double[][] m = Mpii16.fromCoco17(x, y);
    assertArrayEquals(new double[] {16, 116}, m[0], 0); // r_ankle
    assertArrayEquals(new double[] {5, 105}, m[13], 0); // l_shoulder
    assertArrayEquals(new double[] {11.5, 111.5}, m[Mpii16.PELVIS], 0);
    assertArrayEquals(new double[] {5.5, 105.5}, m[Mpii16.THORAX], 0);
    assertTrue(Mpii16.approximatedFromCoco(Mpii16.HEAD_TOP));
    assertFalse(Mpii16.approximatedFromCoco(0));
  }
}
