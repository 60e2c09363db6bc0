package ai.posespark.jobfile;

import ai.posespark.data.FileNameIndex;
import ai.posespark.pipeline.PipelineSettings;
import ai.posespark.pipeline.TopDownSettings;
import ai.posespark.pose.GrouperSettings;
import ai.posespark.pose.PoseNmsChoice;
import ai.posespark.pose.ilp.IlpSettings;
import ai.posespark.pose.paf.PafSettings;

/**
 * Job key {@code model}.
 *
 * @param pipeline          how people are found: a registered pipeline ({@code bottom-up}, {@code single}); default
 *                          {@code bottom-up}
 * @param pose              catalog name ({@code conf/models.yaml}) or a path/URI to a model.json or .pt file
 * @param detector          person detector for {@code top-down}
 * @param grouping          bottom-up grouping of parts into people; default the model's own
 * @param minPersonScore    people scoring below this are dropped (default 0.1)
 * @param minKeypointScore  keypoints scoring below this keep their position but are flagged in
 *                          {@code results.json} with visibility 0 (default 0.0: keep all)
 * @param cropPadding       top-down: person box → crop scale (default 1.25)
 * @param refine            top-down: extra crop-and-rerun passes, 0..2 (default 0)
 * @param flipTest          top-down: also run the mirrored crop and average (default false)
 * @param poseNms           top-down: pose NMS and its constants (default oks; {@link PoseNmsChoice})
 * @param minDetectionScore top-down: person boxes scoring below are dropped (default 0.05)
 * @param detectionNmsIou   top-down: box NMS IoU of a detector model (default 0.6)
 * @param maxPersons        top-down: most boxes per frame (default 20)
 * @param paf               bottom-up: the PAF grouper's thresholds ({@link PafSettings}, OpenPose's defaults)
 * @param ilp               bottom-up: the ILP grouper's bounds and constants ({@link IlpSettings})
 * @param catalog           a catalog file of the user's, laid over the bundled {@code conf/models.yaml} (local
 *                          path or Hadoop URI), or null
 * @param trustTorchScript  a TorchScript {@code .pt} named by path runs only when true (default false; catalog
 *                          entries are trusted): see {@code plan.TorchScriptTrust}
 */
public record ModelSpec(
    String pipeline, String pose, String detector, String grouping, Double minPersonScore, Double minKeypointScore,
    Double cropPadding, Integer refine, Boolean flipTest, PoseNmsChoice poseNms, Double minDetectionScore,
    Double detectionNmsIou, Integer maxPersons, PafSettings paf, IlpSettings ilp, String catalog,
    Boolean trustTorchScript)
    implements java.io.Serializable {

  /** The pipeline when the job file names none. */
  public static final String DEFAULT_PIPELINE = "bottom-up";

  public ModelSpec {
    pipeline = pipeline == null ? DEFAULT_PIPELINE : pipeline;
    minPersonScore = minPersonScore == null ? 0.1 : minPersonScore;
    minKeypointScore = minKeypointScore == null ? 0.0 : minKeypointScore;
    TopDownSettings d = TopDownSettings.DEFAULTS;
    cropPadding = cropPadding == null ? d.cropPadding() : cropPadding;
    refine = refine == null ? d.refine() : refine;
    flipTest = flipTest == null ? d.flipTest() : flipTest;
    poseNms = poseNms == null ? d.poseNms() : poseNms;
    minDetectionScore = minDetectionScore == null ? d.minDetectionScore() : minDetectionScore;
    detectionNmsIou = detectionNmsIou == null ? d.detectionNmsIou() : detectionNmsIou;
    maxPersons = maxPersons == null ? d.maxPersons() : maxPersons;
    paf = paf == null ? PafSettings.DEFAULTS : paf;
    ilp = ilp == null ? IlpSettings.DEFAULTS : ilp;
    trustTorchScript = trustTorchScript != null && trustTorchScript;
  }

  /**
   * These keys as the pipeline package reads them.
   *
   * @param detections {@code input.detections}, or null
   * @param imageIds   the ground truth's file name → image id index, or null
   */
  public PipelineSettings pipelineSettings(String detections, FileNameIndex imageIds) {
    TopDownSettings td = new TopDownSettings(detections, imageIds, cropPadding, refine, flipTest,
        poseNms, minDetectionScore, detectionNmsIou, maxPersons);
    return new PipelineSettings(pipeline, pose, detector, grouping, minPersonScore, td,
        new GrouperSettings(paf, ilp));
  }
}
