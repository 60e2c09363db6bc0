/**
 * DeepCut/DeeperCut-style grouping of PoseNet part candidates into people as an integer linear program solved by
 * OR-Tools (SCIP through {@code MPSolver}), with the one-part-per-person (cycle) constraints added lazily.
 */
package ai.posespark.pose.ilp;
