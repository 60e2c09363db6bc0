package ai.posespark.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * The one way a test skips: the reason goes to stderr, so that a run without {@code ../shared} or the model package
 * says what it left out, and to a JUnit assumption, so that the test reports as skipped, not passed. Fixtures keep
 * their own checks (which folder, which model) and call {@link #unless}.
 */
public final class Skip {
  private Skip() {}

  /**
   * Skips the calling test unless {@code condition} holds, printing {@code SKIPPED <Class.method>: reason}.
   *
   * @param condition what the test needs, e.g. that a reference folder exists
   * @param reason why the test is skipped when it does not: what is missing and how to get it
   */
  public static void unless(boolean condition, String reason) {
    if (!condition) {
      System.err.println("SKIPPED " + callingTest() + ": " + reason);
    }
    Assumptions.assumeTrue(condition, reason);
  }

  /**
   * The method JUnit invoked (test, lifecycle or argument source) as {@code Class.method}: the project's frame
   * nearest the reflective call, so a fixture's own frames (SharedFixtures.require, ...) do not hide the test.
   */
  private static String callingTest() {
    return StackWalker.getInstance().walk(frames -> frames
        .takeWhile(f -> !isReflection(f.getClassName()))
        .filter(f -> f.getClassName().startsWith("ai.posespark.") && !f.getClassName().equals(Skip.class.getName()))
        .reduce((inner, outer) -> outer)
        .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
        .orElse("?"));
  }

  private static boolean isReflection(String cls) {
    return cls.startsWith("java.lang.reflect.") || cls.startsWith("jdk.internal.reflect.")
        || cls.startsWith("org.junit.");
  }
}
