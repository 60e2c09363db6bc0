package ai.posespark.model.tfjs;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The person detectors CenterNet and NanoDet against the TF.js golden outputs (1e-3 relative). */
class DetectorConformanceTest {

    static Stream<Arguments> cases() {
        return Golden.cases("centernet", "nanodet");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesTfjs(String model, String image) throws IOException {
        Golden.assertConforms(model, image, 1e-3, Map.of());
    }

    @AfterAll
    static void close() {
        Golden.closeModels();
    }
}
