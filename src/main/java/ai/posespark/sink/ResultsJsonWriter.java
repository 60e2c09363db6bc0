package ai.posespark.sink;

import ai.posespark.data.FileNameIndex;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes {@code results.json} in the COCO keypoint results format
 * ({@code [{image_id, category_id: 1, keypoints: [x, y, v, …], score, bbox}]}) so other tools (pycocotools,
 * mmpose) can read a run. Rows stream from the executors one partition at a time, never collected at once.
 * Keypoint {@code v} is the keypoint score, or 0 below {@code minKeypointScore}.
 */
public final class ResultsJsonWriter {
  private ResultsJsonWriter() {}

  /**
   * @param persons  the {@code persons/} table
   * @param file     target file (Hadoop path)
   * @param imageIds COCO image id of a frame
   */
  public static long write(Dataset<Row> persons, String file, Configuration conf, ImageIdResolver imageIds,
                           double minKeypointScore) throws IOException {
    Path path = new Path(file);
    long n = 0;
    try (OutputStream out = path.getFileSystem(conf).create(path, true);
         JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartArray();
      Iterator<Row> rows = persons.select(Columns.URI, Columns.SCORE, Columns.BBOX, Columns.KEYPOINTS, Columns.FRAME_ID)
          .toLocalIterator();
      while (rows.hasNext()) {
        Row r = rows.next();
        json.writeStartObject();
        json.writeNumberField("image_id", imageIds.imageId(r.getString(0), r.getLong(4)));
        json.writeNumberField("category_id", 1);
        json.writeArrayFieldStart("keypoints");
        List<Row> kps = r.getList(3);
        for (Row k : kps) {
          float score = k.getFloat(3);
          json.writeNumber(k.getFloat(1));
          json.writeNumber(k.getFloat(2));
          json.writeNumber(score >= minKeypointScore ? score : 0f);
        }
        json.writeEndArray();
        json.writeNumberField("score", r.getFloat(1));
        Row b = r.getStruct(2);
        json.writeArrayFieldStart("bbox");
        for (int i = 0; i < 4; i++) {
          json.writeNumber(b.getFloat(i));
        }
        json.writeEndArray();
        json.writeEndObject();
        n++;
      }
      json.writeEndArray();
    }
    return n;
  }

  /** Gives the COCO image id of a frame. */
  @FunctionalInterface
  public interface ImageIdResolver extends java.io.Serializable {
    long imageId(String uri, long frameId);
  }

  /**
   * The image id of a frame: the ground truth's id of the image whose file name ends the URI, when {@code index}
   * (COCO or AIC ground truth) has one, else {@link #defaultImageId}. Detection files are keyed the same way.
   *
   * @param index the ground truth's file names, or null
   */
  public static long imageId(FileNameIndex index, String uri, long frameId) {
    Long id = index == null ? null : index.lookup(uri);
    return id != null ? id : defaultImageId(uri, frameId);
  }

  /** Default image ids without ground truth: the file stem when it is a number (COCO names), else the frame id. */
  public static long defaultImageId(String uri, long frameId) {
    String name = uri.substring(uri.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    if (!stem.isEmpty() && stem.length() < 18 && stem.chars().allMatch(Character::isDigit)) {
      return Long.parseLong(stem);
    }
    return frameId;
  }
}
