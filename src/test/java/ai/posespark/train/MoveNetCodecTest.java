package ai.posespark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.posespark.model.tfjs.TfjsGraphModel;
import ai.posespark.pose.MoveNetCodec;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The codec's two halves agree with each other and with the graph's own decoding. */
class MoveNetCodecTest {

  @Test
  void decodingTheTargetsGivesBackTheKeypoints() {
    Random random = new Random(7);
    for (double sigma : new double[] {0.5, 0.8, 1}) {
      MoveNetCodec codec = new MoveNetCodec(48, sigma);
      float[] kps = new float[51];
      for (int k = 0; k < 17; k++) {
        kps[3 * k] = 0.3f + 0.4f * random.nextFloat();
        kps[3 * k + 1] = 0.1f + 0.8f * random.nextFloat();
        kps[3 * k + 2] = 1;
      }
      MoveNetCodec.Targets t = codec.encode(kps, 0.5f, 0.5f);
      float[] decoded = codec.decode(t.heatmap(), t.centre(), t.regress(), t.offset());
      for (int k = 0; k < 17; k++) {
        assertEquals(kps[3 * k + 1], decoded[3 * k], 1e-6, "y of joint " + k + ", sigma " + sigma);
        assertEquals(kps[3 * k], decoded[3 * k + 1], 1e-6, "x of joint " + k + ", sigma " + sigma);
      }
    }
  }

  @Test
  void decodingTheHeadsGivesTheGraphsOwnOutput() throws Exception {
    TrainingSample crop = TrainingFixtures.crops(1, 1).get(0);
    try (MoveNetTrainingGraph graph = MoveNetTrainingGraph.load(TrainingFixtures.lightning(), List.of(),
            Device.cpu());
        TfjsGraphModel model = TfjsGraphModel.load(TrainingFixtures.lightning(), Device.cpu());
        NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      NDArray image = PoseTrainer.images(m, List.of(crop));
      NDList heads = graph.heads(m, graph.normalise(m, image), Map.of());
      float[] ours = new MoveNetCodec(48, 1).decode(heads.get(0).toFloatArray(), heads.get(1).toFloatArray(),
          heads.get(2).toFloatArray(), heads.get(3).toFloatArray());
      float[] graphs = model.run(m, new NDList(image)).get(0).toFloatArray();
      for (int i = 0; i < 51; i++) {
        // the graph scales by 1/48 stored as float16 (0.0208282): up to 2.4e-4 apart at the far edge
        assertEquals(graphs[i], ours[i], 5e-4, "value " + i + " (joint " + i / 3 + ")");
      }
    }
  }
}
