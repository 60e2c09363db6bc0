package ai.posespark.testing;

import ai.posespark.decode.Letterbox;
import ai.posespark.model.Npy;
import ai.posespark.run.TestModels;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The outputs of a TF.js golden run ({@code shared/golden/tfjs/<model>/<image>/}) in meta.json's order with their
 * names, and the transform of the golden pre-processing: the whole image stretched to the input, no letterbox.
 * Skips the calling test when {@code ../shared} is absent.
 *
 * @param dir       the run's folder
 * @param meta      its meta.json
 * @param names     output names
 * @param outputs   output values, flattened
 * @param stretched image → input transform
 */
public record GoldenOutputs(Path dir, JsonNode meta, List<String> names, List<float[]> outputs, Letterbox stretched) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static GoldenOutputs load(String model, String imageStem) throws IOException {
    Path dir = TestModels.shared().resolve("golden/tfjs").resolve(model).resolve(imageStem);
    JsonNode meta = JSON.readTree(dir.resolve("meta.json").toFile());
    List<String> names = new ArrayList<>();
    List<float[]> outputs = new ArrayList<>();
    for (JsonNode o : meta.path("outputs")) {
      names.add(o.path("name").asText());
      outputs.add(Npy.read(dir.resolve(o.path("file").asText())).toFloatArray());
    }
    int w = meta.path("image_size").path("width").asInt();
    int h = meta.path("image_size").path("height").asInt();
    JsonNode shape = meta.path("input").path("shape");
    boolean nchw = shape.get(1).asInt() == 3;
    int inH = shape.get(nchw ? 2 : 1).asInt();
    int inW = shape.get(nchw ? 3 : 2).asInt();
    return new GoldenOutputs(dir, meta, names, outputs, Letterbox.stretch(w, h, inW, inH));
  }
}
