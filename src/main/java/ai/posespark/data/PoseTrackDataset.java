package ai.posespark.data;

import java.io.Serializable;
import java.util.Map;

/**
 * PoseTrack18 ground truth: the COCO-style part (17 keypoints in PoseTrack's layout, where indices 1 and 2 are
 * head_bottom and head_top and 3, 4 are never labelled) plus per-frame video information and head boxes.
 *
 * @param coco      images and annotations of all videos read ({@code track_id} kept on each person)
 * @param frames    per image id, its video information
 * @param headBoxes per annotation id, its {@code bbox_head} {@code [x, y, w, h]} (absent where the file has none)
 */
public record PoseTrackDataset(CocoDataset coco, Map<Long, PoseTrackFrame> frames, Map<Long, double[]> headBoxes)
    implements Serializable {}
