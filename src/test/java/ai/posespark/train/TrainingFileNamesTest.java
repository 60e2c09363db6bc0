package ai.posespark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.posespark.data.AnnotationFormatException;
import ai.posespark.data.ImageInfo;
import ai.posespark.source.HttpCanary;
import org.junit.jupiter.api.Test;

/**
 * A training annotation's {@code file_name} resolves inside the image folder, or the job stops naming the record:
 * no URL is fetched (a loopback canary hears nothing), no {@code ..} or absolute path reads outside the dataset.
 */
class TrainingFileNamesTest {
  private static String locate(String fileName, String folder) {
    return TrainingSet.locate("gt.json", new ImageInfo(7, fileName, 10, 10), folder);
  }

  private static String refusal(String fileName, String folder) {
    return assertThrows(AnnotationFormatException.class, () -> locate(fileName, folder)).getMessage();
  }

  @Test
  void namesInsideTheFolderResolve() {
    assertEquals("/data/coco/a.jpg", locate("a.jpg", "/data/coco"));
    assertEquals("/data/coco/train/a.jpg", locate("./train/x/../a.jpg", "/data/coco/"));
    assertEquals("/data/coco/train/a.jpg", locate("/data/coco/train/a.jpg", "/data/coco"));
    assertEquals("file:/data/coco/a.jpg", locate("/data/coco/a.jpg", "file:/data/coco"));
    assertEquals("s3a://bucket/coco/a b#1.jpg", locate("a b#1.jpg", "s3a://bucket/coco"));
  }

  @Test
  void namesLeavingTheFolderAreRefusedNamingTheRecord() {
    assertEquals("gt.json: images (id 7), field 'file_name': '../../etc/passwd' leaves the image folder /data/coco "
        + "through '..'", refusal("../../etc/passwd", "/data/coco"));
    assertEquals("gt.json: images (id 7), field 'file_name': 'train/../../x.jpg' leaves the image folder "
        + "/data/coco through '..'", refusal("train/../../x.jpg", "/data/coco"));
    assertEquals("gt.json: images (id 7), field 'file_name': '/etc/passwd' is an absolute path outside the image "
        + "folder /data/coco", refusal("/etc/passwd", "/data/coco"));
    assertEquals("gt.json: images (id 7), field 'file_name': '/data/coco2/a.jpg' is an absolute path outside the "
        + "image folder /data/coco", refusal("/data/coco2/a.jpg", "/data/coco"));
    assertEquals("gt.json: images (id 7), field 'file_name': '/coco/a.jpg' is an absolute path outside the image "
        + "folder s3a://bucket/coco", refusal("/coco/a.jpg", "s3a://bucket/coco"));
    refusal("s3a://other/a.jpg", "s3a://bucket/coco");
    refusal("file:/etc/passwd", "/data/coco");
  }

  @Test
  void aUrlFileNameIsRefusedBeforeAnyRequest() throws Exception {
    try (HttpCanary canary = new HttpCanary()) {
      String url = canary.url() + "/a.jpg";
      assertEquals("gt.json: images (id 7), field 'file_name': '" + url + "' has a URI scheme; file names are paths "
          + "inside the image folder /data/coco", refusal(url, "/data/coco"));
      assertEquals(java.util.List.of(), canary.requests());
    }
  }
}
