package ai.posespark.report;

import java.util.Locale;

/** Numbers as people read them: {@code 0.5 frames/s}, {@code 12 frames/s}, {@code 1,234 frames/s}, {@code 2m 05s}. */
public final class RateFormat {
  private RateFormat() {}

  /** A rate with a leading zero and two significant digits below 10, whole numbers with separators above. */
  public static String perSecond(double rate, String unit) {
    if (!Double.isFinite(rate) || rate <= 0) {
      return "0 " + unit + "/s";
    }
    String n = rate < 10 ? String.format(Locale.ROOT, "%.2f", rate).replaceAll("0$", "")
        : rate < 100 ? String.format(Locale.ROOT, "%.1f", rate) : String.format(Locale.ROOT, "%,.0f", rate);
    return n + " " + unit + "/s";
  }

  /** A duration: {@code 4.2 s} under a minute, {@code 2m 05s} under an hour, {@code 1h 02m} above. */
  public static String seconds(double s) {
    if (s < 60) {
      return String.format(Locale.ROOT, "%.1f s", Math.max(0, s));
    }
    long whole = Math.round(s);
    if (whole < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", whole / 60, whole % 60);
    }
    return String.format(Locale.ROOT, "%dh %02dm", whole / 3600, whole % 3600 / 60);
  }
}
