package ai.posespark.model.tfjs;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** MoveNet lightning, thunder and multipose against the TF.js golden outputs (README bound: 1e-3 relative). */
class MoveNetConformanceTest {

    static Stream<Arguments> cases() {
        return Golden.cases("movenet-lightning", "movenet-thunder", "movenet-multipose");
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
