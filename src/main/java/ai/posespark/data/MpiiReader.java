package ai.posespark.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads MPII ground truth in either layout:
 * <ul>
 *   <li>mmpose's {@code test_mpii.json}: a JSON list of {@code {image, center, scale, joints, joints_vis}},
 *       1-based pixels, no head boxes;</li>
 *   <li>the PCKh golden layout: {@code {"annotations": [{id, image, joints, joints_vis, headbox, center, scale}]}};
 *       an optional top-level {@code coordinate_origin} (0 or 1, default 1) says the pixel frame.</li>
 * </ul>
 * Where a person has no {@code headbox}, the box is derived as mmpose's test data needs it: a square of side
 * |head_top − upper_neck| centred on their midpoint, corners rounded to integer pixels (half to even); this is
 * <b>not</b> the official MPII head box (that lives in {@code mpii_gt_val.mat}) and is flagged
 * {@link MpiiPerson#headboxDerived()}. Without both of those joints the person has no head box and PCKh skips it.
 */
public final class MpiiReader {
  private MpiiReader() {}

  /** Reads {@code uri} through Hadoop's FileSystem. */
  public static MpiiDataset read(String uri, Configuration conf) {
    JsonNode root = AnnotationFiles.readTree(uri, conf);
    JsonNode list;
    int origin = 1;
    if (root.isArray()) {
      list = root;
    } else if (root.isObject() && root.has("annotations")) {
      list = root.get("annotations");
      if (root.has("coordinate_origin")) {
        origin = root.get("coordinate_origin").asInt();
      }
    } else {
      throw new AnnotationFormatException(uri,
          "expected an MPII list of persons or an object with \"annotations\"", null);
    }
    String field = root.isArray() ? "(list)" : "annotations";
    List<MpiiPerson> persons = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      persons.add(person(JsonRecord.of(uri, field, i, list.get(i)), i));
    }
    return new MpiiDataset(uri, persons, origin);
  }

  static MpiiPerson person(JsonRecord r, int index) {
    double[][] joints = joints(r, "joints");
    double[] vis = r.requiredDoubles("joints_vis", Mpii16.K);
    boolean[] visible = new boolean[Mpii16.K];
    for (int j = 0; j < Mpii16.K; j++) {
      visible[j] = vis[j] > 0;
    }
    double[] headbox = r.has("headbox") ? r.requiredDoubles("headbox", 4) : null;
    boolean derived = false;
    if (headbox == null && visible[Mpii16.HEAD_TOP] && visible[Mpii16.UPPER_NECK]) {
      headbox = derivedHeadbox(joints[Mpii16.HEAD_TOP], joints[Mpii16.UPPER_NECK]);
      derived = true;
    }
    double[] center = r.has("center") ? r.requiredDoubles("center", 2) : null;
    double scale = r.has("scale") ? r.requiredDouble("scale") : Double.NaN;
    return new MpiiPerson(r.optionalLong("id", index), r.requiredText("image"), joints, visible, headbox,
        derived, center, scale);
  }

  /** Reads a {@code [[x, y] × 16]} field. */
  static double[][] joints(JsonRecord r, String field) {
    JsonNode v = r.required(field);
    if (!v.isArray() || v.size() != Mpii16.K) {
      throw r.error(field, "expected 16 [x, y] pairs");
    }
    double[][] out = new double[Mpii16.K][];
    for (int j = 0; j < Mpii16.K; j++) {
      out[j] = r.doubles(field + "[" + j + "]", v.get(j), 2);
    }
    return out;
  }

  /** Square of side |top − neck| centred on their midpoint, corners rounded half to even. */
  static double[] derivedHeadbox(double[] top, double[] neck) {
    double side = Math.hypot(top[0] - neck[0], top[1] - neck[1]);
    double cx = (top[0] + neck[0]) / 2, cy = (top[1] + neck[1]) / 2;
    return new double[] {Math.rint(cx - side / 2), Math.rint(cy - side / 2),
        Math.rint(cx + side / 2), Math.rint(cy + side / 2)};
  }
}
