package ai.posespark.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.posespark.model.ModelCatalog;
import ai.posespark.model.Npy;
import ai.posespark.model.tfjs.TensorSpec;
import ai.posespark.model.tfjs.TfjsGraphModel;
import ai.posespark.run.TestModels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real graphs run through PoseSpark's interpreter on the golden inputs: the decoders read its outputs (in the
 * interpreter's output order, under its output names) as they read TF.js's, to the same boxes within 1 px.
 */
class DetectorModelTest {
  @ParameterizedTest
  @CsvSource({"centernet, 000000197388", "nanodet, 000000197388", "blazepose-detector, 000000000785",
      "blazepose-detector, 000000197388", "blazepose-detector, 054d9ce9201beffc76e5ff2169d2af2f027002ca"})
  void interpreterOutputsDecodeToTheGoldenBoxes(String model, String image) throws Exception {
    DetectorGolden g = DetectorGolden.load(model, image);
    TestModels.assumeInstalled(model);
    List<float[]> outputs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (TfjsGraphModel graph = TfjsGraphModel.load(ModelCatalog.bundled().packageFolder().resolve(model + ".json"),
        Device.cpu()); NDManager scope = NDManager.newBaseManager(Device.cpu())) {
      NDList out = graph.run(scope, new NDList(Npy.read(scope, g.dir().resolve("input.npy"))));
      for (int i = 0; i < out.size(); i++) {
        NDArray o = out.get(i);
        outputs.add(o.toType(DataType.FLOAT32, false).toFloatArray());
      }
      for (TensorSpec s : graph.outputs()) {
        names.add(s.name());
      }
    }
    List<PersonBox> ours = BoxDecoders.standard().create(model, g.settings(names, 0.1, 0.5, 20)).decode(outputs);
    List<PersonBox> golden = BoxDecoders.standard().create(model, g.settings(g.names(), 0.1, 0.5, 20))
        .decode(g.outputs());
    assertEquals(golden.size(), ours.size(), model + "/" + image + " box count");
    double maxPx = 0;
    for (int i = 0; i < golden.size(); i++) {
      PersonBox a = golden.get(i);
      PersonBox b = ours.get(i);
      String what = model + "/" + image + " box " + i + ": " + a + " vs " + b;
      assertEquals(a.x(), b.x(), 1, what);
      assertEquals(a.y(), b.y(), 1, what);
      assertEquals(a.right(), b.right(), 1, what);
      assertEquals(a.bottom(), b.bottom(), 1, what);
      assertEquals(a.score(), b.score(), 1e-3, what);
      maxPx = Math.max(maxPx, Math.max(Math.max(Math.abs(a.x() - b.x()), Math.abs(a.y() - b.y())),
          Math.max(Math.abs(a.right() - b.right()), Math.abs(a.bottom() - b.bottom()))));
    }
    System.out.printf("%s/%s: outputs %s; %d boxes as from TF.js, corners within %.2e px%n", model, image, names,
        ours.size(), maxPx);
  }
}
