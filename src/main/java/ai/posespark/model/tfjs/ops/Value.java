package ai.posespark.model.tfjs.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * A tensor flowing through the graph, with the layout its storage has.
 *
 * <p>TF graphs are NHWC; PyTorch convolutions take NCHW. A rank-4 value may therefore be
 * <em>channels-first</em>: its storage array has NCHW shape and is the permutation of the logical NHWC tensor.
 * Layout-aware kernels (convolutions, pooling, element-wise ops, padding, concatenation...) read {@link #nchw()}
 * and produce channels-first values; any other kernel reads {@link #nhwc()} and sees plain TF semantics.
 *
 * <p>In memory, activations stay NHWC throughout: the graph input is NHWC, so its NCHW view has PyTorch's
 * channels-last strides, and PyTorch's CPU convolutions keep that format (they are much faster on it: up to
 * 10x for depthwise). Conversions are therefore permutation views, not copies, and are cached per value. Kernels
 * that would build a contiguous NCHW result (resize, DepthToSpace) compute on the NHWC view instead.
 *
 * <p>Values produced during a run belong to that run (the executor closes them after their last reader);
 * constants and caller inputs are <em>pinned</em> and never closed by the executor.
 */
public final class Value implements AutoCloseable {
  private static final int[] TO_NCHW = {0, 3, 1, 2};
  private static final int[] TO_NHWC = {0, 2, 3, 1};

  private final NDArray storage;
  private final boolean channelsFirst;
  private final boolean pinned;
  private NDManager owner;
  private NDArray converted;
  private int references;

  private Value(NDArray storage, boolean channelsFirst, boolean pinned, NDManager owner) {
    if (channelsFirst && storage.getShape().dimension() != 4) {
      throw new IllegalArgumentException("channels-first storage must be rank 4, got " + storage.getShape());
    }
    this.storage = storage;
    this.channelsFirst = channelsFirst;
    this.pinned = pinned;
    this.owner = owner;
  }

  /** A value whose storage is the logical (TF) tensor itself. */
  public static Value of(NDArray array) {
    return new Value(array, false, false, null);
  }

  /** A rank-4 value whose storage is NCHW: logical tensor = {@code storage.transpose(0, 2, 3, 1)}. */
  public static Value channelsFirst(NDArray storage) {
    return new Value(storage, true, false, null);
  }

  /** A value the executor never closes (constants, caller inputs); conversions are kept in {@code owner}. */
  public static Value pinned(NDArray array, NDManager owner) {
    return new Value(array, false, true, owner);
  }

  /** The logical TF tensor (NHWC for images), converting channels-first storage once. */
  public NDArray nhwc() {
    return channelsFirst ? conversion() : storage;
  }

  /**
   * The NCHW form of the logical tensor. A rank &lt; 4 tensor is first given leading unit dimensions, so a
   * per-channel {@code [C]} constant becomes {@code [1, C, 1, 1]}, ready to broadcast against NCHW storage.
   */
  public NDArray nchw() {
    if (channelsFirst) {
      return storage;
    }
    if (storage.getShape().dimension() > 4) {
      throw new IllegalStateException("rank " + storage.getShape().dimension() + " tensor has no NCHW form");
    }
    return conversion();
  }

  /** The array as stored (NCHW when {@link #isChannelsFirst()}). */
  public NDArray storage() {
    return storage;
  }

  /** Whether the storage is the NCHW permutation of the logical NHWC tensor. */
  public boolean isChannelsFirst() {
    return channelsFirst;
  }

  /** The logical (TF) shape. */
  public Shape shape() {
    Shape s = storage.getShape();
    return channelsFirst ? new Shape(s.get(0), s.get(2), s.get(3), s.get(1)) : s;
  }

  /** The logical rank. */
  public int rank() {
    return storage.getShape().dimension();
  }

  /** The element type. */
  public DataType dataType() {
    return storage.getDataType();
  }

  /** Whether the executor must leave this value open. */
  public boolean isPinned() {
    return pinned;
  }

  private synchronized NDArray conversion() {
    if (converted == null) {
      NDArray c;
      if (channelsFirst) {
        c = storage.transpose(TO_NHWC);
      } else {
        long[] dims = storage.getShape().getShape();
        long[] four = {1, 1, 1, 1};
        System.arraycopy(dims, 0, four, 4 - dims.length, dims.length);
        NDArray expanded = dims.length == 4 ? storage : storage.reshape(four);
        c = expanded.transpose(TO_NCHW);
        if (expanded != storage) {
          expanded.close();
        }
      }
      if (owner != null && c.getManager() != owner) {
        c.attach(owner);
      }
      converted = c;
    }
    return converted;
  }

  /** Executor bookkeeping: attaches run values to the run's manager so that all they create is freed with it. */
  public void adopt(NDManager runManager) {
    if (!pinned) {
      if (storage.getManager() != runManager) {
        storage.attach(runManager);
      }
      owner = runManager;
    }
  }

  /** Executor bookkeeping: one more graph slot holds this value. */
  public void retain() {
    references++;
  }

  /** Executor bookkeeping: a slot released this value; closes it when none holds it any more. */
  public void release() {
    if (--references <= 0 && !pinned) {
      close();
    }
  }

  /** Frees storage and cached conversion (never called for pinned values by the executor). */
  @Override
  public void close() {
    if (converted != null) {
      converted.close();
      converted = null;
    }
    storage.close();
  }
}
