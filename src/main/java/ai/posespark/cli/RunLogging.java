package ai.posespark.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * How much a run says. Quiet by default: the progress, warnings and the final summary; Spark's start-up chatter
 * and DJL's CUDA probing on CPU machines are off (log4j2.properties). {@code --verbose} brings back everything at
 * INFO: PoseSpark's steps, Spark's, Hadoop's and DJL's messages.
 */
final class RunLogging {
  private RunLogging() {}

  static void apply(boolean verbose) {
    if (verbose) {
      Configurator.setAllLevels("", Level.INFO);
    } else {
      // the end-of-run screen says what these lines would
      Configurator.setLevel("ai.posespark", Level.WARN);
    }
  }
}
