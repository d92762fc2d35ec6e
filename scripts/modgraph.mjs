#!/usr/bin/env node
// Prints the crate's module graph and exits 1 when it has a cycle (the cycle printed).
//
//   node scripts/modgraph.mjs
//
// Reads every `crate::…`, `super::…` and `self::…` path (and, in a mod.rs, paths through its own
// child modules) in src/**/*.rs, leaving out src/bin/ (the CLI sits on top of the library) and
// `#[cfg(test)]` modules. Two graphs are checked:
//   - between top-level modules (feed, normalize, layout, …; `crate` is lib.rs's own items);
//   - between the sibling submodules of each module (format::decimal, format::shortest, …).
//     A module's mod.rs (its facade, which calls its children) is printed but not part of the
//     cycle check: a child may use the types its parent declares.
// A path to a name that a mod.rs re-exports (`pub use child::name`) counts as a path to the child.
// Dependencies should point down the pipeline only (ARCHITECTURE.md); shared leaves (geom, text,
// digits, platform) depend on nothing of ours but each other.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (relative(SRC, p) !== 'bin') out.push(...walk(p));
    } else if (name.endsWith('.rs')) out.push(p);
  }
  return out;
}

// src/format/decimal.rs -> format::decimal; src/format/mod.rs -> format; src/lib.rs -> crate
function moduleOf(file) {
  const parts = relative(SRC, file).slice(0, -3).split(sep);
  if (parts.at(-1) === 'mod') parts.pop();
  if (parts.length === 1 && parts[0] === 'lib') return 'crate';
  return parts.join('::');
}

// Comments, strings and #[cfg(test)] modules out: only code counts.
function code(text) {
  let s = '';
  for (let i = 0; i < text.length; ) {
    const c = text[i], rest = text.slice(i, i + 2);
    if (rest === '//') { while (i < text.length && text[i] !== '\n') i++; continue; }
    if (rest === '/*') { const e = text.indexOf('*/', i + 2); i = e < 0 ? text.length : e + 2; continue; }
    const raw = /^b?r(#*)"/.exec(text.slice(i, i + 12));
    if (raw && !/\w/.test(text[i - 1] ?? '')) {
      const end = text.indexOf('"' + raw[1], i + raw[0].length);
      s += '""'; i = end < 0 ? text.length : end + 1 + raw[1].length; continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      s += '""'; i = j + 1; continue;
    }
    // a char literal ('a', '\n', '\u{..}'), not a lifetime ('a)
    const ch = /^'(?:[^'\\\n]|\\[^']*?)'/.exec(text.slice(i, i + 12));
    if (c === "'" && ch) { s += "' '"; i += ch[0].length; continue; }
    s += c; i++;
  }
  // drop `#[cfg(test)] mod name { … }` by brace matching
  for (;;) {
    const m = /#\[cfg\((?:test|all\([^)]*\btest\b[^)]*\))\)\]\s*(?:pub\s+)?mod\s+\w+\s*\{/.exec(s);
    if (!m) break;
    let depth = 0, i = m.index + m[0].length - 1;
    for (; i < s.length; i++) {
      if (s[i] === '{') depth++;
      else if (s[i] === '}' && --depth === 0) break;
    }
    s = s.slice(0, m.index) + s.slice(i + 1);
  }
  // inside an inline `mod name { … }`, `super::` is the file's own module
  const inline = /\bmod\s+\w+\s*\{/g;
  for (let m; (m = inline.exec(s)); ) {
    let depth = 0, i = m.index + m[0].length - 1;
    for (; i < s.length; i++) {
      if (s[i] === '{') depth++;
      else if (s[i] === '}' && --depth === 0) break;
    }
    const body = s.slice(m.index + m[0].length, i).replace(/\bsuper::/g, 'self::');
    s = s.slice(0, m.index + m[0].length) + body + s.slice(i);
  }
  return s;
}

// `use a::{b, c::{d, e}}` -> ['a::b', 'a::c::d', 'a::c::e']
function expandUse(tree) {
  tree = tree.replace(/\s+/g, '');
  const open = tree.indexOf('{');
  if (open < 0) return [tree.replace(/::self$/, '').replace(/\bas\w+$/, '')];
  const prefix = tree.slice(0, open);
  const inner = tree.slice(open + 1, tree.lastIndexOf('}'));
  const items = [];
  let depth = 0, start = 0;
  for (let i = 0; i <= inner.length; i++) {
    const c = inner[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if ((c === ',' || i === inner.length) && depth === 0) {
      const item = inner.slice(start, i);
      if (item) items.push(item);
      start = i + 1;
    }
  }
  return items.flatMap((it) => (it === 'self' ? [prefix.replace(/::$/, '')] : expandUse(prefix + it)));
}

const files = walk(SRC);
const modules = new Map(); // name -> { code, children, reexports }
for (const f of files) modules.set(moduleOf(f), { code: code(readFileSync(f, 'utf8')) });

for (const [name, m] of modules) {
  const prefix = name === 'crate' ? '' : name + '::';
  m.children = new Set([...modules.keys()].filter((k) => k.startsWith(prefix) && k !== name && !k.slice(prefix.length).includes('::')));
  if (name !== 'crate') m.children = new Set([...m.children].map((k) => k.slice(prefix.length)));
  else m.children = new Set([...modules.keys()].filter((k) => k !== 'crate' && !k.includes('::')));
  // pub use child::{a, b} / pub use child::a / pub use child::*
  m.reexports = new Map();
  for (const u of m.code.matchAll(/pub(?:\([^)]*\))?\s+use\s+([^;]+);/g)) {
    for (const p of expandUse(u[1])) {
      const segs = p.replace(/^self::/, '').split('::');
      if (segs.length >= 2 && m.children.has(segs[0])) m.reexports.set(segs.at(-1).replace(/\bas\b.*/, ''), segs[0]);
    }
  }
}

// absolute path segments -> the module file that defines the item
function resolve(segs) {
  let mod = 'crate', i = 0;
  for (; i < segs.length; i++) {
    const next = mod === 'crate' ? segs[i] : mod + '::' + segs[i];
    if (modules.has(next)) mod = next;
    else break;
  }
  if (i < segs.length) {
    const via = modules.get(mod).reexports.get(segs[i]);
    if (via) mod = mod === 'crate' ? via : mod + '::' + via;
  }
  return mod;
}

function absolute(from, path) {
  let segs = path.split('::').filter(Boolean);
  let base = from === 'crate' ? [] : from.split('::');
  const isModFile = modules.get(from).children.size > 0 || !from.includes('::');
  if (segs[0] === 'crate') return segs.slice(1);
  if (segs[0] === 'self') return [...base, ...segs.slice(1)];
  if (segs[0] === 'super') {
    while (segs[0] === 'super') { base = base.slice(0, -1); segs = segs.slice(1); }
    return [...base, ...segs];
  }
  return isModFile ? [...base, ...segs] : null;
}

const edges = new Map(); // module -> Set(module)
for (const [name, m] of modules) {
  const out = new Set();
  const paths = [];
  for (const u of m.code.matchAll(/\buse\s+([^;]+);/g)) paths.push(...expandUse(u[1]));
  const body = m.code.replace(/\buse\s+[^;]+;/g, '');
  for (const p of body.matchAll(/\b(?:crate|super|self)(?:::\w+)+/g)) paths.push(p[0]);
  // a mod.rs naming its own child: `child::item`
  for (const p of body.matchAll(/(?<![\w:])(\w+)(?:::\w+)+/g)) if (m.children.has(p[1])) paths.push('self::' + p[0]);
  for (const p of paths) {
    if (!/^(crate|super|self)\b/.test(p) && !m.children.has(p.split('::')[0])) continue;
    const abs = absolute(name, /^(crate|super|self)\b/.test(p) ? p : 'self::' + p);
    if (!abs) continue;
    const to = resolve(abs);
    if (to !== name) out.add(to);
  }
  edges.set(name, out);
}

const top = (m) => m.split('::')[0];

// Tarjan's strongly connected components; returns the components with more than one node
function cycles(nodes, next) {
  let index = 0;
  const idx = new Map(), low = new Map(), on = new Set(), stack = [], found = [];
  const visit = (v) => {
    idx.set(v, index); low.set(v, index); index++;
    stack.push(v); on.add(v);
    for (const w of next(v)) {
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do { w = stack.pop(); on.delete(w); comp.push(w); } while (w !== v);
      if (comp.length > 1) found.push(comp.reverse());
    }
  };
  for (const v of nodes) if (!idx.has(v)) visit(v);
  return found;
}

// one path around a component, for the message: a -> b -> … -> a
function loop(comp, next) {
  const inComp = new Set(comp);
  const start = comp[0];
  const prev = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const v = queue.shift();
    for (const w of next(v)) {
      if (!inComp.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u = v; u !== start; u = prev.get(u)) path.splice(1, 0, u);
        return [...path, start].join(' -> ');
      }
      if (!prev.has(w)) { prev.set(w, v); queue.push(w); }
    }
  }
  return comp.join(', ');
}

// the top-level graph
const topNodes = [...new Set([...modules.keys()].map(top))].sort();
const topEdges = new Map(topNodes.map((t) => [t, new Set()]));
for (const [from, tos] of edges) for (const to of tos) if (top(from) !== top(to)) topEdges.get(top(from)).add(top(to));

console.log('top-level modules (a -> what it uses):');
for (const t of topNodes) console.log(`  ${t.padEnd(10)} -> ${[...topEdges.get(t)].sort().join(', ') || '(nothing)'}`);

const problems = [];
for (const c of cycles(topNodes, (v) => topEdges.get(v))) problems.push(`cycle among {${c.join(', ')}}: ` + loop(c, (v) => topEdges.get(v)));

// the submodules of each module
console.log('\nsubmodules (within each module; its mod.rs shown as the module itself):');
for (const t of topNodes) {
  const subs = [...modules.keys()].filter((k) => k.startsWith(t + '::')).sort();
  if (!subs.length) continue;
  const inside = (v) => [...edges.get(v)].filter((w) => top(w) === t);
  for (const s of [t, ...subs]) {
    const to = inside(s).sort();
    console.log(`  ${s.padEnd(20)} -> ${to.join(', ') || '(nothing)'}`);
  }
  const sibling = (v) => inside(v).filter((w) => w !== t);
  for (const c of cycles(subs, sibling)) problems.push(`cycle among {${c.join(', ')}}: ` + loop(c, sibling));
}

if (problems.length) {
  console.error('\n' + problems.join('\n'));
  process.exit(1);
}
console.log('\nno cycles');
