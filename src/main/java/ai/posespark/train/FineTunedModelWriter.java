package ai.posespark.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a fine-tuned TF.js graph model: the imported model.json with its topology and signature untouched and a
 * new weights manifest naming one shard, {@code <name>.bin}, that holds every weight unquantized (float32 as
 * trained, the rest as loaded). The file keeps the model's name, so the catalog gives it the same recipe
 * ({@code model.pose: <folder>/movenet-lightning.json}).
 */
public final class FineTunedModelWriter {
  private FineTunedModelWriter() {}

  /**
   * Writes {@code folder/<name>.json} and {@code folder/<name>.bin}.
   *
   * @param source the imported model.json (topology and signature are copied from it)
   * @param weights every weight by name, in the imported manifest's order
   * @return the written model.json
   */
  public static Path write(Path source, String name, Map<String, NDArray> weights, Path folder) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = (ObjectNode) json.readTree(source.toFile());
    ArrayNode specs = json.createArrayNode();
    long bytes = 0;
    for (Map.Entry<String, NDArray> w : weights.entrySet()) {
      ObjectNode spec = specs.addObject();
      spec.put("name", w.getKey());
      ArrayNode shape = spec.putArray("shape");
      for (long d : w.getValue().getShape().getShape()) {
        shape.add(d);
      }
      spec.put("dtype", dtype(w.getKey(), w.getValue().getDataType()));
      bytes += w.getValue().getShape().size() * (w.getValue().getDataType() == DataType.BOOLEAN ? 1 : 4);
    }
    ByteBuffer shard = ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
    for (NDArray w : weights.values()) {
      switch (w.getDataType()) {
        case FLOAT32 -> shard.asFloatBuffer().put(w.toFloatArray());
        case INT32 -> shard.asIntBuffer().put(w.toIntArray());
        default -> shard.put(w.toByteArray());
      }
      shard.position(shard.position() + (int) w.getShape().size() * (w.getDataType() == DataType.BOOLEAN ? 1 : 4));
    }
    ArrayNode manifest = root.putArray("weightsManifest");
    ObjectNode group = manifest.addObject();
    group.putArray("paths").add(name + ".bin");
    group.set("weights", specs);
    Files.createDirectories(folder);
    Files.write(folder.resolve(name + ".bin"), shard.array());
    Path modelJson = folder.resolve(name + ".json");
    json.writeValue(modelJson.toFile(), root);
    return modelJson;
  }

  private static String dtype(String name, DataType type) {
    return switch (type) {
      case FLOAT32 -> "float32";
      case INT32 -> "int32";
      case BOOLEAN -> "bool";
      default -> throw new IllegalArgumentException("weight " + name + ": cannot write type " + type);
    };
  }
}
