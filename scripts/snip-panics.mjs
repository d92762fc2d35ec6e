#!/usr/bin/env node
// Replaces the bodies of the Rust standard library's panic entry points with a bare `unreachable`
// in a wasm module straight from cargo (scripts/build.sh runs this on the readers' module before
// wasm-bindgen and wasm-opt). A panic in the readers' module traps exactly as before (Cargo.toml
// sets panic = "abort": std's handler ends in `unreachable` too), but the code that would format
// the panic's message (core::fmt, std's hook and payloads) is no longer reachable, so wasm-opt
// drops it. The element turns the trap into that chart's error box as before; the console gets
// view.js's "internal error" line without Rust's message. The debug build (scripts/build-debug.sh)
// and the builder's module keep the full messages.
//
// The same idea as the rustwasm tool `wasm-snip --snip-rust-panicking-code`, in ~100 lines over the
// wasm reader of scripts/shorten-names.mjs: no extra tool to install. It is safe only for functions
// that never return, so it matches a fixed list of std's diverging functions by their mangled names
// and refuses any match whose type has results (a diverging function returns nothing).
//
//   node scripts/snip-panics.mjs IN.wasm OUT.wasm     # prints what it replaced

import { readFileSync, writeFileSync } from 'node:fs';
import { leb, Reader, sections } from './shorten-names.mjs';

/** std's functions that never return: each diverges by panicking, aborting or trapping. Fragments
 * of their mangled names (Rust's v0 mangling, which the standard library uses). */
const DIVERGING = [
  /4core9panicking/, // core::panicking::{panic, panic_fmt, panic_bounds_check, panic_const::*, assert_failed, ...}
  /3std9panicking15panic_with_hook/,
  /3std9panicking11begin_panic(?!.*PanicPayload)/, // begin_panic itself, not its payload's methods
  /7___rustc17rust_begin_unwind$/,
  /7___rustc10rust_panic$/,
  /7___rustc12___rust_abort$/,
  /7___rustc26___rust_alloc_error_handler$/,
  /3std5alloc8rust_oom$/,
  /5alloc7raw_vec12handle_error$/,
  /5alloc7raw_vec17capacity_overflow$/,
  /5alloc5alloc18handle_alloc_error$/,
  /13assert_failed$/,
  /4core5slice5index\d+slice_\w*fail$/,
  /4core3str\d+slice_error_fail/,
  /4core4cell\d+panic_already_(mutably_)?borrowed$/,
  /4core4cell4lazy14panic_poisoned$/,
  /4core6result13unwrap_failed$/,
  /4core6option\d+(unwrap|expect)_failed$/,
  /8do_panic7runtime$/,
];

export function snipPanics(buf) {
  const all = sections(buf);
  // function index -> type index (imports first), type index -> number of results, index -> name
  const typeResults = [], funcType = [], names = new Map();
  for (const s of all) {
    const r = new Reader(buf, s.start);
    if (s.id === 1) {
      for (let i = 0, n = r.u32(); i < n; i++) {
        if (r.byte() !== 0x60) throw new Error('wasm: unexpected type form');
        const params = r.u32(); // single-byte value types in this module
        r.pos += params;
        const results = r.u32();
        r.pos += results;
        typeResults.push(results);
      }
    } else if (s.id === 2) {
      for (let i = 0, n = r.u32(); i < n; i++) {
        r.name(); // module
        r.name(); // field
        const { kind, type } = r.importDesc();
        if (kind === 0) funcType.push(type);
      }
    } else if (s.id === 3) {
      for (let i = 0, n = r.u32(); i < n; i++) funcType.push(r.u32());
    } else if (s.id === 0 && r.name() === 'name') {
      while (r.pos < s.end) {
        const sub = r.byte(), size = r.u32(), end = r.pos + size;
        if (sub === 1) {
          for (let i = 0, n = r.u32(); i < n; i++) {
            const index = r.u32();
            names.set(index, r.name());
          }
        }
        r.pos = end;
      }
    }
  }
  if (names.size === 0) throw new Error('snip-panics: the module has no function names (build with strip = "debuginfo", not "symbols")');
  const code = all.find((s) => s.id === 10);
  const imported = funcType.length - (code ? new Reader(buf, code.start).u32() : 0);
  const snipped = [];
  const parts = [buf.subarray(0, 8)];
  for (const s of all) {
    if (s !== code) { parts.push(buf.subarray(s.head, s.end)); continue; }
    const r = new Reader(buf, s.start);
    const n = r.u32();
    const bodies = [Uint8Array.from(leb(n))];
    for (let i = 0; i < n; i++) {
      const start = r.pos;
      const size = r.u32();
      r.pos += size;
      const index = imported + i, name = names.get(index) || '';
      if (DIVERGING.some((re) => re.test(name))) {
        if (typeResults[funcType[index]] !== 0) throw new Error(`snip-panics: ${name} returns a value; it is not a diverging function`);
        snipped.push(name);
        bodies.push(Uint8Array.of(3, 0, 0x00, 0x0b)); // size 3: no locals, unreachable, end
      } else {
        bodies.push(buf.subarray(start, r.pos));
      }
    }
    const body = Buffer.concat(bodies);
    parts.push(Uint8Array.of(10, ...leb(body.length)), body);
  }
  return { wasm: Buffer.concat(parts), snipped };
}

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node scripts/snip-panics.mjs IN.wasm OUT.wasm');
  process.exit(2);
}
const { wasm, snipped } = snipPanics(readFileSync(input));
if (snipped.length === 0) throw new Error('snip-panics: no panic entry point matched (did std rename them?)');
await WebAssembly.compile(wasm); // still a valid module
writeFileSync(output, wasm);
console.log(`==> replaced ${snipped.length} panic entry points with unreachable`);
if (process.env.SNIP_VERBOSE) for (const n of snipped) console.log(`    ${n}`);
