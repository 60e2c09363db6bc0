/**
 * Dataset formats: readers that turn ground-truth and results files into plain Java records, usable by the
 * evaluator and anywhere else. All files are read through Hadoop's FileSystem ({@code file:}, {@code hdfs://},
 * {@code s3a://}); large COCO-style files are streamed record by record. Every error in a file names the file,
 * the record (array index and id) and the field ({@link ai.posespark.data.AnnotationFormatException}).
 *
 * <ul>
 *   <li>COCO keypoints: {@link ai.posespark.data.CocoKeypointsReader} → {@link ai.posespark.data.CocoDataset}.</li>
 *   <li>AI Challenger (14 keypoints, COCO-style file): the same reader, then
 *       {@link ai.posespark.data.AicToCoco} to COCO-17 (face points synthesised and flagged).</li>
 *   <li>PoseTrack18: {@link ai.posespark.data.PoseTrackReader}, one file or a folder of per-video files.</li>
 *   <li>MPII: {@link ai.posespark.data.MpiiReader} (mmpose list layout or the PCKh golden layout; head boxes read
 *       or derived), predictions by {@link ai.posespark.data.MpiiPredictionsReader}.</li>
 *   <li>COCO results: {@link ai.posespark.data.CocoResultsReader}.</li>
 *   <li>{@link ai.posespark.data.AnnotationFormat#detect} guesses the format of a file.</li>
 * </ul>
 * Where a file has no {@code area} (AIC, PoseTrack), the OKS scale is 0.53 × box area
 * ({@link ai.posespark.data.PersonAnnotation#areaFromBbox}).
 */
package ai.posespark.data;
