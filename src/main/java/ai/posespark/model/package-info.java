/**
 * Models: the catalog ({@code conf/models.yaml} and a job's own; {@code ModelCatalog}, {@code ModelEntry}), staging
 * files from any storage ({@code ModelStager}), device choice, one loaded model per executor JVM ({@code ModelCache})
 * behind {@code LoadedModel}: the TF.js interpreter ({@code model.tfjs}), TorchScript and ONNX Runtime
 * ({@code OnnxModel}). Input preparation ({@code InputPreprocessor}, {@code CropWarper}) and the reading of a catalog
 * entry's outputs ({@code NamedOutputs}, {@code CodecParameters}) live here too.
 */
package ai.posespark.model;
