package ai.posespark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.posespark.report.RateFormat;
import org.junit.jupiter.api.Test;

/** Progress counted per frame (running tasks' heartbeats, finished tasks, failed ones dropped) and its text. */
class RunProgressTest {
  @Test
  void runningTasksCountBeforeTheirPartitionEnds() {
    FrameCount c = new FrameCount(600);
    c.running(1, 40);
    c.running(2, 25);
    assertEquals(65, c.done(), "two partitions under way, none finished");
    c.running(1, 120);
    assertEquals(145, c.done(), "a heartbeat replaces the task's count");
    c.ended(1, 300, true);
    assertEquals(325, c.done());
  }

  @Test
  void aFailedTaskGivesBackItsFramesAndTheRetryCountsAgain() {
    FrameCount c = new FrameCount(100);
    c.running(7, 60);
    c.ended(7, 60, false);
    assertEquals(0, c.done());
    c.running(8, 30);
    c.ended(8, 100, true);
    c.ended(9, 50, true);
    assertEquals(100, c.done(), "never above the frames listed");
  }

  @Test
  void plainLinesSayDoneTotalRateAndEta() {
    assertEquals("run: 120/600 frames (20%), 12.0 frames/s, ETA 40.0 s", RunProgress.line("run", 120, 600, 10));
    assertEquals("run: 0/600 frames (0%), 0 frames/s, ETA ?", RunProgress.line("run", 0, 600, 3));
    assertEquals("run: 600/600 frames (100%), 5.0 frames/s, done", RunProgress.line("run", 600, 600, 120));
  }

  @Test
  void ratesKeepTheirLeadingZeroAndDurationsReadAsTime() {
    assertEquals("0.5 frames/s", RateFormat.perSecond(0.5, "frames"));
    assertEquals("0.05 frames/s", RateFormat.perSecond(0.05, "frames"));
    assertEquals("2.25 frames/s", RateFormat.perSecond(2.25, "frames"));
    assertEquals("12.3 frames/s", RateFormat.perSecond(12.34, "frames"));
    assertEquals("1,234 frames/s", RateFormat.perSecond(1234.4, "frames"));
    assertEquals("0 frames/s", RateFormat.perSecond(Double.NaN, "frames"));
    assertEquals("59.9 s", RateFormat.seconds(59.94));
    assertEquals("2m 05s", RateFormat.seconds(125));
    assertEquals("1h 02m", RateFormat.seconds(3725));
  }
}
