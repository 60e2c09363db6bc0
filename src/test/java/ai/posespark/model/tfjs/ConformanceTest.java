package ai.posespark.model.tfjs;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every body-pose and detector model of the catalog against the TF.js golden outputs: 1e-3 relative to
 * max(1, max|golden|) (README bound); the BlazePose segmentation mask ({@code Identity_1}, a sigmoid over large
 * logits where even TF.js's wasm backend differs by 2.4e-3) gets 5e-3 absolute, as the golden README advises.
 */
class ConformanceTest {

  static Stream<Arguments> cases() {
    return Golden.cases("movenet-lightning", "movenet-thunder", "movenet-multipose", "posenet",
        "blazepose-detector", "blazepose-lite", "blazepose-full", "blazepose-heavy", "efficientpose",
        "centernet", "nanodet");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void matchesTfjs(String model, String image) throws IOException {
    Map<String, Double> absolute = model.startsWith("blazepose-") && !model.equals("blazepose-detector")
        ? Map.of("Identity_1", 5e-3) : Map.of();
    Golden.assertConforms(model, image, 1e-3, absolute);
  }

  @AfterAll
  static void close() {
    Golden.closeModels();
  }
}
