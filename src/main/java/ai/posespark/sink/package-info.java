/**
 * The output tables: their schema ({@code OutputSchema}), a frame's rows ({@code FrameResult}), chunk commits into
 * Parquet ({@code ParquetSink}) or Delta ({@code DeltaSink}) behind {@code RunTables}, and results.json in COCO
 * results format.
 */
package ai.posespark.sink;
