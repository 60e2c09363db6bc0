package ai.posespark.train;

import ai.posespark.data.CocoDataset;
import ai.posespark.data.CocoKeypointsReader;
import ai.posespark.data.PersonAnnotation;
import ai.posespark.decode.ImageDecoder;
import ai.posespark.decode.RgbImage;
import ai.posespark.model.ModelCatalog;
import ai.posespark.run.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;

/** The shipped sample person (data/samples, COCO 785) as training crops, and the installed lightning graph. */
final class TrainingFixtures {
  static final Path SAMPLES = Path.of("data/samples");

  private TrainingFixtures() {}

  /** movenet-lightning's model.json, or a skip when the model package is not installed. */
  static Path lightning() {
    TestModels.assumeInstalled("movenet-lightning");
    return ModelCatalog.bundled().packageFolder().resolve("movenet-lightning.json");
  }

  /** {@code copies} crops of the sample's annotated person, the first un-augmented, the rest drawn from seed. */
  static List<TrainingSample> crops(int copies, long seed) throws Exception {
    CocoDataset gt = CocoKeypointsReader.read(SAMPLES.resolve("person_keypoints.json").toString(),
        new Configuration());
    RgbImage image = ImageDecoder.decode(Files.readAllBytes(SAMPLES.resolve(gt.images().get(0).fileName())));
    PersonAnnotation person = gt.annotations().get(0);
    PersonCropper cropper = new PersonCropper(192, 1.25);
    Random random = new Random(seed);
    List<TrainingSample> out = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      Augmentation a = i == 0 ? Augmentation.NONE : Augmentation.draw(random, Augmentation.Settings.DEFAULT);
      out.add(cropper.crop("785-" + i, image, person, a));
    }
    return out;
  }
}
