package ai.posespark.plan;

import ai.djl.Device;
import ai.posespark.jobfile.InputSpec;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecException;
import ai.posespark.jobfile.Secrets;
import ai.posespark.pipeline.PipelinePlan;
import ai.posespark.train.TrainJob;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Everything a job file names, checked before Spark starts, so that what is missing fails in seconds as one line
 * naming the key (exit 2), not as an executor's stack trace: every input path, the annotation and detection files,
 * the run folder (it must stay inside {@code output.path}), and every model, loaded once on the driver's CPU (in
 * embedded runs the executors then find it in the JVM's model cache). Remote stores are asked with few retries
 * and short timeouts: an unreachable S3 endpoint is named in seconds instead of minutes of silence.
 */
public final class Preflight {
  /**
   * S3A settings of the checks: two tries, then the endpoint is named. The timeouts are S3A's floor, 15 s
   * (lower values are raised to it, with a warning on every run).
   */
  private static final List<String[]> BOUNDED = List.of(
      new String[] {"fs.s3a.attempts.maximum", "1"},
      new String[] {"fs.s3a.retry.limit", "1"},
      new String[] {"fs.s3a.retry.interval", "200ms"},
      new String[] {"fs.s3a.connection.establish.timeout", "15s"},
      new String[] {"fs.s3a.connection.timeout", "15s"},
      new String[] {"fs.s3a.connection.request.timeout", "15s"});

  private Preflight() {}

  /**
   * Checks {@code spec}'s keys ({@link #checkKeys}) and everything it names on the file systems of {@code conf}.
   *
   * @throws JobSpecException naming the first key whose path or model is not usable, and why
   */
  public static void check(JobSpec spec, Configuration conf) {
    PipelinePlan plan = checkKeys(spec);
    Configuration bounded = new Configuration(conf);
    BOUNDED.forEach(kv -> bounded.set(kv[0], kv[1]));
    InputSpec input = spec.input();
    for (int i = 0; i < input.paths().size(); i++) {
      requireMatch("input.paths[" + i + "]", input.paths().get(i), bounded);
    }
    if (input.annotations() != null) {
      requireFile("input.annotations", input.annotations(), bounded);
    }
    if (input.detections() != null) {
      requireFile("input.detections", input.detections(), bounded);
    }
    requireRunDirInside(spec);
    if (plan != null) {
      openModels(plan, spec, bounded);
    }
  }

  /**
   * The checks that need no file system (pipeline, models in the catalog, decoders, grouping): a bad job file fails
   * in a second, naming its key.
   *
   * @return the job's pipeline, or null for a job that runs none ({@code input.kind: results})
   */
  public static PipelinePlan checkKeys(JobSpec spec) {
    if (spec.input().kind() == InputSpec.Kind.RESULTS) {
      return null;
    }
    if (spec.input().kind() == InputSpec.Kind.TRAIN) {
      TrainJob.model(spec);
    }
    return JobPipeline.plan(spec, null);
  }

  /** Loads the plan's models as executors will: a bad file fails here, before any frame. */
  private static void openModels(PipelinePlan plan, JobSpec spec, Configuration conf) {
    try {
      plan.open(Device.cpu(), conf);
    } catch (RuntimeException e) {
      String reason = Secrets.redact(causes(e), conf);
      String detector = spec.model().detector();
      boolean byDetector = detector != null && reason.contains(stem(detector));
      throw new JobSpecException(byDetector ? "model.detector" : "model.pose", reason);
    }
  }

  private static void requireMatch(String key, String location, Configuration conf) {
    FileStatus[] matches = ask(key, location, conf, (fs, p) -> fs.globStatus(p));
    if (matches == null || matches.length == 0) {
      throw new JobSpecException(key, "'" + Secrets.redact(location) + "' matches no file or folder");
    }
  }

  private static void requireFile(String key, String location, Configuration conf) {
    FileStatus status = ask(key, location, conf, (fs, p) -> fs.exists(p) ? fs.getFileStatus(p) : null);
    if (status == null) {
      throw new JobSpecException(key, "'" + Secrets.redact(location) + "' does not exist");
    }
    if (!status.isFile()) {
      throw new JobSpecException(key, "'" + Secrets.redact(location) + "' is a folder, not a file");
    }
  }

  /**
   * {@code <output.path>/<name>} must not leave {@code output.path}: the name's rule keeps out {@code ..} and
   * slashes, and an existing run folder that is a symbolic link to elsewhere is refused (overwrite would delete
   * what it points to).
   */
  private static void requireRunDirInside(JobSpec spec) {
    URI base = new Path(spec.output().path()).toUri();
    if (base.getScheme() != null && !base.getScheme().equals("file")) {
      return; // object stores and HDFS (symlinks off by default) have no links to follow
    }
    java.nio.file.Path root = java.nio.file.Path.of(base.getPath()).toAbsolutePath().normalize();
    java.nio.file.Path run = root.resolve(spec.name()).normalize();
    if (!run.getParent().equals(root)) {
      throw new JobSpecException("name", "'" + spec.name() + "' leaves output.path " + root);
    }
    try {
      if (Files.isSymbolicLink(run) || Files.exists(run) && !run.toRealPath().startsWith(root.toRealPath())) {
        throw new JobSpecException("name", "run folder " + run + " is a symbolic link (to "
            + (Files.isSymbolicLink(run) ? Files.readSymbolicLink(run) : run.toRealPath())
            + "): refusing to write or delete through it");
      }
    } catch (IOException e) {
      throw new JobSpecException("output.path", "cannot inspect " + run + ": " + e.getMessage());
    }
  }

  /** A file system question; a store that cannot be reached becomes one line naming its endpoint. */
  private static <T> T ask(String key, String location, Configuration conf, Question<T> question) {
    Path path = new Path(location);
    URI uri = path.toUri();
    // a new instance: the cached one would keep the job's own retry settings
    try (FileSystem fs = uri.getScheme() == null ? FileSystem.newInstanceLocal(conf)
        : FileSystem.newInstance(uri, conf)) {
      return question.ask(fs, path);
    } catch (IOException | RuntimeException e) {
      String where = "s3a".equals(uri.getScheme()) ? "S3 endpoint " + s3Endpoint(uri.getHost(), conf) + " for "
          : "";
      throw new JobSpecException(key, "cannot reach " + where + "'" + Secrets.redact(location) + "': "
          + Secrets.redact(causes(e), conf));
    }
  }

  /** The endpoint S3A talks to for {@code bucket}: its per-bucket setting, the global one, or AWS's default. */
  static String s3Endpoint(String bucket, Configuration conf) {
    String endpoint = conf.getTrimmed("fs.s3a.bucket." + bucket + ".endpoint", conf.getTrimmed("fs.s3a.endpoint"));
    return endpoint == null || endpoint.isEmpty() ? "(AWS default for the bucket's region)" : endpoint;
  }

  /** The messages of {@code e} and its causes, on one line, each once. */
  static String causes(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null && sb.length() < 600; t = t.getCause()) {
      String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      m = m.strip().replaceAll("\\s*\\R\\s*", " ");
      if (sb.indexOf(m) < 0) {
        sb.append(sb.length() == 0 ? "" : ": ").append(m);
      }
    }
    return sb.toString();
  }

  private static String stem(String location) {
    String name = new Path(location).getName();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  @FunctionalInterface
  private interface Question<T> {
    T ask(FileSystem fs, Path path) throws IOException;
  }
}
