package ai.posespark.run;

import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecException;
import ai.posespark.jobfile.OutputSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A run's folder {@code <output.path>/<name>/} and what {@code output.mode} does with what is there. Every run
 * folder holds a {@value #MARKER} file (name, pipeline, stage columns); a folder without one is not deleted. An
 * {@code overwrite} over an existing run writes aside, into {@code .<name>.pending} beside it, and swaps it in only
 * at {@link #commit}: a run killed or failed half-way leaves the old output whole. {@code append} and
 * {@code resume} keep the folder (a resume also continues an interrupted overwrite's aside folder) and refuse a run
 * whose stage columns differ, since the tables would not read as one.
 */
final class RunFolder {
  static final String MARKER = "_POSESPARK_RUN";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FileSystem fs;
  private final Path target;
  private final Path work;

  private RunFolder(FileSystem fs, Path target, Path work) {
    this.fs = fs;
    this.target = target;
    this.work = work;
  }

  /**
   * Checks {@code output.mode} against what {@code runDir} holds and makes the folder the run writes to.
   *
   * @param stages the run's stage names (its frame table's {@code <stage>_ms} columns)
   * @throws JobSpecException when the mode forbids touching what is there, naming {@code output.mode}
   */
  static RunFolder prepare(JobSpec spec, String runDir, List<String> stages, Configuration conf)
      throws IOException {
    Path target = new Path(runDir);
    FileSystem fs = target.getFileSystem(conf);
    Path aside = sibling(target, ".pending");
    Path old = sibling(target, ".old");
    if (!fs.exists(target) && fs.exists(old)) {
      // an overwrite was interrupted between its two renames: the old run comes back
      fs.rename(old, target);
    }
    fs.delete(old, true);
    boolean exists = fs.exists(target) && fs.listStatus(target).length > 0;
    Path work = target;
    OutputSpec.Mode mode = spec.output().mode();
    switch (mode) {
      case ERROR -> {
        if (fs.exists(target)) {
          throw new JobSpecException("output.mode", "'error' and " + runDir + " already exists");
        }
      }
      case OVERWRITE -> {
        if (exists) {
          requireRun(fs, target);
          requireNoInput(fs, target, spec.input().paths(), conf);
          discard(fs, aside);
          work = aside;
        }
      }
      case APPEND, RESUME -> {
        if (mode == OutputSpec.Mode.RESUME && fs.exists(new Path(aside, MARKER))) {
          work = aside;
        } else if (exists) {
          requireRun(fs, target);
        }
        requireSameStages(fs, work, stages);
        requireSameModel(fs, work, spec);
      }
      default -> throw new IllegalStateException(mode.toString());
    }
    fs.mkdirs(work);
    if (!fs.exists(new Path(work, MARKER))) {
      writeMarker(fs, new Path(work, MARKER), spec, stages);
    }
    return new RunFolder(fs, target, work);
  }

  /** Where the run writes: its folder, or the aside folder of an overwrite until {@link #commit}. */
  String workDir() {
    return work.toString();
  }

  /** Whether the run writes aside and replaces an earlier run at {@link #commit}. */
  boolean aside() {
    return !work.equals(target);
  }

  /** Where the output ends up. */
  String targetDir() {
    return target.toString();
  }

  /** An overwrite's new run replaces the old one: old renamed away, new renamed in, old deleted. */
  void commit() throws IOException {
    if (!aside()) {
      return;
    }
    Path old = sibling(target, ".old");
    if (fs.exists(target) && !fs.rename(target, old)) {
      throw new IOException("could not move the previous run " + target + " aside to " + old);
    }
    if (!fs.rename(work, target)) {
      throw new IOException("could not move the new run " + work + " to " + target);
    }
    fs.delete(old, true);
  }

  private static Path sibling(Path target, String suffix) {
    return new Path(target.getParent(), "." + target.getName() + suffix);
  }

  /** Deletes a stale aside folder (an earlier interrupted overwrite), which must be a run. */
  private static void discard(FileSystem fs, Path aside) throws IOException {
    if (fs.exists(aside)) {
      requireRun(fs, aside);
      fs.delete(aside, true);
    }
  }

  /** A run folder has the marker, or (written before markers) a committed frames table. */
  private static void requireRun(FileSystem fs, Path dir) throws IOException {
    if (fs.exists(new Path(dir, MARKER)) || fs.exists(new Path(dir, "frames/_SUCCESS"))) {
      return;
    }
    throw new JobSpecException("output.mode", dir + " exists and is not a PoseSpark run (no " + MARKER
        + " file): refusing to replace it; pick another output.path or name, or remove it yourself");
  }

  /** Overwrite deletes the old folder: never one holding an input. */
  private static void requireNoInput(FileSystem fs, Path target, List<String> inputs, Configuration conf)
      throws IOException {
    String root = fs.makeQualified(target).toString() + "/";
    for (String input : inputs) {
      Path p = new Path(input);
      String qualified = p.getFileSystem(conf).makeQualified(p).toString() + "/";
      if (qualified.startsWith(root)) {
        throw new JobSpecException("output.mode", "'overwrite' would delete " + target + ", which holds input "
            + input + ": pick another output.path or name");
      }
    }
  }

  private static void requireSameStages(FileSystem fs, Path dir, List<String> stages) throws IOException {
    Path marker = new Path(dir, MARKER);
    if (!fs.exists(marker)) {
      return;
    }
    JsonNode written;
    try (InputStream in = fs.open(marker)) {
      written = JSON.readTree(in);
    }
    List<String> before = new ArrayList<>();
    written.path("stages").forEach(s -> before.add(s.asText()));
    if (!before.isEmpty() && !before.equals(stages)) {
      throw new JobSpecException("output.mode", dir + " holds a run with stages " + before + ", this job has "
          + stages + " (pipeline " + written.path("pipeline").asText() + " there): its tables would not read as "
          + "one; use another name or output.mode overwrite");
    }
  }

  /**
   * An append or resume must run the model, with the settings, the folder's rows came from: rows of two models (or
   * two thresholds) would read as one run. Folders written before the marker recorded the settings are not checked.
   */
  private static void requireSameModel(FileSystem fs, Path dir, JobSpec spec) throws IOException {
    Path marker = new Path(dir, MARKER);
    if (spec.model() == null || !fs.exists(marker)) {
      return;
    }
    JsonNode before;
    try (InputStream in = fs.open(marker)) {
      before = JSON.readTree(in).path("modelSettings");
    }
    if (!before.isObject()) {
      return;
    }
    ObjectNode now = modelSettings(spec);
    List<String> differ = new ArrayList<>();
    Set<String> keys = new TreeSet<>();
    before.fieldNames().forEachRemaining(keys::add);
    now.fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      if (!before.path(key).equals(now.path(key))) {
        differ.add("model." + key + ": " + before.path(key) + " there, " + now.path(key) + " here");
      }
    }
    if (!differ.isEmpty()) {
      throw new JobSpecException("output.mode", dir + " holds rows of model " + before.path("pose").asText()
          + ", this job runs " + now.path("pose").asText() + " (" + String.join("; ", differ) + "): the rows of "
          + "two models would read as one run; use another name or output.mode overwrite");
    }
  }

  /** The model keys that decide a run's rows (all but the catalog file's path and the TorchScript trust), as JSON. */
  private static ObjectNode modelSettings(JobSpec spec) throws IOException {
    // through text, as the marker holds them: a float reads back as a double node, which a float node never equals
    ObjectNode settings = (ObjectNode) JSON.readTree(JSON.writeValueAsString(spec.model()));
    settings.remove("catalog");
    settings.remove("trustTorchScript");
    return settings;
  }

  private static void writeMarker(FileSystem fs, Path marker, JobSpec spec, List<String> stages) throws IOException {
    ObjectNode m = JSON.createObjectNode();
    m.put("name", spec.name());
    m.put("created", Instant.now().toString());
    if (spec.model() != null) {
      m.put("pipeline", spec.model().pipeline());
      m.put("model", spec.model().pose());
      m.set("modelSettings", modelSettings(spec));
    }
    stages.forEach(m.putArray("stages")::add);
    try (OutputStream out = fs.create(marker, true)) {
      JSON.writerWithDefaultPrettyPrinter().writeValue(out, m);
    }
  }
}
