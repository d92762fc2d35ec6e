#!/usr/bin/env node
// Shortens the names the wasm module and its wasm-bindgen glue share (scripts/build.sh runs this
// after wasm-opt, before minifying): the import module "./newschart_wasm_bg.js" becomes "a", each
// import (`__wbg_set_textBaseline_ff2e3c5c84684b23` ...) and each export but `memory`
// (`chart_draw`, `__wbindgen_malloc` ...) a name of one or two letters. Both files are rewritten
// consistently: the wasm's import and export sections (parsed, LEB128 lengths re-encoded) and the
// glue's import object keys and `wasm.<export>` uses. `memory` keeps its name: view.js reads it
// from the instance's exports.
//
//   node scripts/shorten-names.mjs GLUE.js MODULE.wasm     # rewrites both in place
//   node scripts/shorten-names.mjs GLUE.js MODULE.wasm OTHER.wasm ...   # and modules sharing the glue
//
// Fails, leaving both files as they were, when an old name would remain in the glue or when the
// rewritten pair no longer instantiates in node where the original pair did.
// (binaryen's --minify-imports-and-exports-and-modules does the wasm half and prints the mapping
// as JSON on stdout, but renames `memory` too and leaves the glue to be rewritten all the same.)

import { readFileSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const KEEP_EXPORTS = new Set(['memory']);
const MODULE = 'a';

/** Short names: a..z, A..Z, then two letters. Valid JS identifiers and object keys. */
function* shortNames() {
  const first = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const c of first) yield c;
  for (const c of first) for (const d of first + '0123456789') yield c + d;
}

const text = new TextDecoder('utf-8', { fatal: true });
const utf8 = new TextEncoder();

/** Unsigned LEB128. */
export function leb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return out;
}

/** Reads a wasm module's bytes from `pos` (scripts/snip-panics.mjs reads with it too). */
export class Reader {
  constructor(buf, pos = 0) { this.buf = buf; this.pos = pos; }
  byte() {
    if (this.pos >= this.buf.length) throw new Error('wasm: unexpected end');
    return this.buf[this.pos++];
  }
  u32() {
    let n = 0, shift = 0, b;
    do { b = this.byte(); n += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return n;
  }
  /** A signed LEB128 of up to 32 bits (an i32.const's operand, a relocation's addend). */
  s32() {
    let n = 0, shift = 0, b;
    do { b = this.byte(); n |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
    return shift < 32 && (b & 0x40) ? n | (-1 << shift) : n;
  }
  name() {
    const len = this.u32();
    const s = text.decode(this.buf.subarray(this.pos, this.pos + len));
    this.pos += len;
    return s;
  }
  limits() {
    const flags = this.byte();
    this.u32();
    if (flags & 1) this.u32();
  }
  /** An import's descriptor, skipped: its kind, and for a function (kind 0) its type index. */
  importDesc() {
    const kind = this.byte();
    if (kind === 0) return { kind, type: this.u32() }; // function: type index
    if (kind === 1) { this.byte(); this.limits(); } // table: reference type, limits
    else if (kind === 2) this.limits(); // memory
    else if (kind === 3) { this.byte(); this.byte(); } // global: value type, mutability
    else if (kind === 4) { this.byte(); this.u32(); } // tag: attribute, type index
    else throw new Error(`wasm: import kind ${kind}`);
    return { kind };
  }
}

/** A module's sections: id, where the body starts and ends, and where the section's header starts. */
export function sections(wasm) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const r = new Reader(wasm, 8);
  const out = [];
  while (r.pos < wasm.length) {
    const head = r.pos;
    const id = r.byte();
    const size = r.u32();
    out.push({ id, head, start: r.pos, end: r.pos + size });
    r.pos += size;
  }
  return out;
}

const nameBytes = (s) => { const b = utf8.encode(s); return [...leb(b.length), ...b]; };

/** The module with its import and export names replaced. */
function rewriteWasm(wasm, importName, exportName) {
  const out = [wasm.subarray(0, 8)];
  for (const { id, head, start, end } of sections(wasm)) {
    if (id !== 2 && id !== 7) {
      out.push(wasm.subarray(head, end));
      continue;
    }
    const s = new Reader(wasm, start);
    const bytes = [];
    const count = s.u32();
    bytes.push(...leb(count));
    for (let i = 0; i < count; i++) {
      if (id === 2) {
        const mod = s.name();
        const name = s.name();
        const descStart = s.pos;
        s.importDesc();
        const [m, n] = importName(mod, name);
        bytes.push(...nameBytes(m), ...nameBytes(n), ...wasm.subarray(descStart, s.pos));
      } else {
        const name = s.name();
        const descStart = s.pos;
        s.byte();
        s.u32();
        bytes.push(...nameBytes(exportName(name)), ...wasm.subarray(descStart, s.pos));
      }
    }
    if (s.pos !== end) throw new Error(`wasm: section ${id} has ${end - s.pos} bytes left over`);
    const body = Buffer.from(bytes);
    out.push(Buffer.from([id, ...leb(body.length)]), body);
  }
  return Buffer.concat(out);
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Node can instantiate the module through this glue: null, or why not. */
async function tryInit(gluePath, module, tag) {
  try {
    const g = await import(`${pathToFileURL(gluePath).href}?${tag}`);
    g.initSync({ module });
    return null;
  } catch (e) {
    return String((e && e.message) || e);
  }
}

/** The names a module shares with its glue: each import's module and name, each export's name. */
const iface = (m) => JSON.stringify([WebAssembly.Module.imports(m).map((i) => [i.module, i.name, i.kind]),
  WebAssembly.Module.exports(m).map((e) => [e.name, e.kind])]);

/**
 * Shortens the names `wasmPath` and its glue share; `others`: modules that share the same glue
 * (the same imports and exports: the readers' large module), renamed the same way.
 */
export async function shorten(gluePath, wasmPath, others = []) {
  const wasm = readFileSync(wasmPath);
  let glue = readFileSync(gluePath, 'utf8');
  const before = new WebAssembly.Module(wasm);
  const imports = WebAssembly.Module.imports(before);
  const exports = WebAssembly.Module.exports(before).map((e) => e.name).filter((n) => !KEEP_EXPORTS.has(n));
  const modules = [...new Set(imports.map((i) => i.module))];
  if (modules.length !== 1) throw new Error(`expected one import module, found ${JSON.stringify(modules)}`);

  const importMap = new Map();
  const names = shortNames();
  for (const { name } of imports) if (!importMap.has(name)) importMap.set(name, names.next().value);
  // exports used most often in the glue get the shortest names
  const uses = (n) => (glue.match(new RegExp(`\\bwasm\\.${escape(n)}\\b`, 'g')) || []).length;
  const exportMap = new Map();
  const enames = shortNames();
  for (const n of [...exports].sort((a, b) => uses(b) - uses(a))) exportMap.set(n, enames.next().value);

  // the glue: the module key, the import object's keys, `wasm.<export>`
  const moduleKey = JSON.stringify(modules[0]);
  if (glue.split(moduleKey).length !== 2) throw new Error(`the glue names ${moduleKey} other than once`);
  glue = glue.replace(moduleKey, JSON.stringify(MODULE));
  for (const [from, to] of importMap) glue = glue.replace(new RegExp(`\\b${escape(from)}(?=\\s*:)`, 'g'), to);
  for (const [from, to] of exportMap) glue = glue.replace(new RegExp(`\\bwasm\\.${escape(from)}\\b`, 'g'), `wasm.${to}`);
  // (an import's name is unique, hash and all; an export's may also name a JS function: `start`)
  const left = [...importMap.keys()].filter((n) => new RegExp(`\\b${escape(n)}\\b`).test(glue))
    .concat([...exportMap.keys()].filter((n) => new RegExp(`\\bwasm\\.${escape(n)}\\b`).test(glue)));
  if (/\bwasm\[/.test(glue)) throw new Error('the glue reads wasm[...]: exports named by expression cannot be renamed');
  if (left.length) throw new Error(`the glue still names ${left.join(', ')}`);

  const rewrite = (w) => rewriteWasm(w, (_, n) => [MODULE, importMap.get(n)], (n) => exportMap.get(n) ?? n);
  const all = [[wasmPath, wasm, before], ...others.map((p) => {
    const w = readFileSync(p);
    const m = new WebAssembly.Module(w);
    if (iface(m) !== iface(before)) throw new Error(`${p} does not have ${wasmPath}'s imports and exports: one glue cannot serve both`);
    return [p, w, m];
  })].map(([p, w, m]) => [p, rewrite(w), m]);
  const tmpGlue = `${gluePath}.short.js`;
  writeFileSync(tmpGlue, glue);
  try {
    for (const [p, after, m] of all) {
      const errBefore = await tryInit(gluePath, m, `before-${p}`);
      const errAfter = await tryInit(tmpGlue, new WebAssembly.Module(after), `after-${p}`);
      if (errBefore === null && errAfter !== null) throw new Error(`the renamed ${p} does not instantiate: ${errAfter}`);
    }
    for (const [p, after] of all) writeFileSync(p, after);
    renameSync(tmpGlue, gluePath);
  } finally {
    rmSync(tmpGlue, { force: true });
  }
  return { imports: importMap.size, exports: exportMap.size, saved: wasm.length - all[0][1].length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [gluePath, wasmPath, ...others] = process.argv.slice(2);
  if (!gluePath || !wasmPath) {
    console.error('usage: node scripts/shorten-names.mjs GLUE.js MODULE.wasm [MODULE.wasm ...]');
    process.exit(2);
  }
  try {
    const r = await shorten(gluePath, wasmPath, others);
    console.log(`==> shortened ${r.imports} import and ${r.exports} export names (${r.saved} B of wasm)`);
  } catch (e) {
    console.error(`==> ERROR: shorten-names: ${e.message}`);
    process.exit(1);
  }
}
