// How a CDN sends a file: its raw, gzip -9 and brotli 11 sizes. Shared by the size check
// (scripts/size.mjs) and the transfer bench (bench/transfer.mjs), so both weigh alike.

import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Raw, gzip -9 and brotli 11 sizes of one buffer (`name` picks brotli's mode: .wasm is binary). */
export function sizes(buf, name = '') {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      [constants.BROTLI_PARAM_MODE]: name.endsWith('.wasm') ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    } }).length,
  };
}
