package ai.posespark.pipeline;

import ai.posespark.data.FileNameIndex;
import ai.posespark.decode.DecodedFrame;
import ai.posespark.detect.DetectionFile;
import ai.posespark.detect.PersonBox;
import ai.posespark.sink.ResultsJsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;

/**
 * Boxes from a COCO detection results file ({@code model.detector: file}, {@code input.detections}), the way MMPose
 * evaluates top-down models: no detector runs. A frame's boxes are those of its image id — the ground truth's id
 * for the frame's file name when the job has COCO-style annotations, else the file's numeric stem. The file is read
 * once per executor JVM.
 */
final class FileDetector implements PersonDetector {
  private static final Map<String, DetectionFile> FILES = new ConcurrentHashMap<>();

  private final DetectionFile file;
  private final FileNameIndex imageIds;
  private final double minScore;
  private final int maxPersons;

  FileDetector(TopDownSettings settings, Configuration conf) {
    this.file = FILES.computeIfAbsent(settings.detections(), uri -> {
      try {
        return DetectionFile.read(uri, conf);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read detections " + uri, e);
      }
    });
    this.imageIds = settings.imageIds();
    this.minScore = settings.minDetectionScore();
    this.maxPersons = settings.maxPersons();
  }

  @Override
  public List<List<PersonBox>> detect(List<DecodedFrame> frames, StageContext context) {
    List<List<PersonBox>> boxes = new ArrayList<>(frames.size());
    for (int f = 0; f < frames.size(); f++) {
      long t0 = System.nanoTime();
      DecodedFrame frame = frames.get(f);
      long imageId = ResultsJsonWriter.imageId(imageIds, frame.task().uri(), frame.task().frameId());
      List<PersonBox> own = new ArrayList<>();
      // the file's boxes are in the image's own pixels; a huge image was decoded every step-th pixel
      float step = frame.subsampling() == null ? 1 : frame.subsampling().step();
      for (PersonBox b : file.boxes(imageId)) {
        if (b.score() >= minScore && b.w() > 0 && b.h() > 0) {
          own.add(step == 1 ? b : new PersonBox(b.x() / step, b.y() / step, b.w() / step, b.h() / step, b.score()));
        }
      }
      own.sort(Comparator.comparingDouble(PersonBox::score).reversed());
      boxes.add(own.size() > maxPersons ? new ArrayList<>(own.subList(0, maxPersons)) : own);
      context.charge("detect", f, StageContext.millisSince(t0));
    }
    return boxes;
  }
}
