package ai.posespark.pipeline;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.posespark.decode.DecodedFrame;
import ai.posespark.decode.ImageDecoder;
import ai.posespark.decode.TestImages;
import ai.posespark.model.InputPreprocessor;
import ai.posespark.model.ModelCache;
import ai.posespark.model.ModelCatalog;
import ai.posespark.model.ModelEntry;
import ai.posespark.model.ResolvedModel;
import ai.posespark.pose.DecoderSettings;
import ai.posespark.pose.ilp.IlpPoseNetDecoder;
import ai.posespark.pose.ilp.IlpSettings;
import ai.posespark.run.TestModels;
import ai.posespark.source.FrameTask;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/**
 * A grouper that falls back says why, per frame: the real PoseNet graph on the messi sample, grouped by the ILP with
 * a candidate bound it must hit, notes the reason on that frame (the frame row's {@code note}); the greedy people
 * still come back. Without the bound nothing is noted.
 */
class FallbackNoteTest {
  @Test
  void theIlpGroupersFallbackReasonIsNotedOnItsFrame() throws Exception {
    TestModels.assumeInstalled("posenet");
    ModelCatalog catalog = ModelCatalog.bundled();
    ModelEntry entry = catalog.models().get("posenet");
    ModelStage model = new ModelStage("inference", ModelCache.get(ResolvedModel.of(catalog, entry), Device.cpu(),
        new Configuration(false)), entry);
    DecoderSettings decoder = new DecoderSettings(entry.input().width(), entry.input().height(), model.outputNames(),
        0.1);
    DecodedFrame frame = DecodedFrame.ok(new FrameTask("messi5.jpg", 0, 0, 0),
        ImageDecoder.decode(TestImages.read(TestImages.samples().resolve("messi5.jpg"))), 0, 0);
    for (int bound : new int[] {1, 100}) {
      WholeFramePipeline pipeline = new WholeFramePipeline(new InputPreprocessor(entry), model,
          new IlpPoseNetDecoder(decoder, IlpSettings.DEFAULTS.withMaxCandidates(bound)));
      try (StageContext context = new StageContext(Device.cpu(), WholeFramePipeline.STAGES, 1)) {
        List<?> people = pipeline.run(List.of(frame), context).get(0);
        if (bound == 1) {
          assertTrue(context.note(0) != null && context.note(0).contains("maxCandidates 1"), context.note(0));
          assertTrue(!people.isEmpty(), "the greedy decoding stood in");
        } else {
          assertNull(context.note(0), "within the bound the ILP decides and nothing is noted");
        }
      }
    }
  }
}
