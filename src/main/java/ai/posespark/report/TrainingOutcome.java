package ai.posespark.report;

/**
 * What a training run ({@code input.kind: train}) did, for its end-of-run screen: the loss from first to last
 * epoch, validation before and after, and where the fine-tuned model went.
 *
 * @param model            the fine-tuned model.json, in the run folder
 * @param device           where it trained
 * @param crops            training crops (augmented copies included)
 * @param validationPeople validation people (0: no validation split)
 * @param epochs           epochs run
 * @param firstLoss        mean training loss of the first epoch
 * @param lastLoss         mean training loss of the last epoch
 * @param validationBefore the validation metric's headline for the model as imported, or null without validation
 * @param validationAfter  the same for the fine-tuned model, or null
 * @param leftOut          images that could not be read or cropped
 */
public record TrainingOutcome(String model, String device, int crops, int validationPeople, int epochs,
                              double firstLoss, double lastLoss, String validationBefore, String validationAfter,
                              int leftOut) {

  /** The training lines of the end-of-run screen. */
  String screen() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("  training    %d crops, %d validation people, %d epochs on %s%n", crops,
        validationPeople, epochs, device));
    sb.append(String.format("  loss        %.4f → %.4f (first → last epoch)%n", firstLoss, lastLoss));
    if (validationBefore != null) {
      sb.append("  validation  ").append(validationBefore).append(" → ").append(validationAfter).append('\n');
    }
    if (leftOut > 0) {
      sb.append(String.format("  left out    %d images (training.json lists them)%n", leftOut));
    }
    sb.append("  model       ").append(JobSummary.local(model)).append('\n');
    return sb.toString();
  }
}
