package ai.posespark.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads PoseTrack18 ground truth: one COCO-like file (e.g. {@code test_posetrack18_val.json}) or a directory of
 * per-video files (the PoseTrack evaluation layout {@code annotations/val/<video>.json}), merged in name order.
 * PoseTrack files have no {@code area}: it is derived from the box ({@link PersonAnnotation#areaFromBbox}).
 */
public final class PoseTrackReader {
  private PoseTrackReader() {}

  /** Reads a file or a directory of per-video files. */
  public static PoseTrackDataset read(String uri, Configuration conf) {
    List<String> files = AnnotationFiles.isDirectory(uri, conf)
        ? AnnotationFiles.jsonFilesIn(uri, conf) : List.of(uri);
    if (files.isEmpty()) {
      throw new AnnotationFormatException(uri, "no .json files in this PoseTrack annotation directory", null);
    }
    List<Category> categories = null;
    List<ImageInfo> images = new ArrayList<>();
    List<PersonAnnotation> annotations = new ArrayList<>();
    Map<Long, PoseTrackFrame> frames = new LinkedHashMap<>();
    Map<Long, double[]> headBoxes = new HashMap<>();
    Map<Long, String> imageFile = new HashMap<>();
    for (String file : files) {
      CocoDataset part = CocoKeypointsReader.read(file, conf);
      for (ImageInfo im : part.images()) {
        String prev = imageFile.putIfAbsent(im.id(), file);
        if (prev != null) {
          throw new AnnotationFormatException(file, "image id " + im.id(), "id", "also used in " + prev);
        }
      }
      if (categories == null) {
        categories = part.categories();
      }
      images.addAll(part.images());
      annotations.addAll(part.annotations());
      readExtras(file, conf, frames, headBoxes);
    }
    return new PoseTrackDataset(new CocoDataset(uri, categories, images, annotations), frames, headBoxes);
  }

  /** The fields the COCO reader leaves: per image its video information, per annotation its head box. */
  private static void readExtras(String file, Configuration conf, Map<Long, PoseTrackFrame> frames,
      Map<Long, double[]> headBoxes) {
    AnnotationFiles.forEachTopLevelField(file, conf, (name, p) -> {
      int[] index = {0};
      switch (name) {
        case "images" -> AnnotationFiles.forEachElement(file, name, p, n -> {
          PoseTrackFrame f = frame(JsonRecord.of(file, name, index[0]++, n));
          frames.put(f.imageId(), f);
        });
        case "annotations" -> AnnotationFiles.forEachElement(file, name, p, n -> {
          JsonRecord r = JsonRecord.of(file, name, index[0]++, n);
          if (r.has("bbox_head")) {
            headBoxes.put(r.requiredLong("id"), r.requiredDoubles("bbox_head", 4));
          }
        });
        default -> p.skipChildren();
      }
    });
  }

  static PoseTrackFrame frame(JsonRecord r) {
    List<double[]> regions = new ArrayList<>();
    if (r.has("ignore_regions_x") || r.has("ignore_regions_y")) {
      JsonNode xs = r.required("ignore_regions_x");
      JsonNode ys = r.required("ignore_regions_y");
      if (!xs.isArray() || !ys.isArray() || xs.size() != ys.size()) {
        throw r.error("ignore_regions_x", "expected as many polygons as ignore_regions_y");
      }
      for (int i = 0; i < xs.size(); i++) {
        double[] x = r.doubles("ignore_regions_x", xs.get(i), -1);
        double[] y = r.doubles("ignore_regions_y", ys.get(i), x.length);
        double[] poly = new double[x.length * 2];
        for (int j = 0; j < x.length; j++) {
          poly[2 * j] = x[j];
          poly[2 * j + 1] = y[j];
        }
        regions.add(poly);
      }
    }
    String vid = r.has("vid_id") ? r.required("vid_id").asText() : "";
    return new PoseTrackFrame(r.requiredLong("id"), vid, r.optionalLong("frame_id", -1),
        (int) r.optionalLong("nframes", 0), r.optionalFlag("is_labeled", true), regions);
  }
}
