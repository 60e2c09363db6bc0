package ai.posespark.pipeline;

import ai.djl.Device;
import ai.posespark.decode.AffineCrop;
import ai.posespark.decode.DecodedFrame;
import ai.posespark.decode.RgbImage;
import ai.posespark.detect.BoxDecoders;
import ai.posespark.detect.PersonBox;
import ai.posespark.model.CropWarper;
import ai.posespark.model.InputPreprocessor;
import ai.posespark.model.ModelCache;
import ai.posespark.model.ModelCatalog;
import ai.posespark.model.ModelEntry;
import ai.posespark.model.ResolvedModel;
import ai.posespark.pose.Keypoint;
import ai.posespark.pose.Person;
import ai.posespark.pose.PoseDecoder;
import ai.posespark.pose.PoseDecoders;
import ai.posespark.pose.PoseNms;
import ai.posespark.pose.head.FlipAware;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;

/**
 * The top-down family (AlphaPose / RMPE): a detector proposes person boxes, each box becomes a padded affine crop
 * at the pose model's aspect (RMPE's spatial transformer, in closed form), a single-person model finds the pose in
 * each crop — crops of all the batch's frames in one batched model stage — the pose goes back to the frame through
 * the crop's exact inverse, and pose NMS removes the people that overlapping boxes proposed twice. Optional: the flip
 * test (the mirrored crop too, left/right swapped, averaged) and CPM-style refinement (re-crop around the found
 * keypoints and run again, kept only where the pose score rises).
 *
 * <p>Scores: a pose's score is the mean of its keypoint scores above {@link #KEYPOINT_SCORE_FLOOR} (MMPose's
 * {@code bbox_keypoint} rescoring), the person's score the detector's score times that.
 */
public final class TopDownPipeline implements PosePipeline {
  /** Stage names, in order. */
  public static final List<String> STAGES = List.of("detect", "crop", "pose", "postprocess", "nms");

  /** Keypoints scoring at most this do not count towards the pose score (MMPose's {@code keypoint_score_thr}). */
  public static final float KEYPOINT_SCORE_FLOOR = 0.2f;

  private final PersonDetector detector;
  private final CropWarper warper;
  private final ModelStage pose;
  private final PoseDecoder decoder;
  private final TopDownSettings settings;
  private final PoseNms nms;
  private final double minPersonScore;
  private final int inputWidth;
  private final int inputHeight;

  TopDownPipeline(PersonDetector detector, CropWarper warper, ModelStage pose, PoseDecoder decoder,
                  TopDownSettings settings, double minPersonScore, int inputWidth, int inputHeight) {
    this.detector = detector;
    this.warper = warper;
    this.pose = pose;
    this.decoder = decoder;
    this.settings = settings;
    this.nms = settings.poseNms().create();
    this.minPersonScore = minPersonScore;
    this.inputWidth = inputWidth;
    this.inputHeight = inputHeight;
  }

  /** One person proposal: its detector box and, once estimated, its pose in frame pixels with the pose score. */
  private record Proposal(PersonBox box, Person pose, float poseScore) {}

  @Override
  public DecodedFrame prepare(DecodedFrame frame) {
    return detector.prepare(frame);
  }

  @Override
  public List<List<Person>> run(List<DecodedFrame> frames, StageContext context) {
    List<List<PersonBox>> boxes = detector.detect(frames, context);
    List<List<Person>> poses = estimate(frames, crops(frames, boxes,
        b -> new Person.BoundingBox(b.x(), b.y(), b.w(), b.h())), context);
    List<List<Proposal>> proposals = new ArrayList<>(frames.size());
    for (int f = 0; f < frames.size(); f++) {
      List<Proposal> own = new ArrayList<>();
      for (int i = 0; i < boxes.get(f).size(); i++) {
        Person p = poses.get(f).get(i);
        own.add(new Proposal(boxes.get(f).get(i), p, poseScore(p)));
      }
      proposals.add(own);
    }
    for (int pass = 0; pass < settings.refine(); pass++) {
      proposals = refine(frames, proposals, context);
    }
    List<List<Person>> people = new ArrayList<>(frames.size());
    for (int f = 0; f < frames.size(); f++) {
      long t0 = System.nanoTime();
      List<Person> scored = new ArrayList<>();
      for (Proposal p : proposals.get(f)) {
        Person.BoundingBox box = new Person.BoundingBox(p.box().x(), p.box().y(), p.box().w(), p.box().h());
        Person.Detection detection = new Person.Detection(box, p.box().score(), p.poseScore());
        Person withBox = new Person(p.pose().score(), box, p.pose().keypoints());
        scored.add(withBox.detected(detection, p.box().score() * p.poseScore()));
      }
      List<Person> kept = new ArrayList<>();
      for (Person p : nms.apply(scored)) {
        if (p.score() >= minPersonScore) {
          kept.add(p);
        }
      }
      people.add(kept);
      context.charge("nms", f, StageContext.millisSince(t0));
    }
    return people;
  }

  /** One more pass: re-crop around each proposal's confident keypoints; keep the new pose where it scores higher. */
  private List<List<Proposal>> refine(List<DecodedFrame> frames, List<List<Proposal>> proposals,
                                      StageContext context) {
    List<List<Person>> again = estimate(frames, crops(frames, proposals,
        p -> Person.boxAround(p.pose().keypoints(), KEYPOINT_SCORE_FLOOR)), context);
    List<List<Proposal>> better = new ArrayList<>(frames.size());
    for (int f = 0; f < frames.size(); f++) {
      List<Proposal> own = new ArrayList<>();
      for (int i = 0; i < proposals.get(f).size(); i++) {
        Proposal before = proposals.get(f).get(i);
        Person p = again.get(f).get(i);
        float score = poseScore(p);
        own.add(score > before.poseScore() ? new Proposal(before.box(), p, score) : before);
      }
      better.add(own);
    }
    return better;
  }

  /** Per frame, the padded crop of each of its things' boxes. */
  private <T> List<List<AffineCrop>> crops(List<DecodedFrame> frames, List<List<T>> perFrame,
                                           Function<T, Person.BoundingBox> box) {
    List<List<AffineCrop>> crops = new ArrayList<>(frames.size());
    for (int f = 0; f < frames.size(); f++) {
      RgbImage im = frames.get(f).image();
      List<AffineCrop> own = new ArrayList<>(perFrame.get(f).size());
      for (T t : perFrame.get(f)) {
        Person.BoundingBox b = box.apply(t);
        own.add(AffineCrop.around(b.x(), b.y(), b.w(), b.h(), settings.cropPadding(), im.width(), im.height(),
            inputWidth, inputHeight));
      }
      crops.add(own);
    }
    return crops;
  }

  /** The pose found in each crop (one per crop, frame pixels), crops of every frame through the model together. */
  private List<List<Person>> estimate(List<DecodedFrame> frames, List<List<AffineCrop>> crops,
                                      StageContext context) {
    List<ModelStage.Item<CropRef>> items = new ArrayList<>();
    for (int f = 0; f < frames.size(); f++) {
      List<AffineCrop> own = crops.get(f);
      if (own.isEmpty()) {
        continue;
      }
      long t0 = System.nanoTime();
      List<AffineCrop> all = new ArrayList<>(own);
      if (settings.flipTest()) {
        own.forEach(c -> all.add(c.mirrored()));
      }
      var inputs = warper.warp(frames.get(f).image(), all, context.scope());
      for (int i = 0; i < all.size(); i++) {
        items.add(new ModelStage.Item<>(f, new CropRef(i % own.size(), all.get(i)), inputs.get(i)));
      }
      context.charge("crop", f, StageContext.millisSince(t0));
    }
    List<List<Person[]>> found = new ArrayList<>(frames.size());
    for (List<AffineCrop> own : crops) {
      List<Person[]> slots = new ArrayList<>(own.size());
      for (int i = 0; i < own.size(); i++) {
        slots.add(new Person[2]);
      }
      found.add(slots);
    }
    List<ModelStage.Output<CropRef>> outputs = pose.run(items, context);
    if (settings.flipTest() && decoder instanceof FlipAware flipAware) {
      outputs = mergedWithMirrors(outputs, flipAware);
    }
    for (ModelStage.Output<CropRef> out : outputs) {
      long t0 = System.nanoTime();
      Person p = onePerson(decoder.decode(out.values()), out.tag().crop());
      found.get(out.frame()).get(out.tag().index())[out.tag().crop().flipped() ? 1 : 0] = p;
      context.charge("postprocess", out.frame(), StageContext.millisSince(t0));
    }
    List<List<Person>> poses = new ArrayList<>(frames.size());
    for (List<Person[]> slots : found) {
      List<Person> own = new ArrayList<>(slots.size());
      for (Person[] pair : slots) {
        own.add(pair[1] == null ? pair[0] : average(pair[0], pair[1]));
      }
      poses.add(own);
    }
    return poses;
  }

  /**
   * The flip test as MMPose runs it for heatmap and SimCC heads: each crop's raw outputs averaged with its mirror's
   * turned back ({@link FlipAware#unflip}), decoded once; the mirrors' own outputs are dropped. Mirrors follow
   * their crops in each frame's items, so they pair by frame and crop index.
   */
  private static List<ModelStage.Output<CropRef>> mergedWithMirrors(List<ModelStage.Output<CropRef>> outputs,
      FlipAware decoder) {
    Map<Long, ModelStage.Output<CropRef>> mirrors = new HashMap<>();
    for (ModelStage.Output<CropRef> out : outputs) {
      if (out.tag().crop().flipped()) {
        mirrors.put((long) out.frame() << 32 | out.tag().index(), out);
      }
    }
    List<ModelStage.Output<CropRef>> merged = new ArrayList<>(outputs.size() - mirrors.size());
    for (ModelStage.Output<CropRef> out : outputs) {
      if (out.tag().crop().flipped()) {
        continue;
      }
      List<float[]> back = decoder.unflip(mirrors.get((long) out.frame() << 32 | out.tag().index()).values());
      List<float[]> mean = new ArrayList<>(back.size());
      for (int o = 0; o < back.size(); o++) {
        float[] a = out.values().get(o);
        float[] b = back.get(o);
        float[] m = new float[a.length];
        for (int i = 0; i < a.length; i++) {
          m[i] = (a[i] + b[i]) * 0.5f;
        }
        mean.add(m);
      }
      merged.add(new ModelStage.Output<>(out.frame(), out.tag(), mean));
    }
    return merged;
  }

  /** Which crop of its frame an input is, and its transform. */
  private record CropRef(int index, AffineCrop crop) {}

  /** The crop's person in frame pixels (mirrored crops: left/right put right); the best if the decoder finds more. */
  private static Person onePerson(List<Person> found, AffineCrop crop) {
    if (found.isEmpty()) {
      throw new IllegalStateException("the pose decoder found nobody in a crop: top-down pose models must be "
          + "single-person models that always return a pose");
    }
    Person p = found.get(0).toSource(crop);
    return crop.flipped() ? p.swappedLeftRight() : p;
  }

  /** The flip test's merge: per keypoint the mean position and score of the two passes. */
  static Person average(Person a, Person b) {
    List<Keypoint> kps = new ArrayList<>(a.keypoints().size());
    for (int k = 0; k < a.keypoints().size(); k++) {
      Keypoint p = a.keypoints().get(k);
      Keypoint q = b.keypoints().get(k);
      kps.add(new Keypoint(p.name(), (p.x() + q.x()) / 2, (p.y() + q.y()) / 2, (p.score() + q.score()) / 2));
    }
    return new Person((a.score() + b.score()) / 2, a.bbox(), kps);
  }

  /** Mean score of the keypoints above {@link #KEYPOINT_SCORE_FLOOR}, 0 when none is. */
  static float poseScore(Person p) {
    double sum = 0;
    int n = 0;
    for (Keypoint k : p.keypoints()) {
      if (k.score() > KEYPOINT_SCORE_FLOOR) {
        sum += k.score();
        n++;
      }
    }
    return n == 0 ? 0 : (float) (sum / n);
  }

  /** The plan for the job's model keys ({@link Pipelines.Factory}). */
  static PipelinePlan plan(PipelineSettings settings, ModelCatalog catalog) {
    ResolvedModel pose = CatalogModels.poseModel(catalog, "model.pose", settings.pose());
    if (!PoseDecoders.STANDARD.get(pose.entry().decoder()).singlePerson()) {
      throw new PipelineException("model.pose", "top-down runs a single-person model on each person's crop; '"
          + pose.entry().name() + "' finds several people itself (use it with model.pipeline: bottom-up)");
    }
    TopDownSettings td = settings.topDown();
    String detector = settings.detector();
    if (detector == null || detector.isBlank()) {
      throw new PipelineException("model.detector", "required for top-down: a catalog detector ("
          + String.join(" | ", BoxDecoders.STANDARD.names()) + ") or 'file' with input.detections");
    }
    if (FILE.equals(detector)) {
      if (td.detections() == null || td.detections().isBlank()) {
        throw new PipelineException("input.detections", "required when model.detector is 'file' (a COCO detection "
            + "results file: [{image_id, category_id, bbox, score}])");
      }
      return new Plan(null, pose, td, settings.minPersonScore());
    }
    ModelEntry entry = catalog.resolve(detector).orElseThrow(() -> new PipelineException("model.detector",
        "unknown detector '" + detector + "' (catalog detectors: " + String.join(", ", detectors(catalog))
            + "; or 'file' with input.detections)"));
    if (BoxDecoders.STANDARD.get(entry.decoder()) == null) {
      throw new PipelineException("model.detector", "'" + entry.name() + "' is not a person detector (catalog "
          + "detectors: " + String.join(", ", detectors(catalog)) + ")");
    }
    return new Plan(ResolvedModel.of(catalog, entry), pose, td, settings.minPersonScore());
  }

  /** {@code model.detector} value for boxes read from {@code input.detections}. */
  public static final String FILE = "file";

  private static List<String> detectors(ModelCatalog catalog) {
    return catalog.models().values().stream().filter(e -> BoxDecoders.STANDARD.get(e.decoder()) != null)
        .map(ModelEntry::name).toList();
  }

  /**
   * The resolved recipe.
   *
   * @param detector       the detector model; null for boxes from {@code input.detections}
   * @param pose           the single-person pose model
   * @param settings       the top-down keys
   * @param minPersonScore people whose final score is below this are dropped
   */
  record Plan(ResolvedModel detector, ResolvedModel pose, TopDownSettings settings, double minPersonScore)
      implements PipelinePlan {
    @Override
    public String model() {
      return (detector == null ? FILE : detector.entry().name()) + "+" + pose.entry().name();
    }

    @Override
    public List<String> stages() {
      return STAGES;
    }

    @Override
    public PosePipeline open(Device device, Configuration hadoop) {
      PersonDetector boxes;
      if (detector == null) {
        boxes = new FileDetector(settings, hadoop);
      } else {
        ModelEntry d = detector.entry();
        ModelStage model = new ModelStage("detect", ModelCache.get(detector, device, hadoop), d);
        boxes = new ModelDetector(new InputPreprocessor(d), model, BoxDecoders.STANDARD.require(d.decoder())
            .create(CatalogModels.boxDecoderSettings(d, model.outputNames(), settings)));
      }
      ModelEntry p = pose.entry();
      ModelStage model = new ModelStage("pose", ModelCache.get(pose, device, hadoop), p);
      // 0: a single-person decoder always returns its pose; the person's final score is thresholded at the end
      PoseDecoder decoder = PoseDecoders.STANDARD.require(p.decoder()).create(CatalogModels.decoderSettings(p,
          model.outputNames(), 0, null));
      return new TopDownPipeline(boxes, new CropWarper(p), model, decoder, settings, minPersonScore,
          p.input().width(), p.input().height());
    }
  }
}
