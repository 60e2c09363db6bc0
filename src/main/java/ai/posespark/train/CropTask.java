package ai.posespark.train;

import ai.posespark.data.PersonAnnotation;
import ai.posespark.decode.ImageDecoder;
import ai.posespark.decode.RgbImage;
import ai.posespark.source.HadoopConf;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The executor side of a training set: reads and decodes one image, cuts every person's crops (training images:
 * {@code copies} augmented crops each, drawn from a generator seeded by the run seed and the annotation id, so
 * the crops do not depend on which executor cuts them; validation images: the plain inference crop). A file that
 * cannot be read or decoded gives its reason instead, and the run goes on without it.
 */
public final class CropTask implements Serializable {
  private final HadoopConf conf;
  private final int size;
  private final double padding;
  private final int copies;
  private final Augmentation.Settings augment;
  private final long seed;

  /**
   * One image's outcome.
   *
   * @param image what was cropped
   * @param samples its crops (empty on error)
   * @param error why it could not be read, or null
   */
  public record Result(AnnotatedImage image, List<TrainingSample> samples, String error) implements Serializable {}

  /** Crops for a model of input {@code size}. */
  public CropTask(HadoopConf conf, int size, double padding, int copies, Augmentation.Settings augment, long seed) {
    this.conf = conf;
    this.size = size;
    this.padding = padding;
    this.copies = copies;
    this.augment = augment;
    this.seed = seed;
  }

  /** The crops of {@code image}'s people; the result's image has its decoded size. */
  public Result apply(AnnotatedImage annotated) {
    AnnotatedImage image = annotated;
    RgbImage rgb;
    try {
      Path path = new Path(image.uri());
      FileSystem fs = path.getFileSystem(conf.get());
      try (InputStream in = fs.open(path)) {
        rgb = ImageDecoder.decode(in.readAllBytes());
      }
    } catch (Exception e) {
      return new Result(image, List.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    image = image.sized(rgb.width(), rgb.height());
    PersonCropper cropper = new PersonCropper(size, padding);
    List<TrainingSample> out = new ArrayList<>();
    for (PersonAnnotation person : image.persons()) {
      if (!image.train()) {
        out.add(cropper.crop(person.id() + "", rgb, person, Augmentation.NONE));
        continue;
      }
      Random random = new Random(seed * 1_000_003L + person.id());
      for (int c = 0; c < copies; c++) {
        Augmentation a = c == 0 ? Augmentation.NONE : Augmentation.draw(random, augment);
        out.add(cropper.crop(person.id() + "#" + c, rgb, person, a));
      }
    }
    return new Result(image, out, null);
  }
}
