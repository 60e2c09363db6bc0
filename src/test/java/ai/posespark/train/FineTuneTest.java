package ai.posespark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.posespark.model.ModelCatalog;
import ai.posespark.model.tfjs.TfjsGraphModel;
import ai.posespark.pose.MoveNetCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fine-tuning movenet-lightning's heads on the sample person: the loss falls, two runs with one seed are equal to
 * the bit, and the written model reproduces the trained one.
 */
class FineTuneTest {
  private static final List<String> BACKBONE = List.of("model_1/model/");

  @Test
  void lossFallsAndTheSameSeedGivesTheSameRun(@TempDir Path out) throws Exception {
    List<TrainingSample> samples = TrainingFixtures.crops(4, 3);
    FineTuneSettings settings = new FineTuneSettings(BACKBONE, 2e-5, 3, 2, 11, 1);
    List<PoseTrainer.Epoch> first = new ArrayList<>();
    List<PoseTrainer.Epoch> second = new ArrayList<>();
    double before;
    double after;
    double errorBefore;
    double errorAfter;
    try (MoveNetTrainingGraph model = MoveNetTrainingGraph.load(TrainingFixtures.lightning(), BACKBONE,
        Device.cpu())) {
      PoseTrainer trainer = new PoseTrainer(model, settings);
      before = trainer.loss(samples);
      errorBefore = pixelError(model, samples.get(0));
      trainer.train(samples, first::add);
      after = trainer.loss(samples);
      errorAfter = pixelError(model, samples.get(0));
    }
    try (MoveNetTrainingGraph model = MoveNetTrainingGraph.load(TrainingFixtures.lightning(), BACKBONE,
        Device.cpu())) {
      new PoseTrainer(model, settings).train(samples, second::add);
    }
    first.forEach(e -> System.out.printf("epoch %d: loss %.5f, %.0f ms%n", e.epoch(), e.meanLoss(), e.millis()));
    System.out.printf("training-set loss before %.5f, after %.5f; plain crop's mean keypoint error %.2f -> %.2f px%n",
        before, after, errorBefore, errorAfter);
    assertTrue(after < 0.9 * before, "loss " + before + " -> " + after);
    assertTrue(errorAfter < errorBefore, "keypoints moved away from the labels: " + errorBefore + " -> "
        + errorAfter + " px");
    for (int e = 0; e < first.size(); e++) {
      assertEquals(first.get(e).meanLoss(), second.get(e).meanLoss(), 0.0, "epoch " + (e + 1) + " differs");
    }
  }

  /** Mean distance, crop pixels, between the decoded and the labelled keypoints of {@code crop}. */
  private static double pixelError(MoveNetTrainingGraph model, TrainingSample crop) {
    try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      NDList heads = model.heads(m, model.normalise(m, PoseTrainer.images(m, List.of(crop))), Map.of());
      float[] yxs = new MoveNetCodec(48, 1).decode(heads.get(0).toFloatArray(), heads.get(1).toFloatArray(),
          heads.get(2).toFloatArray(), heads.get(3).toFloatArray());
      double sum = 0;
      int n = 0;
      for (int k = 0; k < 17; k++) {
        if (crop.keypoints()[3 * k + 2] > 0) {
          sum += Math.hypot(yxs[3 * k + 1] - crop.keypoints()[3 * k], yxs[3 * k] - crop.keypoints()[3 * k + 1]);
          n++;
        }
      }
      return sum / n * crop.size();
    }
  }

  @Test
  void theWrittenModelReproducesTheTrainedOne(@TempDir Path out) throws Exception {
    List<TrainingSample> samples = TrainingFixtures.crops(3, 5);
    FineTuneSettings settings = new FineTuneSettings(BACKBONE, 2e-5, 1, 3, 2, 1);
    try (MoveNetTrainingGraph model = MoveNetTrainingGraph.load(TrainingFixtures.lightning(), BACKBONE,
            Device.cpu());
        NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      float[] original = model.weights().get(model.trainable().get(0)).toFloatArray();
      new PoseTrainer(model, settings).train(samples, e -> { });
      assertFalse(java.util.Arrays.equals(original, model.weights().get(model.trainable().get(0)).toFloatArray()),
          "training changed nothing");
      Path written = model.write(out.resolve("model"));
      NDArray image = PoseTrainer.images(m, samples.subList(0, 1));
      NDList trained = model.heads(m, model.normalise(m, image), Map.of());
      try (MoveNetTrainingGraph reloaded = MoveNetTrainingGraph.load(written, BACKBONE, Device.cpu())) {
        NDList again = reloaded.heads(m, reloaded.normalise(m, image), Map.of());
        for (int h = 0; h < trained.size(); h++) {
          assertArrayEquals(trained.get(h).toFloatArray(), again.get(h).toFloatArray(), 0f, "head " + h);
        }
      }
      // the catalog takes it by path with lightning's recipe; inference (oneDNN path) decodes the same keypoints
      assertEquals("movenet-single", ModelCatalog.bundled().resolve(written.toString()).orElseThrow().decoder());
      float[] decoded = new MoveNetCodec(48, 1).decode(trained.get(0).toFloatArray(),
          trained.get(1).toFloatArray(), trained.get(2).toFloatArray(), trained.get(3).toFloatArray());
      try (TfjsGraphModel inference = TfjsGraphModel.load(written, Device.cpu())) {
        float[] outputs = inference.run(m, new NDList(image)).get(0).toFloatArray();
        for (int i = 0; i < outputs.length; i++) {
          assertEquals(decoded[i], outputs[i], 1e-3, "value " + i);
        }
      }
    }
  }
}
