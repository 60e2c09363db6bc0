package ai.posespark.plan;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;

import ai.posespark.eval.GroundTruth;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.sink.RunTables;
import ai.posespark.source.ExecutorListing;
import ai.posespark.source.FrameTask;
import ai.posespark.source.ListingReport;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.PartitionPruningRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.runtime.AbstractFunction1;

/**
 * A {@link RunPlan} whose tasks never sit on the driver ({@code input.listing: executors}, or {@code auto} over many
 * folders): the files are listed on the executors ({@link ExecutorListing}), what append/resume skip or redo is a
 * join against the run's tables ({@link PriorFrames#join}), the ids to redo go to the sink as a Dataset, and the
 * partitions come from one shuffle keyed by {@code frame_id}. The driver holds the folders, one frame count per
 * partition and the chunks as partition numbers; a chunk's job reads only its partitions of the shuffle
 * ({@link PartitionPruningRDD}), whose map side ran once, while planning.
 */
public final class ExecutorPlan implements RunPlan {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorPlan.class);

  private final SparkSession spark;
  /** {@link ExecutorListing#SCHEMA} rows of the frames to run, one partition per planned partition. */
  private final JavaRDD<Row> planned;
  private final long[] perPartition;
  private final List<List<Integer>> chunks;
  private final long frames;
  private final long skipped;
  private final long redone;

  private ExecutorPlan(SparkSession spark, JavaRDD<Row> planned, long[] perPartition, List<List<Integer>> chunks,
      long skipped, long redone) {
    this.spark = spark;
    this.planned = planned;
    this.perPartition = perPartition;
    this.chunks = chunks;
    long total = 0;
    for (long n : perPartition) {
      total += n;
    }
    this.frames = total;
    this.skipped = skipped;
    this.redone = redone;
  }

  /**
   * Lists {@code units} on the executors, leaves out or redoes what {@code prior}'s tables hold (removing the rows
   * of frames redone), and plans partitions and chunks.
   *
   * @param prior   the run folder's tables when they hold committed chunks of an incremental run, else null
   * @param gt      the ground truth, whose images not listed are counted in {@code listing}; or null
   * @param listing what the listing left out
   */
  public static ExecutorPlan of(SparkSession spark, JobSpec spec, ExecutorListing units, RunTables prior,
      GroundTruth gt, ListingReport listing) throws IOException {
    long start = System.nanoTime();
    ExecutorListing.Listed listed = units.list(spark, listing);
    LOG.info("{}: {} files ({} bytes) listed on the executors from {} folders and named files in {} s", spec.name(),
        listed.count(), listed.bytes(), units.units(), seconds(start));
    return of(spark, spec, listed, prior, gt, listing);
  }

  /**
   * Plans files listed on the executors ({@link ExecutorListing#list}; their Dataset is unpersisted when planned):
   * see {@link #of(SparkSession, JobSpec, ExecutorListing, RunTables, GroundTruth, ListingReport)}.
   */
  public static ExecutorPlan of(SparkSession spark, JobSpec spec, ExecutorListing.Listed listed, RunTables prior,
      GroundTruth gt, ListingReport listing) throws IOException {
    long start = System.nanoTime();
    if (!listing.isEmpty()) {
      LOG.warn("{}: {}", spec.name(), listing);
    }
    if (listed.count() == 0) {
      listed.files().unpersist();
      throw DriverPlan.noImages(spec, listing);
    }
    GroundTruthImageIds.reportUnlisted(gt, listed.files(), listing);
    Dataset<Row> todo = listed.files();
    Dataset<Row> selection = null;
    long todoCount = listed.count();
    long skipped = 0;
    long redone = 0;
    if (prior != null) {
      selection = PriorFrames.join(listed.files(), prior.readFrames(spark), prior.readInputs(spark),
          spec.execution().retryErrors()).persist(StorageLevel.MEMORY_AND_DISK());
      // one pass: what the selection keeps, skips and redoes (and the cache filled before the tables change)
      Row counts = selection.agg(count(when(not(col("skip")), lit(1))), count(when(col("skip"), lit(1))),
          count(when(col("redo"), lit(1)))).first();
      todoCount = counts.getLong(0);
      skipped = counts.getLong(1);
      redone = counts.getLong(2);
      if (redone > 0) {
        prior.remove(spark, selection.where(col("redo")).select("frame_id"));
      }
      todo = selection.where(not(col("skip"))).select("uri", "frame_id", "bytes", "version");
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int parallelism = jsc.defaultParallelism();
    int n = spec.execution().partitions() != null ? spec.execution().partitions()
        : RunPlan.defaultPartitions((int) Math.min(Integer.MAX_VALUE, todoCount), parallelism);
    // Partitions by a hash of frame_id, not by LPT over bytes, which needs every file on the driver: the id is a
    // SHA-256 prefix, so each partition is a uniform random sample of the files. With ~256 files a partition (the
    // default sizing) its bytes are 256 x the mean size within a few standard errors (sigma / 16 of one file's
    // size spread): the balance LPT buys matters only for a few files, which auto lists on the driver. The rows
    // are sorted by URI within a partition, as CostPartitioner leaves them.
    JavaRDD<Row> planned = todo.repartition(n, col("frame_id")).sortWithinPartitions("uri").javaRDD();
    // each partition's frame count without reading the partitions (a task each): the repartition puts a row in
    // partition pmod(murmur3(frame_id), n), Spark's HashPartitioning with the seed of functions.hash
    long[] perPartition = new long[n];
    for (Row r : todo.groupBy(pmod(hash(col("frame_id")), lit(n))).count().collectAsList()) {
      perPartition[r.getInt(0)] = r.getLong(1);
    }
    // runs the shuffle's map side over the persisted listing (and reads one partition), so it can be released
    PartitionPruningRDD.create(planned.rdd(), new Keep(first(n))).count();
    // the shuffle's map side is done: the chunks read its output, not the listing
    listed.files().unpersist();
    if (selection != null) {
      selection.unpersist();
    }
    List<List<Integer>> chunks = ChunkPlan.split(perPartition, spec.output().chunkFrames(), parallelism);
    LOG.info("{}: planned in {} s on the executors: {} to run, {} skipped, {} redone", spec.name(),
        seconds(start), todoCount, skipped, redone);
    return new ExecutorPlan(spark, planned, perPartition, chunks, skipped, redone);
  }

  private static boolean[] first(int n) {
    boolean[] keep = new boolean[n];
    keep[0] = true;
    return keep;
  }

  @Override
  public long frames() {
    return frames;
  }

  @Override
  public long tasks() {
    return frames;
  }

  @Override
  public int partitions() {
    return chunks.stream().mapToInt(List::size).sum();
  }

  @Override
  public long skipped() {
    return skipped;
  }

  @Override
  public long redone() {
    return redone;
  }

  @Override
  public int chunks() {
    return chunks.size();
  }

  @Override
  public long frames(int k) {
    return chunks.get(k).stream().mapToLong(i -> perPartition[i]).sum();
  }

  @Override
  public JavaRDD<FrameTask> tasks(int k) {
    return rows(k).map(ExecutorListing::task);
  }

  @Override
  public Dataset<Row> inputs(int k) {
    return spark.createDataFrame(rows(k).map(r -> RowFactory.create(r.getString(0), r.getString(3))),
        INPUT_VERSIONS);
  }

  /** Chunk {@code k}'s planned partitions, without tasks for the others. */
  private JavaRDD<Row> rows(int k) {
    boolean[] keep = new boolean[perPartition.length];
    for (int i : chunks.get(k)) {
      keep[i] = true;
    }
    return PartitionPruningRDD.create(planned.rdd(), new Keep(keep)).toJavaRDD();
  }

  /** The partition filter of a chunk: Scala's {@code Int => Boolean}, shipped with the pruned RDD. */
  private static final class Keep extends AbstractFunction1<Object, Object> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final boolean[] keep;

    Keep(boolean[] keep) {
      this.keep = keep;
    }

    @Override
    public Object apply(Object partition) {
      return keep[(Integer) partition];
    }
  }

  /** The frame count of each planned partition (its index), for tests and benchmarks. */
  public List<Long> partitionSizes() {
    List<Long> out = new ArrayList<>(perPartition.length);
    for (long n : perPartition) {
      out.add(n);
    }
    return out;
  }

  private static String seconds(long startNanos) {
    return String.format("%.1f", (System.nanoTime() - startNanos) / 1e9);
  }
}
