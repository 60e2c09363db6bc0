/** PoseSpark: multi-person 2D pose estimation at dataset scale on Spark + DJL. */
package ai.posespark;
