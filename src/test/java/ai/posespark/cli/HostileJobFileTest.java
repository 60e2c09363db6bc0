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

/**
 * Job files no editor writes: Latin-1 bytes, a YAML "billion laughs", nesting thousands deep, megabytes. Each ends
 * before Spark starts, in well under a second of work, with exit 2 and one line naming the problem.
 */
class HostileJobFileTest {
  @TempDir
  Path dir;

  private String refused(byte[] job) throws Exception {
    Path file = Files.write(dir.resolve("job.yaml"), job);
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    long t0 = System.nanoTime();
    int code;
    try {
      code = new CommandLine(new SubmitCommand()).execute(file.toString(), "--master", "local[1]");
    } finally {
      System.setErr(saved);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    String text = err.toString(StandardCharsets.UTF_8).strip();
    System.out.printf("%d bytes: exit %d after %.2f s: %s%n", job.length, code, seconds, text);
    assertEquals(2, code, text);
    assertEquals(1, text.lines().count(), "one line, not a stack trace:\n" + text);
    return text;
  }

  @Test
  void latin1BytesAreNamedWithTheirPlace() throws Exception {
    byte[] job = "name: ok\nmodel: {pose: caf\u00e9}\n".getBytes(StandardCharsets.ISO_8859_1);
    String line = refused(job);
    assertTrue(line.contains("is not UTF-8: byte 0xe9 at offset 26 (line 2); save it as UTF-8"), line);
  }

  @Test
  void billionLaughsIsRefusedBeforeItExpands() throws Exception {
    StringBuilder yaml = new StringBuilder("name: laughs\nlol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int level = 1; level < 10; level++) {
      String alias = "*a" + (level - 1);
      yaml.append("lol").append(level).append(": &a").append(level).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, alias))).append("]\n");
    }
    // 9^10 = 3.5 billion strings if aliases were expanded; bound as written, the first unknown key ends it
    String line = refused(yaml.toString().getBytes(StandardCharsets.UTF_8));
    assertTrue(line.endsWith("job file: lol0: unknown key (known keys here: evaluation, execution, input, model, "
        + "name, output, tracking, train)"), line);
  }

  @Test
  void nestingThousandsDeepIsRefused() throws Exception {
    String yaml = "name: deep\nmodel: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    String line = refused(yaml.getBytes(StandardCharsets.UTF_8));
    assertTrue(line.contains("(file): not valid YAML: nested deeper than 20 levels of lists and mappings: refused"),
        line);
  }

  @Test
  void aFileOfMegabytesIsNotReadWhole() throws Exception {
    byte[] job = ("name: big\n# " + "x".repeat(2 << 20) + "\n").getBytes(StandardCharsets.UTF_8);
    String line = refused(job);
    assertTrue(line.contains("is over 1048576 bytes: not a job file"), line);
  }
}
