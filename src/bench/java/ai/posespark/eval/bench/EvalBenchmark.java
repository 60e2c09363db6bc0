package ai.posespark.eval.bench;

import ai.posespark.data.Coco17;
import ai.posespark.eval.EvalReport;
import ai.posespark.eval.EvalSettings;
import ai.posespark.eval.Evaluator;
import ai.posespark.eval.GroundTruth;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * COCO OKS evaluation at dataset scale: writes a synthetic COCO ground truth (default 100,000 images × 5 =
 * 500,000 persons), builds a persons table with matching detections on the executors, and times
 * {@link Evaluator#evaluate} end to end (reading the ground truth, per-image matching, accumulation, writing
 * {@code eval/}). Arguments: {@code [images] [personsPerImage] [workDir]}. Spark master from {@code spark.master},
 * else {@code local[*]}.
 */
public final class EvalBenchmark {
  private static final StructType PERSONS = ai.posespark.sink.OutputSchema.PERSONS_TABLE;

  private EvalBenchmark() {}

  /** Runs the benchmark and prints the timings. */
  public static void main(String[] args) throws IOException {
    int images = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int perImage = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    File work = new File(args.length > 2 ? args[2] : "target/bench-eval");
    work.mkdirs();
    SyntheticPoses synth = new SyntheticPoses(perImage);

    long t0 = System.nanoTime();
    File gt = new File(work, "synthetic_gt.json");
    writeGroundTruth(gt, images, synth);
    System.out.printf("ground truth: %d images, %d persons written in %.1f s (%s, %.0f MB)%n", images,
        (long) images * perImage, secs(t0), gt, gt.length() / 1e6);

    SparkSession.Builder b = SparkSession.builder().appName("posespark-eval-bench")
        .config("spark.sql.shuffle.partitions", "16");
    if (System.getProperty("spark.master") == null) {
      b.master("local[*]").config("spark.ui.enabled", "false");
    }
    SparkSession spark = b.getOrCreate();
    try {
      long t1 = System.nanoTime();
      Dataset<Row> persons = spark.createDataFrame(spark.range(1, images + 1L).repartition(16).javaRDD()
          .flatMap(id -> personRows(id, synth).iterator()), PERSONS).cache();
      long n = persons.count();
      System.out.printf("persons table: %d detections generated in %.1f s%n", n, secs(t1));

      long t2 = System.nanoTime();
      GroundTruth truth = GroundTruth.load(gt.toURI().toString(), "coco", List.of("coco"),
          spark.sparkContext().hadoopConfiguration());
      EvalReport r = Evaluator.evaluate(spark, persons, truth, List.of("coco"),
          new File(work, "eval").toURI().toString(), EvalSettings.DEFAULTS);
      double evalSecs = secs(t2);
      System.out.println(r);
      System.out.printf("EVAL SECONDS: %.1f (COCO OKS over %d images, %d GT persons, %d detections; "
          + "%d cores)%n", evalSecs, images, (long) images * perImage, n,
          spark.sparkContext().defaultParallelism());
    } finally {
      spark.stop();
    }
  }

  private static double secs(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static List<Row> personRows(long imageId, SyntheticPoses synth) {
    String uri = "file:/bench/images/" + SyntheticPoses.fileName(imageId);
    List<Row> rows = new ArrayList<>();
    double[][] dets = synth.detections(imageId);
    for (int i = 0; i < dets.length; i++) {
      double[] d = dets[i];
      List<Row> kps = new ArrayList<>(17);
      for (int k = 0; k < 17; k++) {
        kps.add(RowFactory.create(Coco17.NAMES.get(k), (float) d[3 * k], (float) d[3 * k + 1],
            (float) d[3 * k + 2]));
      }
      // a Row bound for an encoder holds arrays as Scala Seq
      rows.add(RowFactory.create("bench", imageId, uri, 0, i, null, (float) d[51],
          RowFactory.create(0f, 0f, 0f, 0f), CollectionConverters.asScala(kps).toSeq(), null, null, null));
    }
    return rows;
  }

  private static void writeGroundTruth(File f, int images, SyntheticPoses synth) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(f, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeArrayFieldStart("categories");
      g.writeStartObject();
      g.writeNumberField("id", 1);
      g.writeStringField("name", "person");
      g.writeArrayFieldStart("keypoints");
      for (String k : Coco17.NAMES) {
        g.writeString(k);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeArrayFieldStart("images");
      for (long id = 1; id <= images; id++) {
        g.writeStartObject();
        g.writeNumberField("id", id);
        g.writeStringField("file_name", SyntheticPoses.fileName(id));
        g.writeNumberField("width", SyntheticPoses.WIDTH);
        g.writeNumberField("height", SyntheticPoses.HEIGHT);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("annotations");
      long annId = 1;
      for (long id = 1; id <= images; id++) {
        for (SyntheticPoses.Person p : synth.groundTruth(id)) {
          int labelled = 0;
          for (int k = 0; k < 17; k++) {
            labelled += p.keypoints()[3 * k + 2] > 0 ? 1 : 0;
          }
          g.writeStartObject();
          g.writeNumberField("id", annId++);
          g.writeNumberField("image_id", id);
          g.writeNumberField("category_id", 1);
          g.writeNumberField("iscrowd", 0);
          g.writeNumberField("num_keypoints", labelled);
          g.writeNumberField("area", p.area());
          g.writeFieldName("bbox");
          g.writeArray(p.bbox(), 0, 4);
          g.writeFieldName("keypoints");
          g.writeArray(p.keypoints(), 0, 51);
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }
}
