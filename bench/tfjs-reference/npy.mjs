// Minimal NumPy .npy (version 1.x, C order, little-endian) reader for float32 / int32 arrays.

const TYPES = { '<f4': ['float32', Float32Array], '<i4': ['int32', Int32Array] };

/** Parses a .npy file's bytes into {shape, dtype, data} (data a typed array). */
export function readNpy(buffer) {
  if (buffer[0] !== 0x93 || buffer.toString('latin1', 1, 6) !== 'NUMPY') throw new Error('not a .npy file');
  const headerLength = buffer.readUInt16LE(8);
  const header = buffer.toString('latin1', 10, 10 + headerLength);
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1];
  if (/'fortran_order'\s*:\s*True/.test(header)) throw new Error('Fortran-order .npy unsupported');
  const type = TYPES[descr];
  if (!type) throw new Error(`unsupported .npy dtype ${descr} (want <f4 or <i4)`);
  const shape = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)[1].split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  const start = 10 + headerLength;
  const bytes = buffer.buffer.slice(buffer.byteOffset + start, buffer.byteOffset + buffer.byteLength);
  return { shape, dtype: type[0], data: new type[1](bytes) };
}
