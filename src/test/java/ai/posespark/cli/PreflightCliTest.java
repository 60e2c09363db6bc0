package ai.posespark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.model.tfjs.TinyGraph;
import ai.posespark.run.TestModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What a newcomer met: a missing input, annotation or model file, a broken model, an unreachable S3 endpoint, a
 * run folder that is a link elsewhere. Each fails before Spark starts as one line naming the key, exit code 2.
 */
class PreflightCliTest {
  /** An AWS-shaped secret: it must never appear in what PoseSpark prints. */
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  @TempDir
  Path dir;

  private record Outcome(int code, String stderr, double seconds) {
    /** The one line PoseSpark printed. */
    String line() {
      String[] lines = stderr.strip().split("\\R");
      assertEquals(1, lines.length, "one line, not a stack trace:\n" + stderr);
      return lines[0];
    }
  }

  private Outcome submit(String yaml) throws Exception {
    Path job = Files.writeString(dir.resolve("job.yaml"), yaml);
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    long t0 = System.nanoTime();
    try {
      int code = new CommandLine(new SubmitCommand()).execute(job.toString(), "--master", "local[1]");
      return new Outcome(code, err.toString(StandardCharsets.UTF_8), (System.nanoTime() - t0) / 1e9);
    } finally {
      System.setErr(saved);
    }
  }

  private String images() throws Exception {
    Path images = Files.createDirectories(dir.resolve("images"));
    Files.copy(Path.of("data/samples/messi5.jpg"), images.resolve("messi5.jpg"));
    return images.toString();
  }

  @Test
  void missingInputPath() throws Exception {
    Outcome o = submit("name: x\ninput: {paths: [" + dir.resolve("nowhere") + "]}\nmodel: {pose: movenet-lightning}\n");
    assertEquals(2, o.code());
    assertTrue(o.line().startsWith("posespark: job file: input.paths[0]: '"), o.line());
    assertTrue(o.line().endsWith("nowhere' matches no file or folder"), o.line());
  }

  @Test
  void missingAnnotationFile() throws Exception {
    Outcome o = submit("name: x\ninput: {paths: [" + images() + "], annotations: " + dir.resolve("gt.json")
        + "}\nmodel: {pose: movenet-lightning}\nevaluation: {metrics: [coco]}\n");
    assertEquals(2, o.code());
    assertTrue(o.line().contains("input.annotations: '") && o.line().endsWith("gt.json' does not exist"), o.line());
  }

  @Test
  void missingModelFile() throws Exception {
    Outcome o = submit("name: x\ninput: {paths: [" + images() + "]}\nmodel: {pose: " + dir.resolve(
        "models/movenet-lightning.json") + "}\noutput: {path: " + dir.resolve("out") + "}\n");
    assertEquals(2, o.code());
    assertTrue(o.line().contains("model.pose: cannot load model movenet-lightning from ")
        && o.line().contains("does not exist"), o.line());
  }

  @Test
  void brokenModelFailsBeforeAnyFrame() throws Exception {
    TestModels.assumeInstalled("movenet-lightning");
    Path model = TinyGraph.write(dir.resolve("models"), "movenet-lightning",
        TinyGraph.valid().replace("AddV2", "FancyNewOp"), TinyGraph.SHARD);
    Outcome o = submit("name: x\ninput: {paths: [" + images() + "]}\nmodel: {pose: " + model + "}\n"
        + "output: {path: " + dir.resolve("out") + "}\n");
    assertEquals(2, o.code());
    assertTrue(o.line().contains("model.pose: ") && o.line().contains("node 'y' (FancyNewOp): unsupported op"),
        o.line());
    assertFalse(Files.exists(dir.resolve("out/x")), "nothing written");
  }

  @Test
  void runFolderThatLinksElsewhereIsRefused() throws Exception {
    Path elsewhere = Files.createDirectories(dir.resolve("precious"));
    Files.createDirectories(dir.resolve("out"));
    Files.createSymbolicLink(dir.resolve("out/x"), elsewhere);
    Outcome o = submit("name: x\ninput: {paths: [" + images() + "]}\nmodel: {pose: movenet-lightning}\n"
        + "output: {path: " + dir.resolve("out") + "}\n");
    assertEquals(2, o.code());
    assertTrue(o.line().contains("name: run folder ") && o.line().contains("is a symbolic link"), o.line());
    assertTrue(Files.isDirectory(elsewhere));
  }

  @Test
  void credentialsInAUriAreRefusedAndNotPrinted() throws Exception {
    Outcome o = submit("name: x\ninput: {paths: [\"s3a://AKIAIOSFODNN7EXAMPLE:" + SECRET + "@bucket/images\"]}\n"
        + "model: {pose: movenet-lightning}\n");
    assertEquals(2, o.code());
    assertTrue(o.line().contains("input.paths[0]: 's3a://***@bucket/images': credentials in a URI are refused"),
        o.line());
    assertFalse(o.stderr().contains(SECRET));
    assertFalse(o.stderr().contains("AKIAIOSFODNN7EXAMPLE"));
  }

  /** Was 124 s of silence, then a stack trace: now a few bounded tries and the endpoint named. */
  @Test
  void unreachableS3EndpointIsNamedInSeconds() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // closed again: nothing listens there
    }
    Map<String, String> s3 = Map.of("fs.s3a.endpoint", "http://127.0.0.1:" + port,
        "fs.s3a.endpoint.region", "us-east-1", "fs.s3a.path.style.access", "true",
        "fs.s3a.connection.ssl.enabled", "false",
        "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider",
        "fs.s3a.access.key", "AKIAIOSFODNN7EXAMPLE", "fs.s3a.secret.key", SECRET);
    s3.forEach((k, v) -> System.setProperty("spark.hadoop." + k, v));
    Outcome o;
    try {
      o = submit("name: x\ninput: {paths: [\"s3a://unreachable-bucket/images\"]}\nmodel: {pose: movenet-lightning}\n");
    } finally {
      s3.keySet().forEach(k -> System.clearProperty("spark.hadoop." + k));
    }
    System.out.printf("unreachable S3 endpoint: exit %d after %.1f s: %s%n", o.code(), o.seconds(), o.line());
    assertEquals(2, o.code());
    assertTrue(o.line().contains("input.paths[0]: cannot reach S3 endpoint http://127.0.0.1:" + port), o.line());
    assertTrue(o.seconds() < 60, o.seconds() + " s");
    assertFalse(o.stderr().contains(SECRET));
  }
}
