#!/usr/bin/env node
// Replaces the bodies of the Rust standard library's panic entry points with a bare `unreachable`
// in a wasm module straight from cargo (scripts/build.sh runs this on the readers' modules, before
// wasm-opt), then drops what only those bodies used. A panic in the readers'
// module traps exactly as before (Cargo.toml sets panic = "abort": std's handler ends in
// `unreachable` too), but the code that would format the panic's message (core::fmt, std's hook
// and payloads) is no longer reachable, so wasm-opt drops it. The element turns the trap into that
// chart's error box as before; the console gets view.js's "internal error" line without Rust's
// message. The debug build (scripts/build-debug.sh) and the builder's module keep the full messages.
//
// The same idea as the rustwasm tool `wasm-snip --snip-rust-panicking-code`, over the wasm reader
// of scripts/shorten-names.mjs: no extra tool to install. It is safe only for functions that never
// return, so it matches a fixed list of std's diverging functions by their mangled names and
// refuses any match whose type has results (a diverging function returns nothing).
//
// Snipping alone leaves the formatting code behind: the linker put the functions whose address
// the panic code took (`<u32 as Display>::fmt`, `String as fmt::Write`, the payloads' methods)
// into the function table, and wasm-opt keeps every table entry. So when the module carries the
// linker's relocations (build.sh links with `-C link-arg=--emit-relocs`), this script walks them:
// from the exports, each live function's relocations name the functions it calls or takes the
// address of and the data it points at, and each live datum's relocations the same (vtables).
// A table entry that nothing live refers to is pointed at a snipped body, and data that nothing
// live points at is zeroed. Before writing, binaryen's own walk of the result
// (--remove-unused-module-elements, over the calls in the code itself) must keep no function this
// walk called dead: a call the relocations do not show (code the linker writes itself has none)
// fails the build instead of shipping. The relocation sections are then dropped.
//
// Then it runs wasm-bindgen on the result and makes the second pass (see afterBindgen) on its
// output: the readers' modules go from cargo to wasm-opt's input in this one command.
//
//   node scripts/snip-panics.mjs CARGO.wasm OUT_DIR OUT_NAME [wasm-bindgen flag...]
//       # writes OUT_DIR/OUT_NAME.js and OUT_NAME_bg.wasm; prints what it replaced and dropped

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** The parts of a linked module this script reads. */
function parse(buf) {
  const m = {
    all: sections(buf), typeResults: [], funcType: [], names: new Map(), exports: [], start: null,
    bodies: [], segments: [], elem: null, linking: null, relocs: {}, buf,
  };
  for (const s of m.all) {
    const r = new Reader(buf, s.start);
    if (s.id === 1) {
      for (let i = 0, n = r.u32(); i < n; i++) {
        if (r.byte() !== 0x60) throw new Error('wasm: unexpected type form');
        const params = r.u32(); // single-byte value types in this module
        r.pos += params;
        const results = r.u32();
        r.pos += results;
        m.typeResults.push(results);
      }
    } else if (s.id === 2) {
      for (let i = 0, n = r.u32(); i < n; i++) {
        r.name(); // module
        r.name(); // field
        const { kind, type } = r.importDesc();
        if (kind === 0) m.funcType.push(type);
      }
    } else if (s.id === 3) {
      for (let i = 0, n = r.u32(); i < n; i++) m.funcType.push(r.u32());
    } else if (s.id === 7) {
      for (let i = 0, n = r.u32(); i < n; i++) {
        r.name();
        const kind = r.byte(), index = r.u32();
        if (kind === 0) m.exports.push(index);
      }
    } else if (s.id === 8) {
      m.start = r.u32();
    } else if (s.id === 9) {
      if (r.u32() !== 1) throw new Error('wasm: expected one element segment');
      if (r.u32() !== 0 || r.byte() !== 0x41) throw new Error('wasm: expected an active element segment at an i32.const');
      const offset = r.s32();
      if (r.byte() !== 0x0b) throw new Error('wasm: element segment offset');
      const entries = [];
      for (let i = 0, n = r.u32(); i < n; i++) entries.push(r.u32());
      m.elem = { offset, entries };
    } else if (s.id === 10) {
      for (let i = 0, n = r.u32(); i < n; i++) {
        const head = r.pos, size = r.u32();
        m.bodies.push({ head, start: r.pos, end: r.pos + size }); // positions in buf: size, code, end
        r.pos += size;
      }
    } else if (s.id === 11) {
      for (let i = 0, n = r.u32(); i < n; i++) {
        if (r.u32() !== 0 || r.byte() !== 0x41) throw new Error('wasm: expected active data segments at an i32.const');
        const addr = r.s32();
        if (r.byte() !== 0x0b) throw new Error('wasm: data segment offset');
        const size = r.u32();
        m.segments.push({ addr, start: r.pos, end: r.pos + size });
        r.pos += size;
      }
    } else if (s.id === 0) {
      const name = r.name();
      if (name === 'name') {
        while (r.pos < s.end) {
          const sub = r.byte(), size = r.u32(), end = r.pos + size;
          if (sub === 1) for (let i = 0, n = r.u32(); i < n; i++) m.names.set(r.u32(), r.name());
          r.pos = end;
        }
      } else if (name === 'linking') {
        m.linking = readSymbols(r, s.end);
      } else if (name.startsWith('reloc.')) {
        m.relocs[name.slice(6)] = readRelocs(r, m.all);
      }
    }
  }
  m.imported = m.funcType.length - m.bodies.length;
  return m;
}

// The linker's metadata (WebAssembly/tool-conventions, Linking.md).
const SYM_UNDEFINED = 0x10, SYM_EXPORTED = 0x20, SYM_EXPLICIT_NAME = 0x40, SYM_NO_STRIP = 0x80;
/** Relocation types that carry an addend. */
const ADDEND = new Set([3, 4, 5, 8, 9, 11, 14, 15, 16, 17, 21, 22, 23, 25]);
/** ... that name a function (called, or its table index taken) or a datum (its address taken). */
const FUNCTION_RELOC = new Set([0, 1, 2, 12, 18, 19, 24, 26]);
const TABLE_RELOC = new Set([1, 2, 12, 18, 19, 24]);
const DATA_RELOC = new Set([3, 4, 5, 11, 14, 15, 16, 17, 21, 23, 25]);

/** The symbol table: {kind, flags, index} for functions, {kind, flags, segment, offset, size} for data. */
function readSymbols(r, end) {
  if (r.u32() !== 2) throw new Error('wasm: linking section version');
  let symbols = null;
  while (r.pos < end) {
    const type = r.byte(), size = r.u32(), subEnd = r.pos + size;
    if (type === 8) {
      symbols = [];
      for (let i = 0, n = r.u32(); i < n; i++) {
        const kind = r.byte(), flags = r.u32(), sym = { kind, flags };
        if (kind === 1) {
          sym.name = r.name();
          if (!(flags & SYM_UNDEFINED)) { sym.segment = r.u32(); sym.offset = r.u32(); sym.size = r.u32(); }
        } else if (kind === 3) {
          sym.index = r.u32();
        } else {
          sym.index = r.u32();
          if (!(flags & SYM_UNDEFINED) || flags & SYM_EXPLICIT_NAME) sym.name = r.name();
        }
        symbols.push(sym);
      }
    }
    r.pos = subEnd;
  }
  if (!symbols) throw new Error('wasm: the linking section has no symbol table');
  return symbols;
}

/** A relocation section: the section it applies to, and its {type, offset, symbol, addend}s. */
function readRelocs(r, all) {
  const section = all[r.u32()];
  const list = [];
  for (let i = 0, n = r.u32(); i < n; i++) {
    const type = r.byte(), offset = r.u32(), symbol = r.u32();
    list.push({ type, at: section.start + offset, symbol, addend: ADDEND.has(type) ? r.s32() : 0 });
  }
  return { id: section.id, list };
}

/** Index of the last item of sorted `items` whose `key(item)` is at most `x` (-1 if none). */
function lastAtMost(items, key, x) {
  let lo = 0, hi = items.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (key(items[mid]) <= x) lo = mid + 1; else hi = mid; }
  return lo - 1;
}

/**
 * Which functions and data the module still uses once the `snipped` functions' bodies are gone:
 * a walk from `roots` (by default the exports, the start function and the symbols the linker was
 * told to keep) over the relocations. Returns {live: Set of function indices, taken: the
 * functions whose table index something live takes, liveData: [{addr, end}] of the data symbols
 * used, deadData: the same for the data symbols not used}.
 */
function walk(m, snipped, roots = null) {
  const { linking: symbols } = m;
  const code = m.relocs.CODE, data = m.relocs.DATA;
  if (!code || code.id !== 10 || (data && data.id !== 11)) throw new Error('wasm: unexpected relocation sections');
  // data symbols at their addresses; a relocation's place in the data section as an address
  const addrOf = (segment, offset) => m.segments[segment].addr + offset;
  const datums = [];
  symbols.forEach((s, i) => {
    if (s.kind === 1 && !(s.flags & SYM_UNDEFINED) && s.segment < m.segments.length) {
      const addr = addrOf(s.segment, s.offset);
      datums.push({ symbol: i, addr, end: addr + s.size });
    }
  });
  datums.sort((a, b) => a.addr - b.addr);
  const widest = datums.reduce((w, d) => Math.max(w, d.end - d.addr), 0);
  const dataRelocs = (data ? data.list : []).map((x) => {
    const seg = m.segments.find((g) => x.at >= g.start && x.at < g.end);
    if (!seg) throw new Error('wasm: a data relocation outside every segment');
    return { ...x, addr: seg.addr + (x.at - seg.start) };
  }).sort((a, b) => a.addr - b.addr);
  const bodyRelocs = m.bodies.map(() => []);
  for (const x of code.list) {
    const i = lastAtMost(m.bodies, (b) => b.start, x.at);
    if (i < 0 || x.at >= m.bodies[i].end) throw new Error('wasm: a code relocation outside every function');
    bodyRelocs[i].push(x);
  }
  // An address that only goes to a snipped function, as the last argument of its call: a panic's
  // `&Location` (file, line, column), as in `i32.const LOC; call panic_bounds_check`. The snipped
  // body never reads it, so it does not keep the datum (nor the file name it points at) alive.
  const callAt = new Map(code.list.filter((x) => x.type === 0).map((x) => [x.at, x.symbol]));
  const onlyToSnipped = (x) => {
    if (x.type !== 4 || m.buf[x.at - 1] !== 0x41) return false; // i32.const's immediate
    let end = x.at;
    while (m.buf[end] & 0x80) end++;
    const callee = callAt.get(end + 2);
    return m.buf[end + 1] === 0x10 && callee !== undefined && snipped.has(symbols[callee].index);
  };

  /** The data symbols over `addr` (a pointer into the middle of a datum keeps all of it). */
  const over = (addr) => {
    const out = [];
    for (let i = lastAtMost(datums, (d) => d.addr, addr); i >= 0 && datums[i].addr + widest >= addr; i--) {
      if (addr < datums[i].end) out.push(datums[i]);
    }
    return out;
  };

  const live = new Set(), taken = new Set(), liveSymbols = new Set(), work = [];
  const useFunction = (f) => { if (!live.has(f)) { live.add(f); work.push(['f', f]); } };
  const useDatum = (d) => { if (!liveSymbols.has(d.symbol)) { liveSymbols.add(d.symbol); work.push(['d', d]); } };
  const useAddress = (addr) => over(addr).forEach(useDatum);
  const follow = (x) => {
    const s = symbols[x.symbol];
    if (FUNCTION_RELOC.has(x.type)) {
      if (s.kind !== 0) throw new Error(`wasm: relocation type ${x.type} on a non-function symbol`);
      useFunction(s.index);
      if (TABLE_RELOC.has(x.type)) taken.add(s.index);
    } else if (DATA_RELOC.has(x.type) && s.kind === 1 && !(s.flags & SYM_UNDEFINED) && s.segment < m.segments.length) {
      const addr = addrOf(s.segment, s.offset);
      useAddress(addr);
      useAddress(addr + x.addend);
    }
  };
  for (const f of roots ?? [...m.exports, ...(m.start === null ? [] : [m.start])]) useFunction(f);
  symbols.forEach((s, i) => {
    if (!(s.flags & (SYM_EXPORTED | SYM_NO_STRIP)) || s.flags & SYM_UNDEFINED) return;
    if (s.kind === 0 && !roots) useFunction(s.index);
    if (s.kind === 1) { const d = datums.find((x) => x.symbol === i); if (d) useDatum(d); }
  });
  // a relocation in data no symbol covers: its target is used
  for (const x of dataRelocs) if (!over(x.addr).length) follow(x);
  while (work.length) {
    const [kind, what] = work.pop();
    if (kind === 'f') {
      if (what < m.imported || snipped.has(what)) continue;
      for (const x of bodyRelocs[what - m.imported]) if (!onlyToSnipped(x)) follow(x);
    } else {
      for (let i = lastAtMost(dataRelocs, (x) => x.addr, what.addr - 1) + 1; i < dataRelocs.length && dataRelocs[i].addr < what.end; i++) follow(dataRelocs[i]);
    }
  }
  const liveData = datums.filter((d) => liveSymbols.has(d.symbol));
  const deadData = datums.filter((d) => !liveSymbols.has(d.symbol) && d.end > d.addr);
  return { live, taken, liveData, deadData };
}

/** cargo's module: its bytes, parsed, and the indices of its functions to snip. */
function cargoModule(buf) {
  const m = parse(buf);
  if (m.names.size === 0) throw new Error('snip-panics: the module has no function names (build with strip = "debuginfo", not "symbols")');
  const snipped = new Set();
  m.bodies.forEach((_, i) => {
    const index = m.imported + i, name = m.names.get(index) || '';
    if (!DIVERGING.some((re) => re.test(name))) return;
    if (m.typeResults[m.funcType[index]] !== 0) throw new Error(`snip-panics: ${name} returns a value; it is not a diverging function`);
    snipped.add(index);
  });
  if (snipped.size === 0) throw new Error('snip-panics: no panic entry point matched (did std rename them?)');
  if (!m.linking || !m.relocs.CODE) throw new Error('snip-panics: the module has no relocations (link with -C link-arg=--emit-relocs, as scripts/build.sh does)');
  return { buf, m, snipped };
}

/** The element section: one active segment at `offset`, holding `entries`. */
function elemSection(offset, entries) {
  const bytes = Uint8Array.from([1, 0, 0x41, ...sleb(offset), 0x0b, ...leb(entries.length), ...entries.flatMap((f) => leb(f))]);
  return [Uint8Array.of(9, ...leb(bytes.length)), bytes];
}

/** The first pass, on `cargo` (see cargoModule): the snipped module, and what it dropped. */
function snipPanics(cargo) {
  const { buf, m, snipped } = cargo;
  const { live, liveData, deadData } = walk(m, snipped);
  const filler = Math.min(...snipped); // a body that is `unreachable`; never called from a dead slot
  const dead = [];
  const elem = m.elem.entries.map((f) => (live.has(f) ? f : (dead.push(f), filler)));
  // bytes of dead data symbols that no live symbol overlaps
  const zero = new Uint8Array(buf.length);
  const toFile = (addr) => { const g = m.segments.find((s) => addr >= s.addr && addr < s.addr + (s.end - s.start)); return g ? g.start + (addr - g.addr) : -1; };
  for (const d of deadData) for (let a = d.addr; a < d.end; a++) { const p = toFile(a); if (p >= 0) zero[p] = 1; }
  for (const d of liveData) for (let a = d.addr; a < d.end; a++) { const p = toFile(a); if (p >= 0) zero[p] = 0; }
  let zeroed = 0;

  const parts = [buf.subarray(0, 8)];
  const section = (id, bytes) => parts.push(Uint8Array.of(id, ...leb(bytes.length)), bytes);
  for (const s of m.all) {
    if (s.id === 0) {
      const name = new Reader(buf, s.start).name();
      if (name === 'linking' || name.startsWith('reloc.')) continue;
    }
    if (s.id === 10) {
      const bodies = [Uint8Array.from(leb(m.bodies.length))];
      m.bodies.forEach((b, i) => {
        if (snipped.has(m.imported + i)) bodies.push(Uint8Array.of(3, 0, 0x00, 0x0b)); // size 3: no locals, unreachable, end
        else bodies.push(buf.subarray(b.head, b.end));
      });
      section(10, Buffer.concat(bodies));
    } else if (s.id === 9) {
      parts.push(...elemSection(m.elem.offset, elem)); // its function indices redirected
    } else if (s.id === 11) {
      // the data with dead symbols zeroed (wasm-opt drops the runs of zeros)
      const out = Uint8Array.from(buf.subarray(s.start, s.end));
      for (let i = 0; i < out.length; i++) if (zero[s.start + i] && out[i]) { out[i] = 0; zeroed++; }
      section(11, out);
    } else {
      parts.push(buf.subarray(s.head, s.end));
    }
  }
  return {
    wasm: Buffer.concat(parts), names: m.names, live, imported: m.imported,
    snipped: [...snipped].map((i) => m.names.get(i)),
    slots: dead.length, slotNames: dead.map((f) => m.names.get(f)), zeroed, filler,
  };
}

/** Signed LEB128. */
function sleb(v) {
  const out = [];
  for (let more = true; more;) {
    const b = v & 0x7f;
    v >>= 7;
    more = !((v === 0 && !(b & 0x40)) || (v === -1 && b & 0x40));
    out.push(more ? b | 0x80 : b);
  }
  return out;
}

/**
 * binaryen's walk of `wasm` (--remove-unused-module-elements: from the exports, the start function
 * and every table entry, over calls) must keep only functions this script's walk found live; a
 * function it keeps that the relocations called dead means an edge the relocations did not show.
 */
function crossCheck(wasm, result) {
  const dir = mkdtempSync(join(tmpdir(), 'snip-'));
  try {
    const inFile = join(dir, 'in.wasm'), outFile = join(dir, 'out.wasm');
    writeFileSync(inFile, wasm);
    const wasmOpt = fileURLToPath(new URL('../node_modules/.bin/wasm-opt', import.meta.url));
    execFileSync(wasmOpt, ['--detect-features', '-g', '--remove-unused-module-elements', inFile, '-o', outFile], { stdio: ['ignore', 'ignore', 'inherit'] });
    const kept = parse(readFileSync(outFile));
    // Names are not unique (local symbols of different codegen units); binaryen tells same-named
    // functions apart with a suffix `_N`. So: no more kept under a name than found live under it.
    const count = (map, name) => map.set(name, (map.get(name) || 0) + 1);
    const liveNames = new Map(), keptNames = new Map(), known = new Set(result.names.values());
    for (const f of [...result.live, result.filler]) if (f >= result.imported) count(liveNames, result.names.get(f));
    for (let i = 0; i < kept.bodies.length; i++) {
      const name = kept.names.get(kept.imported + i);
      if (name !== undefined) count(keptNames, known.has(name) ? name : name.replace(/_\d+$/, ''));
    }
    const missed = [...keptNames].filter(([name, n]) => n > (liveNames.get(name) || 0)).map(([name]) => name);
    if (missed.length) throw new Error(`snip-panics: binaryen keeps ${missed.length} function(s) the relocations called dead: ${missed.slice(0, 5).join(', ')}`);
    return kept.bodies.length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The second pass, on wasm-bindgen's output `bindgen` of the module snipped from `cargo`.
 * wasm-bindgen reads the table while it runs each import's `__wbindgen_describe_*` function
 * (a closure's descriptor names its `invoke` by table index), then drops those functions. The
 * table entries only they took (the invokes of js-sys's closure-taking imports this crate never
 * calls, js-sys's JSPI waker) are then unused: each is pointed at the snipped body, as above, when
 * nothing in the output takes its index. "Nothing" by cargo's relocations: the walk starts from
 * every function of the output that cargo's module has (by name); a function wasm-bindgen wrote
 * itself or exports keeps its entry.
 */
function afterBindgen(cargo, bindgen) {
  const { m: a, snipped } = cargo;
  const b = parse(bindgen);
  if (!b.elem) return { wasm: bindgen, slots: [] };
  const present = new Set(b.names.values());
  const roots = [...a.names].filter(([i, name]) => i >= a.imported && present.has(name)).map(([i]) => i);
  const { taken } = walk(a, snipped, roots);
  const cargoNames = new Set([...a.names].filter(([i]) => i >= a.imported).map(([, n]) => n));
  const takenNames = new Set([...taken].map((f) => a.names.get(f)));
  const fillerName = a.names.get(Math.min(...snipped));
  const filler = [...b.names].find(([i, n]) => i >= b.imported && n === fillerName)?.[0];
  if (filler === undefined) throw new Error('snip-panics: the snipped body is not in the table of wasm-bindgen\'s module');
  const exported = new Set(b.exports);
  // what this pass was written for (a closure's `invoke`, wasm-bindgen's runtime stubs); anything
  // else stops the build for a look rather than being dropped on this walk's word alone
  const EXPECTED = /^_ZN12wasm_bindgen(7convert8closures.*6invoke|4__rt\d+\w+)17h[0-9a-f]{16}E$/;
  const slots = [];
  const entries = b.elem.entries.map((f) => {
    const name = b.names.get(f);
    if (f === filler || exported.has(f) || !cargoNames.has(name) || takenNames.has(name)) return f;
    if (!EXPECTED.test(name)) throw new Error(`snip-panics, after wasm-bindgen: ${name} would lose its table entry; only wasm-bindgen's closure invokes and runtime stubs are expected to`);
    slots.push(name);
    return filler;
  });
  if (!slots.length) return { wasm: bindgen, slots };
  const parts = [bindgen.subarray(0, 8)];
  for (const s of b.all) parts.push(...(s.id === 9 ? elemSection(b.elem.offset, entries) : [bindgen.subarray(s.head, s.end)]));
  return { wasm: Buffer.concat(parts), slots };
}

const [raw, outDir, outName, ...bindgenFlags] = process.argv.slice(2);
if (!raw || !outDir || !outName) {
  console.error('usage: node scripts/snip-panics.mjs CARGO.wasm OUT_DIR OUT_NAME [wasm-bindgen flag...]');
  process.exit(2);
}
const cargo = cargoModule(readFileSync(raw));
const result = snipPanics(cargo);
await WebAssembly.compile(result.wasm); // still a valid module
const kept = crossCheck(result.wasm, result);
console.log(`==> replaced ${result.snipped.length} panic entry points with unreachable; ` +
  `${result.slots} table entries and ${result.zeroed} B of data only they used dropped (${kept} functions left)`);
if (process.env.SNIP_VERBOSE) for (const n of [...result.snipped, '-- table entries:', ...result.slotNames]) console.log(`    ${n}`);

// wasm-bindgen, names kept mangled (--no-demangle) so that the second pass finds cargo's
const dir = mkdtempSync(join(tmpdir(), 'snip-'));
try {
  const snippedFile = join(dir, `${outName}.wasm`);
  writeFileSync(snippedFile, result.wasm);
  console.log(`==> wasm-bindgen --target web -> ${join(outDir, outName)}.js, ${outName}_bg.wasm`);
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--no-demangle', ...bindgenFlags,
    '--out-dir', outDir, '--out-name', outName, snippedFile], { stdio: 'inherit' });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const module = join(outDir, `${outName}_bg.wasm`);
const after = afterBindgen(cargo, readFileSync(module));
await WebAssembly.compile(after.wasm);
writeFileSync(module, after.wasm);
console.log(`==> ${after.slots.length} table entries only wasm-bindgen's descriptors used dropped`);
if (process.env.SNIP_VERBOSE) for (const n of after.slots) console.log(`    ${n}`);
