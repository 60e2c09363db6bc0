/**
 * What a person looks at after a run: {@code report.html} (metadata, sample frames with skeletons, errors,
 * evaluation plots), the exports other tools import (COCO, OpenPose JSON, a review file for CVAT / Label Studio,
 * overlay images) and the run's tables as SQL views. Everything here reads a run folder's tables, so it works
 * as well after the run as at its end.
 */
package ai.posespark.report;
