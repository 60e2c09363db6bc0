package ai.posespark.model;

import ai.djl.engine.Engine;
import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns libtorch's NNPACK off where it cannot run. On a CPU NNPACK does not support (AMD EPYC Zen 5 among
 * them), libtorch 2.7.1 asks NNPACK again for every small CPU convolution that oneDNN does not take and logs
 * "Could not initialize NNPACK! Reason: Unsupported hardware." each time (72 lines in one fine-tuning run),
 * then falls back to its own kernel anyway. This does what {@code torch.backends.nnpack.set_flags(False)}
 * does in Python, through the two exported C++ functions (DJL has no binding for it), and only when NNPACK's
 * own {@code nnp_initialize} fails, so machines where it works keep it. Linux only (the library is found
 * through {@code /proc/self/maps}); elsewhere, or if the symbols are missing, nothing changes.
 */
public final class NnpackSwitch {
  private static final Logger LOG = LoggerFactory.getLogger(NnpackSwitch.class);
  private static final int NNP_STATUS_SUCCESS = 0;
  private static final int RTLD_LAZY = 0x1;
  private static final int RTLD_NOLOAD = 0x4;
  private static volatile boolean done;

  private NnpackSwitch() {}

  /** Once per JVM, after loading the PyTorch engine if it is not loaded yet. */
  public static void offWhereUnsupported() {
    if (done) {
      return;
    }
    synchronized (NnpackSwitch.class) {
      if (done) {
        return;
      }
      done = true;
      Engine.getEngine("PyTorch");
      try {
        Optional<Path> library = loaded("libtorch_cpu.so");
        if (library.isEmpty()) {
          return;
        }
        // the library DJL loaded, as it is: JNA's default flags would re-open it RTLD_GLOBAL, and its exported
        // protobuf symbols would then bind OR-Tools' natives, loaded later, to the wrong protobuf (a crash)
        NativeLibrary torch = NativeLibrary.getInstance(library.get().toString(),
            Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY | RTLD_NOLOAD));
        int status = torch.getFunction("nnp_initialize").invokeInt(new Object[0]);
        if (status == NNP_STATUS_SUCCESS) {
          return;
        }
        Pointer context = torch.getFunction("_ZN2at13globalContextEv").invokePointer(new Object[0]);
        Function setNnpack = torch.getFunction("_ZN2at7Context20setUserEnabledNNPACKEb");
        setNnpack.invokeVoid(new Object[] {context, Boolean.FALSE});
        LOG.debug("NNPACK cannot initialize here (status {}): turned off", status);
      } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
        LOG.debug("NNPACK left as it is: {}", e.toString());
      }
    }
  }

  /** The path of a shared library this process has loaded, from the kernel's map of it. */
  private static Optional<Path> loaded(String fileName) throws IOException {
    Path maps = Path.of("/proc/self/maps");
    if (!Files.isReadable(maps)) {
      return Optional.empty();
    }
    try (var lines = Files.lines(maps)) {
      return lines.map(line -> line.substring(line.indexOf('/') < 0 ? line.length() : line.indexOf('/')))
          .filter(p -> p.endsWith("/" + fileName)).findFirst().map(Path::of);
    }
  }
}
