package ai.posespark.pose.paf;

import ai.posespark.data.AicToCoco;
import ai.posespark.data.Coco17;
import ai.posespark.data.CocoDataset;
import ai.posespark.data.CocoKeypointsReader;
import ai.posespark.data.ImageInfo;
import ai.posespark.data.Mpii16;
import ai.posespark.data.MpiiDataset;
import ai.posespark.data.MpiiPerson;
import ai.posespark.data.MpiiReader;
import ai.posespark.data.PersonAnnotation;
import ai.posespark.pose.Keypoint;
import ai.posespark.pose.Person;
import ai.posespark.run.TestModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.hadoop.conf.Configuration;

/**
 * Ground-truth scenes for the PAF codec tests, in model-input pixels, and how well a decoding recovers them.
 * Real scenes are the images of {@code ../shared/data} at OpenPose's default net resolution ({@code -1x368}: height
 * 368, width by the aspect rounded up to a multiple of 16), stride 8.
 */
final class PafScenes {
  static final int STRIDE = 8;
  static final int NET_HEIGHT = 368;

  private PafScenes() {}

  /**
   * One image's people.
   *
   * @param name        where it comes from
   * @param inputWidth  model input width, pixels
   * @param inputHeight model input height, pixels
   * @param keypoints   {@code (N, 17, 2)} COCO-17 input pixels
   * @param visibility  {@code (N, 17)} COCO {@code v}
   */
  record Scene(String name, int inputWidth, int inputHeight, double[][][] keypoints, double[][] visibility) {

    PafCodec codec(PafTopology topology, PafSettings settings) {
      return PafCodec.forInput(topology, STRIDE, inputWidth, inputHeight, settings);
    }

    int people() {
      return keypoints.length;
    }

    /** This scene with each labelled joint dropped ({@code v = 0}) with probability {@code p}. */
    Scene occluded(double p, Random random) {
      double[][] v = new double[visibility.length][];
      for (int n = 0; n < v.length; n++) {
        v[n] = visibility[n].clone();
        for (int k = 0; k < v[n].length; k++) {
          if (v[n][k] > 0 && random.nextDouble() < p) {
            v[n][k] = 0;
          }
        }
      }
      return new Scene(name, inputWidth, inputHeight, keypoints, v);
    }
  }

  /** The COCO images of {@code ../shared/data/coco} (skips without ../shared). */
  static List<Scene> coco() {
    return scenes(read("data/coco/test_coco.json"), "coco");
  }

  /** The AI Challenger images, converted to COCO-17 by the project's {@link AicToCoco} (face points synthesised). */
  static List<Scene> aic() {
    return scenes(AicToCoco.convert(read("data/aic/test_aic.json")), "aic");
  }

  private static CocoDataset read(String relative) {
    return CocoKeypointsReader.read(TestModels.shared().resolve(relative).toUri().toString(), new Configuration());
  }

  /** The MPII images, their single-person annotations as COCO-17 through {@link Mpii16#toCoco17}. */
  static List<Scene> mpii() {
    Path dir = TestModels.shared().resolve("data/mpii");
    MpiiDataset d = MpiiReader.read(dir.resolve("test_mpii.json").toUri().toString(), new Configuration());
    Map<String, List<double[]>> byImage = new TreeMap<>();
    for (MpiiPerson p : d.persons()) {
      byImage.computeIfAbsent(p.image(), k -> new ArrayList<>()).add(Mpii16.toCoco17(p, d.coordinateOrigin()));
    }
    List<Scene> out = new ArrayList<>();
    byImage.forEach((image, people) -> {
      int[] size = imageSize(dir.resolve(image));
      out.add(scene("mpii/" + image, size[0], size[1], people));
    });
    return out;
  }

  private static int[] imageSize(Path image) {
    try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      return new int[] {reader.getWidth(0), reader.getHeight(0)};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Scene> scenes(CocoDataset d, String set) {
    List<Scene> out = new ArrayList<>();
    for (ImageInfo image : d.images()) {
      List<double[]> people = new ArrayList<>();
      for (PersonAnnotation a : d.annotations()) {
        if (a.imageId() == image.id() && a.labelledCount() > 0) {
          people.add(a.keypoints());
        }
      }
      out.add(scene(set + "/" + image.fileName(), image.width(), image.height(), people));
    }
    return out;
  }

  /** An image's people ({@code [x, y, v] × 17} each) scaled to OpenPose's net height. */
  private static Scene scene(String name, int imageWidth, int imageHeight, List<double[]> people) {
    double scale = (double) NET_HEIGHT / imageHeight;
    int width = (int) Math.ceil(imageWidth * scale / 16) * 16;
    double[][][] kps = new double[people.size()][Coco17.K][];
    double[][] vis = new double[people.size()][Coco17.K];
    for (int n = 0; n < people.size(); n++) {
      for (int k = 0; k < Coco17.K; k++) {
        kps[n][k] = new double[] {people.get(n)[3 * k] * scale, people.get(n)[3 * k + 1] * scale};
        vis[n][k] = people.get(n)[3 * k + 2];
      }
    }
    return new Scene(name, width, NET_HEIGHT, kps, vis);
  }

  /**
   * A frontal standing person, COCO-17: the top of the head near {@code (x, y)}, {@code height} pixels tall,
   * the person's right on the image's left.
   */
  static double[][] standing(double x, double y, double height) {
    double[][] layout = {{0, 0.06}, {0.02, 0.045}, {-0.02, 0.045}, {0.045, 0.055}, {-0.045, 0.055},
        {0.11, 0.18}, {-0.11, 0.18}, {0.15, 0.33}, {-0.15, 0.33}, {0.17, 0.47}, {-0.17, 0.47},
        {0.07, 0.52}, {-0.07, 0.52}, {0.08, 0.72}, {-0.08, 0.72}, {0.085, 0.93}, {-0.085, 0.93}};
    double[][] out = new double[Coco17.K][];
    for (int k = 0; k < Coco17.K; k++) {
      out[k] = new double[] {x + layout[k][0] * height, y + layout[k][1] * height};
    }
    return out;
  }

  /** Every one of {@code n} people's 17 keypoints visible. */
  static double[][] allVisible(int n) {
    double[][] v = new double[n][Coco17.K];
    for (double[] row : v) {
      Arrays.fill(row, 2);
    }
    return v;
  }

  /**
   * What a PAF grouper can recover of each person: the connected pieces of its labelled parts over the
   * topology's limbs (a person whose neck is unlabelled falls apart at it), those with at least {@code minParts}
   * counted parts; each piece as its COCO-17 keypoints ({@code (17, 2)}, null where not in the piece).
   */
  static List<double[][]> recoverable(PafTopology topology, Scene scene, int minParts) {
    List<double[][]> out = new ArrayList<>();
    for (int n = 0; n < scene.people(); n++) {
      double[][] parts = topology.partsFromCoco17(scene.keypoints()[n], scene.visibility()[n]);
      int[] root = new int[parts.length];
      for (int p = 0; p < root.length; p++) {
        root[p] = p;
      }
      for (PafTopology.Limb l : topology.limbs()) {
        if (parts[l.from()][2] > 0 && parts[l.to()][2] > 0) {
          root[find(root, l.from())] = find(root, l.to());
        }
      }
      for (int r = 0; r < parts.length; r++) {
        int counted = 0;
        double[][] piece = new double[Coco17.K][];
        for (int p = 0; p < parts.length; p++) {
          if (parts[p][2] > 0 && find(root, p) == r) {
            counted += topology.counted(p) ? 1 : 0;
            int k = topology.cocoIndex(p);
            if (k >= 0) {
              piece[k] = new double[] {parts[p][0], parts[p][1]};
            }
          }
        }
        if (counted >= minParts) {
          out.add(piece);
        }
      }
    }
    return out;
  }

  private static int find(int[] root, int p) {
    while (root[p] != p) {
      p = root[p];
    }
    return p;
  }

  /**
   * How {@code decoded} covers {@code truth}, matched one to one, the truth person with most joints within
   * {@code tolerance} pixels first.
   *
   * @param people        truth people
   * @param exact         truth people found whole: one decoded person with exactly their joints, each within
   *                      tolerance
   * @param joints        truth joints
   * @param jointsWithin  truth joints within tolerance in their matched person
   * @param decoded       people decoded
   * @param unmatched     decoded people matched to no truth person
   */
  record Recovery(int people, int exact, int joints, int jointsWithin, int decoded, int unmatched) {

    Recovery plus(Recovery o) {
      return new Recovery(people + o.people, exact + o.exact, joints + o.joints, jointsWithin + o.jointsWithin,
          decoded + o.decoded, unmatched + o.unmatched);
    }

    static final Recovery NONE = new Recovery(0, 0, 0, 0, 0, 0);

    String row(String setting) {
      return String.format("| %s | %d / %d | %d / %d (%.1f %%) | %d |", setting, exact, people, jointsWithin,
          joints, joints == 0 ? 0 : 100.0 * jointsWithin / joints, unmatched);
    }
  }

  static Recovery recovery(List<double[][]> truth, List<Person> decoded, double tolerance) {
    int[][] within = new int[truth.size()][decoded.size()];
    boolean[][] sameJoints = new boolean[truth.size()][decoded.size()];
    int joints = 0;
    for (int t = 0; t < truth.size(); t++) {
      for (double[] j : truth.get(t)) {
        joints += j == null ? 0 : 1;
      }
      for (int d = 0; d < decoded.size(); d++) {
        List<Keypoint> kps = decoded.get(d).keypoints();
        boolean same = true;
        for (int k = 0; k < Coco17.K; k++) {
          double[] j = truth.get(t)[k];
          Keypoint kp = kps.get(k);
          boolean found = kp.score() > 0;
          same &= found == (j != null);
          if (j != null && found && Math.hypot(kp.x() - j[0], kp.y() - j[1]) <= tolerance) {
            within[t][d]++;
          }
        }
        sameJoints[t][d] = same;
      }
    }
    boolean[] usedT = new boolean[truth.size()];
    boolean[] usedD = new boolean[decoded.size()];
    int exact = 0;
    int jointsWithin = 0;
    while (true) {
      int bt = -1;
      int bd = -1;
      for (int t = 0; t < truth.size(); t++) {
        for (int d = 0; d < decoded.size(); d++) {
          if (!usedT[t] && !usedD[d] && within[t][d] > 0 && (bt < 0 || within[t][d] > within[bt][bd])) {
            bt = t;
            bd = d;
          }
        }
      }
      if (bt < 0) {
        break;
      }
      usedT[bt] = true;
      usedD[bd] = true;
      jointsWithin += within[bt][bd];
      int labelled = 0;
      for (double[] j : truth.get(bt)) {
        labelled += j == null ? 0 : 1;
      }
      exact += sameJoints[bt][bd] && within[bt][bd] == labelled ? 1 : 0;
    }
    int unmatched = 0;
    for (boolean u : usedD) {
      unmatched += u ? 0 : 1;
    }
    return new Recovery(truth.size(), exact, joints, jointsWithin, decoded.size(), unmatched);
  }
}
