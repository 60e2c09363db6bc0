package ai.posespark;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules README's "How it fits together" describes, checked on the compiled classes so that the next
 * change cannot quietly break them: the layers follow one frame's path (command line → run → plan → pipeline →
 * model / pose / detect / track → decode → source → data, with eval, report, sink and train beside), each layer
 * reaching only the ones listed for it, and no two top-level packages depend on each other in a circle.
 */
class ArchitectureTest {
  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("ai.posespark");
  }

  @Test
  void topLevelPackagesFormNoCycle() {
    slices().matching("ai.posespark.(*)..").should().beFreeOfCycles().check(main);
  }

  @Test
  void eachLayerReachesOnlyTheLayersBelowIt() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("cli").definedBy("ai.posespark.cli..")
        .layer("run").definedBy("ai.posespark.run..")
        .layer("plan").definedBy("ai.posespark.plan..")
        .layer("train").definedBy("ai.posespark.train..")
        .layer("report").definedBy("ai.posespark.report..")
        .layer("jobfile").definedBy("ai.posespark.jobfile..")
        .layer("pipeline").definedBy("ai.posespark.pipeline..")
        .layer("track").definedBy("ai.posespark.track..")
        .layer("sink").definedBy("ai.posespark.sink..")
        .layer("pose").definedBy("ai.posespark.pose..")
        .layer("detect").definedBy("ai.posespark.detect..")
        .layer("model").definedBy("ai.posespark.model..")
        .layer("eval").definedBy("ai.posespark.eval..")
        .layer("decode").definedBy("ai.posespark.decode..")
        .layer("source").definedBy("ai.posespark.source..")
        .layer("data").definedBy("ai.posespark.data..")
        .layer("shared").definedBy("ai.posespark")
        .whereLayer("cli").mayOnlyAccessLayers("run", "plan", "jobfile", "report", "sink", "model", "shared")
        .whereLayer("run").mayOnlyAccessLayers("plan", "jobfile", "train", "report", "pipeline", "track", "eval",
            "sink", "source", "data", "shared")
        .whereLayer("plan").mayOnlyAccessLayers("jobfile", "train", "pipeline", "track", "eval", "sink", "model",
            "decode", "source", "data", "shared")
        .whereLayer("train").mayOnlyAccessLayers("jobfile", "report", "eval", "model", "pose", "decode", "source",
            "data", "shared")
        .whereLayer("report").mayOnlyAccessLayers("jobfile", "eval", "sink", "model", "pose", "decode", "source",
            "data", "shared")
        .whereLayer("jobfile").mayOnlyAccessLayers("pipeline", "track", "pose", "model", "eval", "decode", "source",
            "data", "shared")
        .whereLayer("pipeline").mayOnlyAccessLayers("detect", "pose", "model", "sink", "decode", "source", "data",
            "shared")
        .whereLayer("track").mayOnlyAccessLayers("pose", "sink", "data", "shared")
        .whereLayer("sink").mayOnlyAccessLayers("pose", "source", "data", "shared")
        .whereLayer("pose").mayOnlyAccessLayers("detect", "model", "decode", "data", "shared")
        .whereLayer("detect").mayOnlyAccessLayers("model", "decode", "data", "shared")
        .whereLayer("model").mayOnlyAccessLayers("decode", "shared")
        .whereLayer("eval").mayOnlyAccessLayers("data", "shared")
        .whereLayer("decode").mayOnlyAccessLayers("source", "shared")
        .whereLayer("source").mayOnlyAccessLayers("shared")
        .whereLayer("data").mayOnlyAccessLayers("shared")
        .whereLayer("shared").mayNotAccessAnyLayer()
        .check(main);
  }
}
