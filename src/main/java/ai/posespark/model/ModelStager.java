package ai.posespark.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * Brings a model given as a URI ({@code hdfs://}, {@code s3a://}, …) to local disk, where the interpreter and
 * libtorch can read it: model.json plus the weight shards its manifest lists, or a single {@code .pt}. Clusters
 * stage models in shared storage; each executor copies them once into {@code <staging root>/<key>/}, the key a
 * hash of the URI with the remote file's size and modification time, so a model replaced at the same URI is
 * staged anew. The staging root is {@code <model cache>/staged}, or {@code -Dposespark.staging.dir} (the tests'
 * throwaway folder). Local paths and {@code file:} URIs are used in place; {@code classpath:} models (shipped in
 * the jar) are written out once.
 */
public final class ModelStager {
  /** The location prefix of models shipped inside the jar. */
  public static final String CLASSPATH = "classpath:";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelStager() {}

  /** The local file of {@code location}, copying it (and its weight shards) here first when it is remote. */
  public static synchronized Path localize(String location, Configuration conf, Path cacheRoot) throws IOException {
    if (location.startsWith(CLASSPATH)) {
      return fromClasspath(location.substring(CLASSPATH.length()), cacheRoot);
    }
    org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(location);
    String scheme = remote.toUri().getScheme();
    if (scheme == null || scheme.equals("file")) {
      Path local = Path.of(remote.toUri().getPath());
      if (!Files.isRegularFile(local)) {
        throw new IOException("model file " + location + " does not exist (for catalog models run "
            + "scripts/install-models.sh, or set " + ModelCatalog.MODELS_DIR_ENV + ")");
      }
      return local;
    }
    FileSystem fs = remote.getFileSystem(conf);
    FileStatus status = fs.getFileStatus(remote);
    String staging = System.getProperty("posespark.staging.dir");
    Path root = staging != null ? Path.of(staging) : cacheRoot.resolve("staged");
    Path dir = root.resolve(hash(location + "#" + status.getLen() + "#" + status.getModificationTime()));
    Path target = dir.resolve(remote.getName());
    Path done = dir.resolve(".complete");
    if (Files.exists(done)) {
      return target;
    }
    Files.createDirectories(dir);
    List<String> files = new ArrayList<>();
    files.add(remote.getName());
    if (remote.getName().endsWith(".json")) {
      try (InputStream in = fs.open(remote)) {
        JsonNode manifest = JSON.readTree(in).path("weightsManifest");
        for (JsonNode group : manifest) {
          for (JsonNode p : group.path("paths")) {
            files.add(p.asText());
          }
        }
      }
    }
    for (String f : files) {
      org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(remote.getParent(), f);
      Path tmp = Files.createTempFile(dir, ".part", null);
      try (InputStream in = fs.open(src)) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      Path dest = dir.resolve(f).normalize();
      if (!dest.startsWith(dir)) {
        throw new IOException("model " + location + ": weight path '" + f + "' leaves the model folder");
      }
      Files.createDirectories(dest.getParent());
      Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.createFile(done);
    return target;
  }

  /**
   * A model shipped inside the jar ({@code classpath:models/x.onnx}), written once to
   * {@code <model cache>/bundled/<content hash>/x.onnx}: libraries load from files, and the hash keeps a rebuilt
   * jar's changed model apart from the old one.
   */
  private static Path fromClasspath(String resource, Path cacheRoot) throws IOException {
    byte[] bytes;
    try (InputStream in = ModelStager.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IOException("model " + CLASSPATH + resource + " is not inside this build's jar");
      }
      bytes = in.readAllBytes();
    }
    String name = resource.substring(resource.lastIndexOf('/') + 1);
    Path dir = cacheRoot.resolve("bundled").resolve(hash(bytes));
    Path target = dir.resolve(name);
    if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
      return target;
    }
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".part", null);
    Files.write(tmp, bytes);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  private static String hash(String s) {
    return hash(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String hash(byte[] bytes) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(d, 0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
