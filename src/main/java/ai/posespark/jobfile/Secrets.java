package ai.posespark.jobfile;

import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;

/**
 * Keeps credentials out of what PoseSpark prints and writes (messages, logs, summaries): the user-info part of a
 * URI ({@code s3a://KEY:SECRET@bucket}) and the values of the Hadoop keys that hold secrets.
 */
public final class Secrets {
  /** What replaces a secret. */
  public static final String MASK = "***";
  /** {@code scheme://user:password@}: the user has no '/' or ':', the password may hold '/' (AWS secrets do). */
  private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/@:\\s]+:[^@\\s]*@");
  /** Hadoop keys whose values are credentials (S3A's, per bucket too, and Hadoop's credential providers). */
  private static final Pattern SECRET_KEY = Pattern.compile(
      "(?i).*(secret|password|token|access\\.key|credential|encryption\\.key).*");

  private Secrets() {}

  /** {@code text} with the user info of every URI in it masked. */
  public static String redact(String text) {
    return text == null ? null : USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
  }

  /** {@code text} with URI user info and the value of every secret key of {@code conf} masked. */
  public static String redact(String text, Configuration conf) {
    String out = redact(text);
    if (out == null) {
      return null;
    }
    for (Map.Entry<String, String> e : conf) {
      String value = e.getValue();
      if (value != null && value.length() >= 4 && SECRET_KEY.matcher(e.getKey()).matches() && out.contains(value)) {
        out = out.replace(value, MASK);
      }
    }
    return out;
  }

  /** True when {@code location} carries credentials in its user info. */
  static boolean hasUserInfo(String location) {
    return location != null && USER_INFO.matcher(location).find();
  }
}
