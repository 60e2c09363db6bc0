package ai.posespark.report;

import ai.posespark.data.Coco17;
import ai.posespark.pose.Skeleton;
import ai.posespark.sink.Columns;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The review export: frames whose people are uncertain, as a COCO keypoints file ("COCO Keypoints 1.0" in CVAT,
 * COCO import in Label Studio) beside a copy of their images, so a person corrects the poses and the corrected
 * file comes back as ground truth ({@code input.annotations}) or training data.
 *
 * <p>Layout of the output folder: {@code person_keypoints_review.json} and {@code images/} (image files copied as
 * they are, video frames decoded to JPEG); {@code file_name} is relative to {@code images/}. Image and annotation
 * ids are 1, 2, …; {@code posespark_frame_id} / {@code posespark_person_index} join them back to the tables, and
 * {@code posespark_review} says why the frame was picked. Keypoints scoring at least
 * {@link Criteria#keypointScore} are {@code v = 2}; weaker ones are left unlabelled ({@code 0, 0, 0}) for the
 * reviewer to place.
 */
final class ReviewExport {
  /** The review file's name in the output folder. */
  static final String FILE = "person_keypoints_review.json";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * What makes a frame uncertain: a person scoring below {@code minPersonScore}, a person with fewer than
   * {@code minConfidentJoints} keypoints at {@code keypointScore} or more, or at least {@code crowd} people.
   */
  record Criteria(double minPersonScore, int minConfidentJoints, double keypointScore, int crowd) {
    static final Criteria DEFAULT = new Criteria(0.5, 8, 0.3, 6);

    /** Why {@code people} need a look, or null when they do not. */
    String reason(List<Row> people) {
      List<String> why = new ArrayList<>();
      if (people.size() >= crowd) {
        why.add(people.size() + " people (>= " + crowd + ")");
      }
      for (Row p : people) {
        int index = p.getInt(p.fieldIndex(Columns.PERSON_INDEX));
        float score = p.getFloat(p.fieldIndex(Columns.SCORE));
        if (score < minPersonScore) {
          why.add(String.format("person %d score %.2f < %.2f", index, score, minPersonScore));
        }
        long confident = p.<Row>getList(p.fieldIndex(Columns.KEYPOINTS)).stream()
            .filter(k -> k.getFloat(3) >= keypointScore).count();
        if (confident < minConfidentJoints) {
          why.add(String.format("person %d has %d confident joints < %d", index, confident, minConfidentJoints));
        }
      }
      return why.isEmpty() ? null : String.join("; ", why);
    }
  }

  private ReviewExport() {}

  /** Writes the review folder for the frames matching {@code where}; returns the frames picked. */
  static long write(SparkSession spark, String where, String outDir, Criteria criteria) throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    ObjectNode doc = JSON.createObjectNode();
    doc.putObject("info").put("description", "PoseSpark review export: frames whose people are uncertain")
        .put("version", "1.0").put("date_created", Instant.now().toString())
        .put("criteria", criteria.toString());
    doc.putArray("licenses");
    categories(doc.putArray("categories"));
    ArrayNode images = doc.putArray("images");
    ArrayNode annotations = doc.putArray("annotations");
    ExportedFrames.FileNames names = new ExportedFrames.FileNames(6);
    FrameImages pixels = new FrameImages(conf);
    for (Iterator<Row> it = ExportedFrames.select(spark, where); it.hasNext(); ) {
      Row f = it.next();
      List<Row> people = f.getList(6);
      String reason = criteria.reason(people);
      if (reason == null) {
        continue;
      }
      String name = copyImage(f, names, pixels, new Path(outDir, "images"), conf);
      if (name == null) {
        continue;
      }
      int imageId = images.size() + 1;
      images.addObject().put("id", imageId).put("file_name", name).put("width", f.getInt(4))
          .put("height", f.getInt(5)).put("posespark_frame_id", f.getLong(0)).put("posespark_uri", f.getString(1))
          .put("posespark_frame_index", f.getInt(2)).put("posespark_review", reason);
      for (Row p : people) {
        annotation(annotations.addObject(), annotations.size(), imageId, f.getLong(0), p, criteria.keypointScore());
      }
    }
    Path file = new Path(outDir, FILE);
    try (OutputStream out = RunFiles.create(file, conf)) {
      JSON.writeValue(out, doc);
    }
    return images.size();
  }

  private static void categories(ArrayNode categories) {
    ObjectNode person = categories.addObject().put("id", 1).put("name", "person").put("supercategory", "person");
    ArrayNode names = person.putArray("keypoints");
    Coco17.NAMES.forEach(names::add);
    ArrayNode skeleton = person.putArray("skeleton");
    for (int[] e : Skeleton.POSENET_EDGES) {
      skeleton.addArray().add(e[0] + 1).add(e[1] + 1);
    }
    skeleton.addArray().add(Coco17.LEFT_SHOULDER + 1).add(Coco17.RIGHT_SHOULDER + 1);
    skeleton.addArray().add(Coco17.LEFT_HIP + 1).add(Coco17.RIGHT_HIP + 1);
  }

  private static void annotation(ObjectNode a, int id, int imageId, long frameId, Row p, double keypointScore) {
    Row box = p.getStruct(p.fieldIndex(Columns.BBOX));
    a.put("id", id).put("image_id", imageId).put("category_id", 1).put("iscrowd", 0);
    ArrayNode kps = a.putArray("keypoints");
    Map<String, Row> byName = new HashMap<>();
    for (Row k : p.<Row>getList(p.fieldIndex(Columns.KEYPOINTS))) {
      byName.put(k.getString(0), k);
    }
    int labelled = 0;
    for (String name : Coco17.NAMES) {
      Row k = byName.get(name);
      if (k != null && k.getFloat(3) >= keypointScore) {
        kps.add(Math.round(k.getFloat(1) * 100) / 100.0).add(Math.round(k.getFloat(2) * 100) / 100.0).add(2);
        labelled++;
      } else {
        kps.add(0).add(0).add(0);
      }
    }
    a.put("num_keypoints", labelled);
    a.putArray("bbox").add(box.getFloat(0)).add(box.getFloat(1)).add(box.getFloat(2)).add(box.getFloat(3));
    a.put("area", box.getFloat(2) * box.getFloat(3));
    a.put("score", p.getFloat(p.fieldIndex(Columns.SCORE)));
    a.put("posespark_frame_id", frameId).put("posespark_person_index", p.getInt(p.fieldIndex(Columns.PERSON_INDEX)));
    if (!p.isNullAt(p.fieldIndex(Columns.TRACK_ID))) {
      a.put("track_id", p.getLong(p.fieldIndex(Columns.TRACK_ID)));
    }
  }

  /**
   * Copies the frame's image into {@code images}: an image file byte for byte, a video frame decoded to JPEG.
   * Returns the name under {@code images}, or null when the frame cannot be read any more.
   */
  private static String copyImage(Row f, ExportedFrames.FileNames names, FrameImages pixels, Path images,
      Configuration conf)
      throws IOException {
    String uri = f.getString(1);
    boolean video = !f.isNullAt(3);
    String file = uri.substring(uri.lastIndexOf('/') + 1);
    String ext = video ? ".jpg" : file.substring(file.lastIndexOf('.') < 0 ? file.length() : file.lastIndexOf('.'));
    String name = names.next(f, ext);
    Path target = ExportedFrames.child(images, name);
    if (video) {
      BufferedImage frame = pixels.videoFrames(uri, Set.of(f.getInt(2))).get(f.getInt(2));
      if (frame == null) {
        return null;
      }
      try (OutputStream o = RunFiles.create(target, conf)) {
        ImageIO.write(frame, "jpg", o);
      }
      return name;
    }
    Path source = new Path(uri);
    try (InputStream in = RunFiles.open(source, conf); OutputStream o = RunFiles.create(target, conf)) {
      in.transferTo(o);
    } catch (FileNotFoundException e) {
      return null;
    }
    return name;
  }
}
