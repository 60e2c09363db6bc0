package ai.posespark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.testing.Skip;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code report.html} of a real run (samples + a corrupt file, evaluated): what it holds, that it needs no other
 * file, and a real headless Chromium loading it with no console error and every image decoded.
 */
class ReportTest {
  static JobSummary summary;
  static String html;

  @BeforeAll
  static void run() throws Exception {
    summary = SampleRun.get();
    html = Files.readString(SampleRun.dir().resolve(RunReport.FILE));
  }

  @Test
  void theRunWritesItsReportAndSaysWhere() {
    assertTrue(summary.report().endsWith("/samples/report.html"), summary.report());
    assertTrue(summary.screen().contains("report.html"), summary.screen());
    assertEquals(1, summary.topErrors().size());
    assertTrue(summary.topErrors().get(0).reason().contains("not a supported image format"));
  }

  @Test
  void reportHoldsTheRunTheSamplesTheErrorsAndThePlots() throws Exception {
    assertTrue(html.contains("4 (3 ok, 1 error)"), "frame counts");
    assertTrue(html.contains("movenet-multipose"), "model");
    assertTrue(html.contains("<td>device (frames)</td><td>cpu</td>"), "the device that ran the frames");
    assertTrue(html.contains("<h3>Time per stage"), "timings");
    for (String stage : List.of(">read<", ">decode<", ">inference<")) {
      assertTrue(html.contains(stage), stage);
    }
    assertTrue(html.contains("corrupt.jpg") && html.contains("not a supported image format"), "error frame");
    assertTrue(html.contains("COCO precision / recall per OKS threshold"), "PR curves");
    assertTrue(html.contains("Per keypoint"), "per-keypoint bars");
    assertTrue(html.contains("name: &quot;samples&quot;"), "job file as run");
    List<byte[]> images = images(html);
    // 3 ok frames drawn, then the COCO plots: PR curves, AP/AR per threshold, by area, per keypoint
    assertEquals(3 + 4, images.size());
    for (byte[] img : images) {
      assertTrue(ImageIO.read(new ByteArrayInputStream(img)).getWidth() > 100, "every image decodes");
    }
    assertFalse(html.contains("<script") || html.contains("http://") || html.contains("https://"),
        "nothing to fetch, nothing to run");
  }

  @Test
  void rebuildsFromTheTablesAlone() throws Exception {
    Path copy = Path.of("target/report-rebuild");
    org.apache.commons.io.FileUtils.deleteDirectory(copy.toFile());
    for (String t : List.of("frames", "persons", "eval")) {
      org.apache.commons.io.FileUtils.copyDirectory(SampleRun.dir().resolve(t).toFile(), copy.resolve(t).toFile());
    }
    String file = RunReport.write(ai.posespark.run.SparkTestSession.get().newSession(),
        copy.toAbsolutePath().toUri().toString());
    String rebuilt = Files.readString(Path.of(java.net.URI.create(file)));
    assertEquals(images(html).size(), images(rebuilt).size(), "same pictures without run.json");
    assertFalse(rebuilt.contains("Job file as run"), "no run.json, no job section");
  }

  @Test
  void chromiumLoadsTheReportWithoutErrorsAndDecodesEveryImage() throws Exception {
    String chromium = HeadlessChromium.binary();
    Skip.unless(chromium != null, "no chromium on the PATH (Debian: apt-get install chromium; scripts/test.sh "
        + "installs it when it can)");
    Path profile = Files.createTempDirectory("posespark-chromium");
    try (HeadlessChromium browser = HeadlessChromium.start(chromium, profile)) {
      browser.open(SampleRun.dir().resolve(RunReport.FILE).toUri().toString());
      JsonNode decoded = browser.eval("Promise.all(Array.from(document.images).map(i => i.decode()"
          + ".then(() => i.naturalWidth > 0, () => false)))");
      assertEquals(7, decoded.size(), "images in the page");
      decoded.forEach(d -> assertTrue(d.asBoolean(), "image decoded: " + decoded));
      Path shot = Path.of("target/report-screenshot.png");
      Files.write(shot, browser.screenshot());
      System.out.println("report screenshot: " + shot.toAbsolutePath());
      assertTrue(ImageIO.read(shot.toFile()).getHeight() > 1000, "the whole page");
      assertEquals(List.of(), browser.problems, "console errors, exceptions, log entries");
      assertTrue(browser.requests.stream().allMatch(u -> u.startsWith("file:") || u.startsWith("data:")),
          "no network: " + browser.requests);
    }
  }

  /** The data-URI images of a page, decoded from base64. */
  static List<byte[]> images(String page) {
    Matcher m = Pattern.compile("src=\"data:image/[a-z]+;base64,([A-Za-z0-9+/=]+)\"").matcher(page);
    List<byte[]> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(Base64.getDecoder().decode(m.group(1)));
    }
    return out;
  }
}
