package ai.posespark.report;

import ai.posespark.sink.OutputSchema;
import ai.posespark.sink.ResultsJsonWriter;
import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code scripts/export.sh RUN_DIR --format F [--where PREDICATE]}: a run's results in another tool's format, for
 * the ok frames matching a SQL predicate over the {@code frames} table's columns.
 */
public final class RunExport {
  /** The export formats. */
  public enum Format {
    /** COCO keypoint results ({@code results.json} of the subset). */
    COCO,
    /** OpenPose {@code --write_json}: a JSON file per frame. */
    OPENPOSE,
    /** Uncertain frames as a COCO keypoints file with their images, for CVAT / Label Studio. */
    REVIEW,
    /** Images with the people drawn. */
    OVERLAYS
  }

  /** Overlays drawn when no limit is given. */
  public static final int DEFAULT_OVERLAYS = 500;

  private RunExport() {}

  /** The folder an export goes to when none is given: {@code RUN_DIR/exports/<format>}. */
  public static String defaultOutDir(String runDir, Format format) {
    return runDir + "/exports/" + format.name().toLowerCase();
  }

  /**
   * Exports {@code runDir}'s frames matching {@code where} (null: all) as {@code format} into {@code outDir}.
   *
   * @param limit most overlays to draw (overlays only)
   * @return what was written, e.g. {@code 12 frames}
   */
  public static String export(SparkSession spark, String runDir, Format format, String where, String outDir,
      int limit) throws IOException {
    List<String> views = RunTables.open(spark, runDir);
    if (!views.contains(OutputSchema.FRAMES)) {
      throw new IOException(runDir + " has no frames table (a results-only run): nothing to export");
    }
    return switch (format) {
      case COCO -> {
        Dataset<Row> persons = spark.sql("SELECT p.* FROM persons p LEFT SEMI JOIN (SELECT frame_id, run FROM frames "
            + "WHERE status = 'ok'" + (where == null ? "" : " AND (" + where + ")") + ") f ON p.frame_id = f.frame_id "
            + "AND p.run = f.run ORDER BY p.uri, p.frame_index, p.person_index");
        yield ResultsJsonWriter.write(persons, outDir + "/results.json", spark.sparkContext().hadoopConfiguration(),
            ResultsJsonWriter::defaultImageId, 0) + " persons";
      }
      case OPENPOSE -> OpenPoseExport.write(spark, where, outDir) + " frames";
      case REVIEW -> ReviewExport.write(spark, where, outDir, ReviewExport.Criteria.DEFAULT) + " frames to review";
      case OVERLAYS -> OverlayExport.write(spark, where, outDir, limit) + " overlays";
    };
  }
}
