/**
 * The command line: {@code SubmitCommand} (scripts/submit.sh: load and check a job file, start Spark, run it, print
 * the summary; exit 2 names a bad key), {@code ReportCommand}, {@code ExportCommand}, {@code SqlCommand} and the
 * model tools ({@code ModelCommand}: show or run one catalog model on one image). Nothing here computes poses.
 */
package ai.posespark.cli;
