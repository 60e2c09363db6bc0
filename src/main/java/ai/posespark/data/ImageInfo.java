package ai.posespark.data;

import java.io.Serializable;

/**
 * One entry of a COCO-style {@code images} list.
 *
 * @param id       {@code images[].id}
 * @param fileName path relative to the dataset folder ({@code file_name})
 * @param width    pixels, 0 when the file does not say
 * @param height   pixels, 0 when the file does not say
 */
public record ImageInfo(long id, String fileName, int width, int height) implements Serializable {}
