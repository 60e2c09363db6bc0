package ai.posespark.model;

/**
 * One model of the catalog ({@code conf/models.yaml}): where its file is and how to feed and decode it.
 *
 * @param name      catalog name (the model file's stem), e.g. {@code movenet-multipose}
 * @param file      file in the model package, or a path/URI
 * @param format    {@code tfjs} or {@code torchscript}
 * @param input     input tensor recipe
 * @param resize    {@code letterbox} or {@code stretch}
 * @param decoder   decoder name, e.g. {@code movenet-multi}
 * @param keypoints skeleton name, e.g. {@code coco17}
 * @param batch     largest batch the graph accepts
 */
public record ModelEntry(String name, String file, String format, ModelInputSpec input, String resize,
                         String decoder, String keypoints, int batch) implements java.io.Serializable {

  /** The same model read from another location (a path or URI given in the job file). */
  public ModelEntry withFile(String newFile) {
    return new ModelEntry(name, newFile, format, input, resize, decoder, keypoints, batch);
  }
}
