package ai.posespark.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where models should run ({@code execution.device}, {@code --device}); {@link DeviceChooser} picks the device. */
public enum DevicePreference {
  /** A GPU when the executor has one, else the CPU. */
  @JsonProperty("auto") AUTO,
  @JsonProperty("cpu") CPU,
  @JsonProperty("gpu") GPU
}
