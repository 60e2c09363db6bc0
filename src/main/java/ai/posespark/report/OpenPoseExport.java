package ai.posespark.report;

import ai.posespark.data.Coco17;
import ai.posespark.sink.Columns;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * OpenPose's {@code --write_json} layout, what OpenPose and AlphaPose ({@code --format open}) users already parse:
 * one {@code <image stem>_keypoints.json} per frame ({@code <video stem>_<frame index, 12 digits>_keypoints.json}
 * for video frames), {@code {"version": 1.3, "people": [{"person_id": [-1], "pose_keypoints_2d": [x, y, c]...}]}}
 * with OpenPose's COCO-18 body order (COCO-17 by name plus the neck, the shoulders' midpoint) and empty face,
 * hand and 3D arrays. Frames without people get a file with {@code "people": []}, as OpenPose writes them.
 */
final class OpenPoseExport {
  /** OpenPose's COCO-18 order as COCO-17 indices; -1 is the neck. */
  static final int[] COCO18_FROM_COCO17 = {0, -1, 6, 8, 10, 5, 7, 9, 12, 14, 16, 11, 13, 15, 2, 1, 4, 3};

  private static final ObjectMapper JSON = new ObjectMapper();

  private OpenPoseExport() {}

  /** Writes the files of the frames matching {@code where} into {@code outDir}; returns how many. */
  static long write(SparkSession spark, String where, String outDir) throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    // OpenPose's own --write_json names: 12-digit frame numbers
    ExportedFrames.FileNames names = new ExportedFrames.FileNames(12);
    long n = 0;
    for (Iterator<Row> it = ExportedFrames.select(spark, where); it.hasNext(); ) {
      Row f = it.next();
      Path file = ExportedFrames.child(outDir, names.next(f, "_keypoints.json"));
      try (OutputStream out = RunFiles.create(file, conf)) {
        JSON.writeValue(out, frame(f.getList(6)));
      }
      n++;
    }
    return n;
  }

  /** One frame's JSON document. */
  static ObjectNode frame(List<Row> people) {
    ObjectNode doc = JSON.createObjectNode().put("version", 1.3);
    ArrayNode list = doc.putArray("people");
    for (Row p : people) {
      ObjectNode person = list.addObject();
      person.putArray("person_id").add(-1);
      ArrayNode pose = person.putArray("pose_keypoints_2d");
      Map<String, Row> byName = new HashMap<>();
      for (Row k : p.<Row>getList(p.fieldIndex(Columns.KEYPOINTS))) {
        byName.put(k.getString(0), k);
      }
      for (int k : COCO18_FROM_COCO17) {
        float[] xyc = k >= 0 ? xyc(byName.get(Coco17.NAMES.get(k)))
            : neck(byName.get("left_shoulder"), byName.get("right_shoulder"));
        for (float v : xyc) {
          pose.add(v);
        }
      }
      for (String empty : List.of("face_keypoints_2d", "hand_left_keypoints_2d", "hand_right_keypoints_2d",
          "pose_keypoints_3d", "face_keypoints_3d", "hand_left_keypoints_3d", "hand_right_keypoints_3d")) {
        person.putArray(empty);
      }
    }
    return doc;
  }

  /** A keypoint as x, y, confidence; a joint the model does not give is 0, 0, 0 (OpenPose's "not found"). */
  private static float[] xyc(Row k) {
    return k == null ? new float[3] : new float[] {k.getFloat(1), k.getFloat(2), k.getFloat(3)};
  }

  /** The neck as OpenPose's COCO model places it between the shoulders; the weaker shoulder's score. */
  private static float[] neck(Row left, Row right) {
    if (left == null || right == null) {
      return new float[3];
    }
    return new float[] {(left.getFloat(1) + right.getFloat(1)) / 2, (left.getFloat(2) + right.getFloat(2)) / 2,
        Math.min(left.getFloat(3), right.getFloat(3))};
  }
}
