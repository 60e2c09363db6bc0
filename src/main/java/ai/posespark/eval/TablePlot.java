package ai.posespark.eval;

import java.util.List;

/**
 * A bar chart the run report draws from one of a metric's {@code eval/} tables: one group of bars per row, in
 * {@code orderColumn} order, labelled by {@code labelColumn}, one bar per column of {@code series}.
 *
 * @param title       the heading above the chart
 * @param chart       the chart's own title
 * @param yLabel      the value axis ({@code ""} for none)
 * @param table       the table (a view of the report)
 * @param labelColumn the column naming each row
 * @param orderColumn the column ordering the rows
 * @param series      the numeric columns drawn
 */
public record TablePlot(String title, String chart, String yLabel, String table, String labelColumn,
                        String orderColumn, List<String> series) {}
