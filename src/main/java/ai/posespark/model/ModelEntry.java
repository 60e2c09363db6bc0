package ai.posespark.model;

import java.util.Map;

/**
 * One model of the catalog ({@code conf/models.yaml}): where its file is and how to feed and decode it.
 *
 * @param name      catalog name (the model file's stem), e.g. {@code movenet-multipose}
 * @param file      file in the model package, or a path/URI
 * @param format    {@code tfjs}, {@code torchscript} or {@code onnx}
 * @param input     input tensor recipe
 * @param resize    {@code letterbox} (centred), {@code letterbox-top-left} (YOLOX / RTMDet) or {@code stretch}
 * @param decoder   decoder name, e.g. {@code movenet-multi}
 * @param keypoints skeleton name, e.g. {@code coco17}
 * @param batch      largest batch the graph itself accepts; for ONNX models 0 means what the graph's batch
 *                   dimension allows (all inputs of a call when it is dynamic)
 * @param splitBatch largest batch a TF.js graph runs through the batch split at once (1: image by image), where
 *                   that is faster than {@code batch}: measured per model, see conf/models.yaml
 * @param output     the output layout where the decoder needs one (OpenPose-style models), else null
 * @param codec      the decoder's parameters (the entry's {@code codec:} map, e.g. {@code refine: dark}); empty
 *                   for none
 */
public record ModelEntry(String name, String file, String format, ModelInputSpec input, String resize,
                         String decoder, String keypoints, int batch, int splitBatch, ModelOutputSpec output,
                         Map<String, Object> codec)
    implements java.io.Serializable {

  /** Copies the codec map (an absent one is empty). */
  public ModelEntry {
    codec = codec == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(codec));
  }

  /** An entry with no codec parameters. */
  public ModelEntry(String name, String file, String format, ModelInputSpec input, String resize, String decoder,
      String keypoints, int batch, int splitBatch, ModelOutputSpec output) {
    this(name, file, format, input, resize, decoder, keypoints, batch, splitBatch, output, Map.of());
  }

  /** An entry whose decoder reads the outputs by itself. */
  public ModelEntry(String name, String file, String format, ModelInputSpec input, String resize, String decoder,
      String keypoints, int batch, int splitBatch) {
    this(name, file, format, input, resize, decoder, keypoints, batch, splitBatch, null, Map.of());
  }

  /** The largest batch the graph itself accepts (at least 1). */
  public int graphBatch() {
    return Math.max(1, batch);
  }

  /**
   * Frames per model call: a TF.js graph also takes {@code splitBatch} frames through the batch split; any other
   * format at most what the graph accepts.
   */
  public int batchPerCall() {
    if ("onnx".equals(format) && batch <= 0) {
      return Integer.MAX_VALUE; // the loaded model's own limit applies (LoadedModel#maxBatch)
    }
    return "tfjs".equals(format) ? Math.max(graphBatch(), splitBatch) : graphBatch();
  }

  /** The same model read from another location (a path or URI given in the job file), in {@code newFormat}. */
  public ModelEntry withFile(String newFile, String newFormat) {
    return new ModelEntry(name, newFile, newFormat, input, resize, decoder, keypoints, batch, splitBatch, output,
        codec);
  }
}
