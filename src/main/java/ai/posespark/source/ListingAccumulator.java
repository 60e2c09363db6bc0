package ai.posespark.source;

import org.apache.spark.util.AccumulatorV2;

/**
 * A {@link ListingReport} summed over Spark tasks: each executor task fills its own copy while it lists, the driver
 * reads the merged counts (and a few examples) when the job is done. Counts come back, never the files.
 */
public final class ListingAccumulator extends AccumulatorV2<ListingReport, ListingReport> {
  private ListingReport report = new ListingReport();

  @Override
  public boolean isZero() {
    return report.isEmpty() && report.annotatedNotListed() == 0;
  }

  @Override
  public AccumulatorV2<ListingReport, ListingReport> copy() {
    ListingAccumulator c = new ListingAccumulator();
    c.report.add(report);
    return c;
  }

  @Override
  public void reset() {
    report = new ListingReport();
  }

  @Override
  public void add(ListingReport v) {
    report.add(v);
  }

  @Override
  public void merge(AccumulatorV2<ListingReport, ListingReport> other) {
    report.add(other.value());
  }

  @Override
  public ListingReport value() {
    return report;
  }
}
