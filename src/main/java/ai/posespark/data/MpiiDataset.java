package ai.posespark.data;

import java.io.Serializable;
import java.util.List;

/**
 * MPII ground truth.
 *
 * @param source           where it was read from
 * @param persons          annotated persons in file order
 * @param coordinateOrigin 1 when coordinates are MPII/Matlab 1-based pixels (both supported layouts are), so a
 *                         0-based prediction must be shifted by +1 before comparing; 0 for 0-based files
 */
public record MpiiDataset(String source, List<MpiiPerson> persons, int coordinateOrigin) implements Serializable {}
