package ai.posespark.pose.paf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.pose.DecoderSettings;
import ai.posespark.pose.Person;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decoder a TorchScript OpenPose model plugs into, fed outputs laid out as such models give them. */
class OpenPoseDecoderTest {
  static final double[][][] PEOPLE = {PafScenes.standing(110, 30, 280), PafScenes.standing(250, 50, 260)};

  @Test
  void channelsFirstOutputsWithBackgroundPafsFirstDecodeAsTheCodec() {
    // as the PyTorch ports of CMU's COCO model return them: (PAFs [38, H, W], heatmaps [19, H, W])
    OpenPoseLayout layout = new OpenPoseLayout(PafTopology.COCO_18, 1, 0, true, true, 8);
    DecoderSettings settings = new DecoderSettings(368, 368, List.of(), 0.1);
    PafCodec codec = PafCodec.forInput(PafTopology.COCO_18, 8, 368, 368, PafSettings.DEFAULTS);
    PafTargets t = codec.encode(PEOPLE, PafScenes.allVisible(2));
    List<float[]> outputs = List.of(channelsFirst(t.pafs(), t.height(), t.width(), 38),
        channelsFirst(withBackground(t.heatmaps(), 18), t.height(), t.width(), 19));
    List<Person> decoded = new OpenPoseDecoder(settings, layout).decode(outputs);
    assertEquals(codec.decode(t.heatmapGrid(), t.pafGrid()), decoded);
    assertEquals(2, PafScenes.recovery(PafCodecTest.truth(PEOPLE), decoded, 4).exact());
  }

  @Test
  void channelsLastWithoutBackgroundBody25AndAnInputThatIsNotAMultipleOfTheStride() {
    OpenPoseLayout layout = new OpenPoseLayout(PafTopology.BODY_25, 0, 1, false, false, 8);
    DecoderSettings settings = new DecoderSettings(370, 365, List.of(), 0.1);
    PafCodec codec = PafCodec.forInput(PafTopology.BODY_25, 8, 370, 365, PafSettings.DEFAULTS);
    assertEquals(47, codec.gridWidth());
    assertEquals(46, codec.gridHeight());
    PafTargets t = codec.encode(PEOPLE, PafScenes.allVisible(2));
    List<Person> decoded = new OpenPoseDecoder(settings, layout, PafSettings.DEFAULTS.withAssignment(
        Assignment.HUNGARIAN)).decode(List.of(t.heatmaps(), t.pafs()));
    assertEquals(2, PafScenes.recovery(PafCodecTest.truth(PEOPLE), decoded, 4).exact());
    // the person threshold of the job
    DecoderSettings strict = new DecoderSettings(370, 365, List.of(), 0.99);
    assertEquals(List.of(), new OpenPoseDecoder(strict, layout).decode(List.of(t.heatmaps(), t.pafs())));
  }

  @Test
  void wrongOutputsAndLayoutsFailWithTheReason() {
    OpenPoseLayout layout = new OpenPoseLayout(PafTopology.COCO_18, 0, 1, true, true, 8);
    OpenPoseDecoder decoder = new OpenPoseDecoder(new DecoderSettings(368, 368, List.of(), 0.1), layout);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> decoder.decode(List.of(new float[46 * 46 * 18], new float[46 * 46 * 38])));
    assertTrue(e.getMessage().contains("19 channels × 46×46"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> decoder.decode(List.of(new float[46 * 46 * 19])));
    assertTrue(e.getMessage().contains("reads output 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new OpenPoseLayout(PafTopology.COCO_18, 0, 0, true, true, 8));
    assertThrows(IllegalArgumentException.class, () -> new OpenPoseLayout(PafTopology.COCO_18, 0, 1, true, true, 0));
    assertThrows(IllegalArgumentException.class, () -> new OpenPoseLayout(null, 0, 1, true, true, 8));
    assertEquals(19, layout.heatmapChannels());
  }

  /** CMU's background channel: {@code max(0, 1 − max over parts)}, appended after the parts. */
  static float[] withBackground(float[] heatmaps, int parts) {
    int cells = heatmaps.length / parts;
    float[] out = new float[cells * (parts + 1)];
    for (int c = 0; c < cells; c++) {
      float max = 0;
      for (int p = 0; p < parts; p++) {
        out[c * (parts + 1) + p] = heatmaps[c * parts + p];
        max = Math.max(max, heatmaps[c * parts + p]);
      }
      out[c * (parts + 1) + parts] = Math.max(0, 1 - max);
    }
    return out;
  }

  static float[] channelsFirst(float[] hwc, int h, int w, int channels) {
    float[] chw = new float[hwc.length];
    for (int cell = 0; cell < h * w; cell++) {
      for (int ch = 0; ch < channels; ch++) {
        chw[ch * h * w + cell] = hwc[cell * channels + ch];
      }
    }
    return chw;
  }
}
