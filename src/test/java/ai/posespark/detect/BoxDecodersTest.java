package ai.posespark.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.Registry;
import ai.posespark.model.ModelCatalog;
import ai.posespark.model.ModelEntry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BoxDecodersTest {
  private static final BoxDecoderSettings SETTINGS = new BoxDecoderSettings(224, 224, List.of(), 0.3, 0.5, 10);

  @Test
  void everyCatalogDetectorHasItsBoxDecoderAndNothingElseIsRegistered() {
    Set<String> detectors = new TreeSet<>();
    for (ModelEntry e : ModelCatalog.bundled().models().values()) {
      if ("none".equals(e.keypoints())) {
        detectors.add(e.decoder());
      }
    }
    assertEquals(Set.of("blazepose-detector", "centernet", "nanodet", "rtmdet", "yolox"), detectors);
    assertEquals(detectors, new TreeSet<>(BoxDecoders.STANDARD.names()));
    assertInstanceOf(CenterNetDecoder.class, BoxDecoders.STANDARD.require("centernet").create(SETTINGS));
    assertInstanceOf(NanoDetDecoder.class, BoxDecoders.STANDARD.require("nanodet").create(SETTINGS));
    assertInstanceOf(BlazePoseDetectorDecoder.class,
        BoxDecoders.STANDARD.require("blazepose-detector").create(SETTINGS));
  }

  @Test
  void anUnknownNameListsTheRegisteredOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BoxDecoders.STANDARD.require("movenet-single").create(SETTINGS));
    assertTrue(e.getMessage().contains("centernet, nanodet, blazepose-detector"), e.getMessage());
    assertEquals(null, BoxDecoders.STANDARD.get("movenet-single"));
  }

  @Test
  void aNameRegisteredTwiceIsRejected() {
    BoxDecoders.Entry one = new BoxDecoders.Entry("x", s -> outputs -> List.of());
    assertThrows(IllegalStateException.class, () -> new Registry<>("box decoder", List.of(one, one),
        BoxDecoders.Entry::name));
  }

  @Test
  void settingsOutOfRangeAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new BoxDecoderSettings(0, 224, List.of(), 0.3, 0.5, 10));
    assertThrows(IllegalArgumentException.class, () -> new BoxDecoderSettings(224, 224, List.of(), 1.1, 0.5, 10));
    assertThrows(IllegalArgumentException.class, () -> new BoxDecoderSettings(224, 224, List.of(), 0.3, -0.1, 10));
    assertThrows(IllegalArgumentException.class, () -> new BoxDecoderSettings(224, 224, List.of(), 0.3, 0.5, 0));
  }

  @Test
  void centernetFindsItsDetectionsByNameAndFailsNamingTheOutputs() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CenterNetDecoder(new BoxDecoderSettings(512, 512, List.of("a", "b"), 0.3, 0.5, 10)));
    assertTrue(e.getMessage().contains("[a, b]"), e.getMessage());
  }

  @Test
  void decodersWithoutParametersRefuseACodecKey() {
    BoxDecoderSettings withCodec = new BoxDecoderSettings(416, 416, List.of(), 0.3, 0.5, 10,
        Map.of("strides", List.of(8, 16)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BoxDecoders.STANDARD.require("nanodet").create(withCodec));
    assertTrue(e.getMessage().startsWith("nanodet: codec.strides"), e.getMessage());
    assertInstanceOf(YoloxDecoder.class, BoxDecoders.STANDARD.require("yolox").create(withCodec));
  }
}
