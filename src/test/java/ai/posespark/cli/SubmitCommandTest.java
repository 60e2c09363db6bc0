package ai.posespark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A bad job file fails fast — before Spark starts — with exit code 2 and the key named. */
class SubmitCommandTest {
  @TempDir
  Path dir;

  private record Outcome(int code, String stderr) {}

  private Outcome submit(String yaml, String... extra) throws Exception {
    Path job = dir.resolve("job.yaml");
    Files.writeString(job, yaml);
    String[] args = new String[extra.length + 1];
    args[0] = job.toString();
    System.arraycopy(extra, 0, args, 1, extra.length);
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = new CommandLine(new SubmitCommand()).execute(args);
      return new Outcome(code, err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(saved);
    }
  }

  @Test
  void unknownKeyFailsWithTheKeyNamed() throws Exception {
    Outcome o = submit("name: x\ninput: {paths: [a]}\nmodel: {pose: movenet-lightning, detecter: y}\n");
    assertEquals(2, o.code());
    assertTrue(o.stderr().contains("model.detecter: unknown key"), o.stderr());
  }

  @Test
  void badOverrideFailsWithTheKeyNamed() throws Exception {
    Outcome o = submit("name: x\ninput: {paths: [a]}\nmodel: {pose: movenet-lightning}\n",
        "--set", "execution.batchSize=-3");
    assertEquals(2, o.code());
    assertTrue(o.stderr().contains("execution.batchSize"), o.stderr());
  }

  @Test
  void unknownModelFailsBeforeAnyFrameIsRead() throws Exception {
    Outcome o = submit("name: x\ninput: {paths: [" + dir + "]}\nmodel: {pose: openpose-9000}\n"
        + "output: {path: " + dir.resolve("out") + "}\n");
    assertEquals(2, o.code());
    assertTrue(o.stderr().contains("model.pose: unknown model 'openpose-9000'"), o.stderr());
  }

  @Test
  void missingJobFileIsReported() {
    int code = new CommandLine(new SubmitCommand()).execute(dir.resolve("nope.yaml").toString());
    assertEquals(2, code);
  }
}
