package ai.posespark.cli;

import ai.posespark.report.RunExport;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scripts/export.sh RUN_DIR --format coco|openpose|review|overlays [--where PREDICATE] [--out DIR]}.
 * Exit codes: 0 ok, 2 a bad predicate or format, 1 other failures.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Exports a run's results for other tools: COCO results, OpenPose JSON, a review file for "
        + "CVAT / Label Studio, overlay images.")
public final class ExportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run folder, e.g. out/quickstart")
  String runDir;

  @Option(names = "--format", required = true, paramLabel = "F",
      description = "coco | openpose | review | overlays", converter = FormatConverter.class)
  RunExport.Format format;

  @Option(names = "--where", paramLabel = "PREDICATE",
      description = "SQL predicate over the frames table's columns, e.g. \"n_persons >= 2\" (default: all ok frames)")
  String where;

  @Option(names = "--out", paramLabel = "DIR", description = "output folder (default RUN_DIR/exports/<format>)")
  String out;

  @Option(names = "--limit", paramLabel = "N", description = "most overlay images (default 500)")
  int limit = RunExport.DEFAULT_OVERLAYS;

  @Override
  public Integer call() throws Exception {
    try (SparkSession spark = LocalSpark.start("export")) {
      return export(spark);
    }
  }

  /** Runs the export on {@code spark}; returns the exit code. */
  public int export(SparkSession spark) throws Exception {
    try {
      String run = LocalSpark.qualify(spark, runDir);
      String dir = out != null ? LocalSpark.qualify(spark, out) : RunExport.defaultOutDir(run, format);
      String written = RunExport.export(spark, run, format, where, dir, limit);
      System.out.println("export " + format.name().toLowerCase() + ": " + written + " -> " + dir);
      return 0;
    } catch (Exception e) {
      // Spark's exceptions are undeclared (Scala): a predicate it cannot parse, resolve or evaluate
      String why = SqlErrors.describe(e);
      if (why != null) {
        System.err.println("posespark export: --where: " + why);
        return 2;
      }
      if (e instanceof IOException) {
        System.err.println("posespark export: " + e.getMessage());
        return 1;
      }
      throw e;
    }
  }

  /** Formats by their lower-case names. */
  static final class FormatConverter implements CommandLine.ITypeConverter<RunExport.Format> {
    @Override
    public RunExport.Format convert(String value) {
      try {
        return RunExport.Format.valueOf(value.toUpperCase());
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("unknown format '" + value
            + "' (coco, openpose, review, overlays)");
      }
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ExportCommand()).execute(args));
  }
}
