package ai.posespark.run;

import java.io.StringWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** Everything logged at INFO and above, by every logger, while it is open (log4j 2, Spark's logging). */
final class LogCapture implements AutoCloseable {
  private final StringWriter text = new StringWriter();
  private final WriterAppender appender;
  private final Level rootLevel;
  private final Level ownLevel;

  private LogCapture() {
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    appender = WriterAppender.newBuilder().setName("capture-" + System.nanoTime()).setTarget(text)
        .setLayout(PatternLayout.newBuilder().withPattern("%p %c: %m%n%throwable").build()).build();
    appender.start();
    rootLevel = ctx.getConfiguration().getRootLogger().getLevel();
    // the command line quiets PoseSpark's own loggers (RunLogging); a CLI test run earlier in the JVM leaves them so
    ownLevel = ctx.getLogger("ai.posespark").getLevel();
    ctx.getConfiguration().getRootLogger().addAppender(appender, Level.INFO, null);
    Configurator.setRootLevel(Level.INFO);
    Configurator.setLevel("ai.posespark", Level.INFO);
    ctx.updateLoggers();
  }

  static LogCapture start() {
    return new LogCapture();
  }

  String text() {
    return text.toString();
  }

  @Override
  public void close() {
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    ctx.getConfiguration().getRootLogger().removeAppender(appender.getName());
    Configurator.setRootLevel(rootLevel);
    Configurator.setLevel("ai.posespark", ownLevel);
    ctx.updateLoggers();
    appender.stop();
  }
}
