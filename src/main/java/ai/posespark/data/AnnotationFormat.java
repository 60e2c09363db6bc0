package ai.posespark.data;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;

/** The ground-truth formats PoseSpark reads, as named in a job file's {@code input.annotations} format. */
public enum AnnotationFormat {
  /** COCO keypoints JSON (17 keypoints). */
  COCO,
  /** MPII (mmpose list layout or the PCKh golden layout). */
  MPII,
  /** AI Challenger, COCO-style JSON with 14 keypoints; converted to COCO-17 by {@link AicToCoco}. */
  AIC,
  /** PoseTrack18, one COCO-like file or a directory of per-video files. */
  POSETRACK;

  /** Parses a job-file name ({@code coco | mpii | aic | posetrack}, any case). */
  public static AnnotationFormat parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown annotation format '" + name + "' (expected coco, mpii, aic or "
          + "posetrack)", e);
    }
  }

  /**
   * Guesses the format from the file's content, streaming (cheap even for large files): a directory is PoseTrack;
   * a top-level list, or annotations with {@code joints}, are MPII; {@code track_id} / {@code vid_id} mean
   * PoseTrack; a person category or annotation with 14 keypoints means AI Challenger; else COCO.
   */
  public static AnnotationFormat detect(String uri, Configuration conf) {
    if (AnnotationFiles.isDirectory(uri, conf)) {
      return POSETRACK;
    }
    try (InputStream in = AnnotationFiles.open(uri, conf);
         var p = AnnotationFiles.JSON.getFactory().createParser(in)) {
      JsonToken first = p.nextToken();
      if (first == JsonToken.START_ARRAY) {
        return MPII;
      }
      if (first != JsonToken.START_OBJECT) {
        throw new AnnotationFormatException(uri, "neither a JSON object nor a list", null);
      }
      AnnotationFormat guess = COCO;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        JsonNode firstElement = null;
        if (t == JsonToken.START_ARRAY && (name.equals("annotations") || name.equals("images")
            || name.equals("categories"))) {
          if (p.nextToken() != JsonToken.END_ARRAY) {
            firstElement = AnnotationFiles.JSON.readTree(p);
            p.skipChildren();
            while (p.nextToken() != JsonToken.END_ARRAY) {
              p.skipChildren();
            }
          }
        } else {
          p.skipChildren();
        }
        if (firstElement == null) {
          continue;
        }
        if (firstElement.has("joints")) {
          return MPII;
        }
        if (firstElement.has("track_id") || firstElement.has("vid_id")) {
          return POSETRACK;
        }
        JsonNode kp = firstElement.get("keypoints");
        if (kp != null && kp.isArray() && (kp.size() == 14 || kp.size() == 42)) {
          guess = AIC;
        }
      }
      return guess;
    } catch (IOException e) {
      throw new AnnotationFormatException(uri, "not valid JSON: " + e.getMessage(), e);
    }
  }
}
