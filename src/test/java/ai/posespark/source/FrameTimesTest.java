package ai.posespark.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Presentation timestamps as runs: lookups both ways, slices, milliseconds. */
class FrameTimesTest {

  @Test
  void aConstantRateVideoIsOneRun() {
    long[] ts = new long[10_000];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = 3600 + 3600L * i;
    }
    FrameTimes t = FrameTimes.of(ts, 1, 90_000);
    assertEquals(1, t.runFirst().length);
    assertEquals(10_000, t.end());
    assertEquals(3600 + 3600L * 1234, t.at(1234));
    assertEquals(1234, t.indexOf(3600 + 3600L * 1234));
    assertEquals(-1, t.indexOf(3600 + 3600L * 1234 + 1), "between frames");
    assertEquals(-1, t.indexOf(0), "before the first");
    assertEquals(-1, t.indexOf(3600 + 3600L * 10_000), "after the last");
    assertEquals(0, t.millis(0), "from frame 0");
    assertEquals(40 * 1234, t.millis(1234));
  }

  @Test
  void variableStepsMakeRunsAndLookupsStayExact() {
    long[] ts = {0, 40, 80, 120, 130, 140, 150, 1000, 1000, 1001, 5000};
    FrameTimes t = FrameTimes.of(ts, 1, 1000);
    for (int i = 0; i < ts.length; i++) {
      assertEquals(ts[i], t.at(i), "frame " + i);
      if (i != 8) {
        assertEquals(i, t.indexOf(ts[i]), "frame " + i);
      }
    }
    assertEquals(7, t.indexOf(1000), "the first of equal timestamps");
    assertEquals(-1, t.indexOf(125));
    assertEquals(-1, t.indexOf(2000));
  }

  @Test
  void slicesKeepIndicesTimeBaseAndOrigin() {
    long[] ts = new long[100];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = 1001L * i + (i >= 50 ? 7 : 0);
    }
    FrameTimes all = FrameTimes.of(ts, 1, 30_000);
    FrameTimes s = all.slice(40, 61);
    assertEquals(40, s.first());
    assertEquals(61, s.end());
    for (int i = 40; i < 61; i++) {
      assertEquals(all.at(i), s.at(i));
      assertEquals(i, s.indexOf(ts[i]));
      assertEquals(all.millis(i), s.millis(i));
    }
    assertEquals(-1, s.indexOf(ts[39]));
    assertEquals(-1, s.indexOf(ts[61]));
    assertEquals(Math.round(1001 * 45 / 30.0), s.millis(45), "29.97 fps: rounded to the millisecond");
    assertThrows(IndexOutOfBoundsException.class, () -> s.at(39));
  }

  @Test
  void rejectsTimestampsOutOfOrder() {
    assertThrows(IllegalArgumentException.class, () -> FrameTimes.of(new long[] {0, 2, 1}, 1, 25));
  }
}
