package ai.posespark.pipeline;

import ai.posespark.source.FrameTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.StreamCapabilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's record of frames that killed an executor, in {@code <run>/_inflight/} (Hadoop FileSystem, so a retried
 * task on another host sees it). Each task attempt keeps a log {@code part-<stage>-<partition>-<attempt>}: a line
 * naming a frame before it is decoded and {@code -} once the decoder returned, each flushed ({@code hflush}), and
 * deleted when the task ends. A log whose last line names a frame, found when the task starts again (Spark's retry
 * after the executor died) or when a run starts (resume, append), names the frame that was being decoded when the
 * JVM ended. It becomes {@code died-<frame id>}, which stays for the run's life: that frame gets an error row
 * instead of a decode, wherever and however often its partition runs again (a lost cached partition is recomputed
 * too). Every frame in flight in the JVM when it died is recorded (another core's task was decoding too). Delete a
 * {@code died-} file to let a later resume with {@code execution.retryErrors} try the file again. A file system
 * whose streams cannot flush (S3A) records nothing: there a killer file costs its task every attempt.
 */
public final class InflightMarkers {
  private static final Logger LOG = LoggerFactory.getLogger(InflightMarkers.class);
  static final String FOLDER = "_inflight";
  private static final String LOG_PREFIX = "part-";
  private static final String DIED = "died-";
  private static final byte[] DONE = "-\n".getBytes(StandardCharsets.UTF_8);

  private final FileSystem fs;
  private final Path dir;

  private InflightMarkers(FileSystem fs, Path dir) {
    this.fs = fs;
    this.dir = dir;
  }

  /** The markers of the run writing to {@code runDir}. */
  public static InflightMarkers of(String runDir, Configuration conf) throws IOException {
    Path dir = new Path(runDir, FOLDER);
    FileSystem fs = dir.getFileSystem(conf);
    // the raw local file system: no checksum file rewritten with every line
    return new InflightMarkers(fs instanceof LocalFileSystem local ? local.getRaw() : fs, dir);
  }

  /**
   * On the driver before any task runs: every log left is from a JVM that died (the run before was killed with its
   * executor, or was local); the frame each was decoding becomes a died frame. Returns how many.
   */
  public int adoptLeftovers() throws IOException {
    return adopt(LOG_PREFIX);
  }

  /**
   * On a task's start: what its earlier attempts left becomes died frames; then this attempt's log is opened.
   *
   * @param task    {@code <stage>-<partition>}, the same in every attempt
   * @param attempt the attempt number (a fresh log each: HDFS keeps a dead writer's lease for a minute)
   */
  TaskLog open(String task, int attempt) throws IOException {
    adopt(LOG_PREFIX + task + "-");
    Path log = new Path(dir, LOG_PREFIX + task + "-" + attempt);
    FSDataOutputStream out = fs.create(log, true);
    if (!out.hasCapability(StreamCapabilities.HFLUSH)) {
      out.close();
      fs.delete(log, false);
      LOG.warn("{} cannot flush a stream: frames in flight are not recorded, a file that kills an executor fails "
          + "its task on every attempt", fs.getUri());
      return new TaskLog(null, null);
    }
    return new TaskLog(out, log);
  }

  /** The ids of the frames that killed an executor in this run. */
  Set<Long> died() throws IOException {
    Set<Long> ids = new HashSet<>();
    if (fs.exists(dir)) {
      for (FileStatus s : fs.listStatus(dir)) {
        String name = s.getPath().getName();
        if (name.startsWith(DIED)) {
          ids.add(Long.parseUnsignedLong(name.substring(DIED.length()), 16));
        }
      }
    }
    return ids;
  }

  /** One task attempt's log of the frame in flight. */
  final class TaskLog implements AutoCloseable {
    private final FSDataOutputStream out;
    private final Path path;

    private TaskLog(FSDataOutputStream out, Path path) {
      this.out = out;
      this.path = path;
    }

    /** {@code frame} is about to be decoded. */
    synchronized void record(FrameTask frame) {
      write((Long.toHexString(frame.frameId()) + "\t" + frame.frameIndex() + "\t" + frame.uri() + "\n")
          .getBytes(StandardCharsets.UTF_8));
    }

    /** The decoder returned: nothing in flight. */
    synchronized void clear() {
      write(DONE);
    }

    private void write(byte[] line) {
      if (out == null) {
        return;
      }
      try {
        out.write(line);
        out.hflush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the in-flight log " + path, e);
      }
    }

    /** The task ended (done, failed or killed, its JVM alive): the log goes. */
    @Override
    public synchronized void close() throws IOException {
      if (out != null) {
        out.close();
        fs.delete(path, false);
      }
    }
  }

  /** Each log whose name starts with {@code prefix} → its frame in flight (if any) a died frame; the log goes. */
  private int adopt(String prefix) throws IOException {
    if (!fs.exists(dir)) {
      return 0;
    }
    int adopted = 0;
    for (FileStatus s : fs.listStatus(dir)) {
      if (s.getPath().getName().startsWith(prefix)) {
        String[] frame = inFlight(s.getPath());
        if (frame != null) {
          LOG.warn("an executor died while decoding frame {} of {}: it gets an error row", frame[1], frame[2]);
          try (FSDataOutputStream out = fs.create(new Path(dir, DIED + frame[0]), true)) {
            out.write((frame[1] + "\t" + frame[2] + "\n").getBytes(StandardCharsets.UTF_8));
          }
          adopted++;
        }
        fs.delete(s.getPath(), false);
      }
    }
    return adopted;
  }

  /** The log's last complete line as {@code [id, index, uri]} when it names a frame; null when it is {@code -}. */
  private String[] inFlight(Path log) throws IOException {
    String text;
    try (var in = fs.open(log)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int end = text.lastIndexOf('\n'); // a line cut short by the JVM's end does not count
    if (end < 0) {
      return null;
    }
    String last = text.substring(text.lastIndexOf('\n', end - 1) + 1, end);
    String[] fields = last.split("\t", 3);
    return fields.length == 3 ? fields : null;
  }
}
