package ai.posespark.data;

import java.io.Serializable;
import java.util.List;

/**
 * The PoseTrack18 extras of one {@code images[]} entry.
 *
 * @param imageId       {@code id}
 * @param videoId       {@code vid_id}
 * @param frameId       {@code frame_id} (PoseTrack's global frame id)
 * @param nframes       frames in the video
 * @param labeled       {@code is_labeled}
 * @param ignoreRegions polygons to ignore, each {@code [x1, y1, x2, y2, ...]} from {@code ignore_regions_x/y}
 */
public record PoseTrackFrame(long imageId, String videoId, long frameId, int nframes, boolean labeled,
    List<double[]> ignoreRegions) implements Serializable {}
