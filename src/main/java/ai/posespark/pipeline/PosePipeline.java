package ai.posespark.pipeline;

import ai.posespark.decode.DecodedFrame;
import ai.posespark.pose.Person;
import java.util.List;

/**
 * Frames in, people out: one composition of stages (model, decoder, detector, crops, grouper, pose NMS) built on
 * an executor by {@link PipelinePlan#open}. The executor loop ({@link PartitionRunner}) reads, decodes, batches and
 * writes rows for every pipeline alike; a pipeline sees only decoded frames. Thread-safe: tasks of one JVM share
 * its models.
 */
public interface PosePipeline {

  /**
   * People per frame, in each frame's pixels, best first.
   *
   * @param frames  the batch's decoded frames (all ok), with the tasks they came from
   * @param context the batch's NDArray scope and stage clock (stages named by {@link PipelinePlan#stages()})
   */
  List<List<Person>> run(List<DecodedFrame> frames, StageContext context);

  /**
   * Per-frame work that needs neither a model nor an NDArray (the fused letterbox of the frame's model input),
   * done by the executor loop's decode thread ahead of the batch so that it overlaps the previous batch's
   * inference; {@link #run} uses what it finds and does the rest. Thread-safe. Default: nothing.
   */
  default DecodedFrame prepare(DecodedFrame frame) {
    return frame;
  }
}
