// A small W3C WebDriver client over node's fetch, and launchers for the three engines' system
// browsers and drivers: Chromium (chromedriver), Firefox ESR (geckodriver) and WebKitGTK
// (WebKitWebDriver driving MiniBrowser inside a private Xvfb display).
//
// No npm dependency, and nothing here ever downloads a browser or a driver: every binary is the
// one scripts/setup.sh installed (override with CHROMIUM, CHROMEDRIVER, FIREFOX, GECKODRIVER,
// WEBKITWEBDRIVER, MINIBROWSER). Every process is started in its own process group and the whole
// group is killed on stop(), on exit and on SIGINT/SIGTERM, so a failing test leaves no browser,
// driver or X server behind.

import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

// --- process groups: started here, always cleaned up -------------------------------------------

const groups = new Set(); // pids of process-group leaders we started

function killGroup(pid, signal) {
  try { process.kill(-pid, signal); } catch { /* already gone */ }
}

process.on('exit', () => { for (const pid of groups) killGroup(pid, 'SIGKILL'); });
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    for (const pid of groups) killGroup(pid, 'SIGKILL');
    process.exit(128 + (sig === 'SIGINT' ? 2 : 15));
  });
}

/** Spawns `cmd` as the leader of a new process group; returns { proc, output(), stop() }. */
export function spawnGroup(cmd, args, { env = process.env, stdio = ['ignore', 'pipe', 'pipe'], cwd } = {}) {
  const proc = spawn(cmd, args, { env, stdio, cwd, detached: true });
  let out = '';
  const keep = (d) => { out += d; if (out.length > 200000) out = out.slice(-100000); };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  let exited = false;
  const exit = new Promise((ok) => proc.once('exit', (code, signal) => { exited = true; ok({ code, signal }); }));
  proc.once('error', (e) => { keep(`spawn ${cmd}: ${e.message}\n`); exited = true; });
  if (proc.pid) groups.add(proc.pid);
  return {
    proc,
    exit,
    get exited() { return exited; },
    output: () => out,
    async stop() {
      if (!proc.pid) return;
      if (!exited) {
        killGroup(proc.pid, 'SIGTERM');
        const done = await Promise.race([exit.then(() => true), sleep(5000).then(() => false)]);
        if (!done) killGroup(proc.pid, 'SIGKILL');
      }
      // the leader may be gone while a child (a browser) still runs in its group
      killGroup(proc.pid, 'SIGKILL');
      groups.delete(proc.pid);
    },
  };
}

/** A free TCP port on 127.0.0.1 (the kernel picks; tiny race until the driver binds it). */
export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => ok(port)); });
  });
}

/**
 * Polls `fn` until it returns a truthy value (returned) or `timeout` ms pass (throws). `abort`,
 * when given, is asked before every try: a truthy answer (a reason) ends the wait at once.
 */
export async function until(fn, { timeout = 10000, interval = 100, message = 'condition', abort } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    const stop = abort?.();
    if (stop) throw new Error(`gave up waiting for ${message}: ${stop}`);
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) {
      const why = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeout} ms waiting for ${message} (last: ${why})`);
    }
    await sleep(interval);
  }
}

function which(name) {
  const dirs = (process.env.PATH || '').split(delimiter);
  dirs.push(join(process.env.CARGO_HOME || join(process.env.HOME || '/root', '.cargo'), 'bin'));
  for (const d of dirs) if (d && existsSync(join(d, name))) return join(d, name);
  return null;
}

// --- the engines --------------------------------------------------------------------------------

const MINIBROWSER_CANDIDATES = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
  '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
];

/** How to start each engine's driver and which capabilities its session needs. */
export const ENGINES = {
  chromium: {
    label: 'Chromium',
    driver: () => process.env.CHROMEDRIVER || '/usr/bin/chromedriver',
    args: (port) => [`--port=${port}`],
    capabilities: () => ({
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: process.env.CHROMIUM || '/usr/bin/chromium',
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
          '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
          '--window-size=1000,900'],
      },
    }),
  },
  firefox: {
    label: 'Firefox',
    driver: () => process.env.GECKODRIVER || which('geckodriver') || 'geckodriver',
    args: (port) => ['--port', String(port), '--host', '127.0.0.1'],
    capabilities: () => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: process.env.FIREFOX || '/usr/bin/firefox-esr',
        args: ['-headless', '--width=1000', '--height=900'],
        prefs: { 'app.update.enabled': false, 'browser.shell.checkDefaultBrowser': false },
      },
    }),
  },
  webkit: {
    label: 'WebKitGTK',
    driver: () => process.env.WEBKITWEBDRIVER || '/usr/bin/WebKitWebDriver',
    args: (port) => [`--port=${port}`],
    // MiniBrowser has no headless mode and hangs without an X display: it gets a private Xvfb.
    display: true,
    // WebKitGTK 2.50's web process sometimes dies on its first paint here: Skia's SkSL compiler
    // rejects its own built-in code ("integer is too large: 2"), in about 3% of launches, with
    // the GPU or the CPU renderer alike. The web process prints Skia's "fatal error" line and
    // MiniBrowser "WebProcess CRASHED", both through the driver's stderr.
    crash: /WebProcess CRASHED|skia\/.*fatal error|sksl_shared/,
    capabilities: () => {
      const binary = process.env.MINIBROWSER || MINIBROWSER_CANDIDATES.find((p) => existsSync(p));
      const caps = { browserName: 'MiniBrowser' };
      // without a binary WebKitWebDriver falls back to its built-in MiniBrowser path
      if (binary) caps['webkitgtk:browserOptions'] = { binary, args: ['--automation'] };
      return caps;
    },
  },
};

/** Starts an Xvfb on a display number it picks itself (-displayfd: no race with other runs). */
export async function startXvfb() {
  const xvfb = which('Xvfb') || '/usr/bin/Xvfb';
  if (!existsSync(xvfb)) throw new Error('Xvfb is not installed (apt-get install xvfb; scripts/setup.sh does)');
  const g = spawnGroup(xvfb, ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  let num = '';
  g.proc.stdio[3].on('data', (d) => { num += d; });
  await until(() => /\d+\s/.test(num) || g.exited, { timeout: 15000, message: 'Xvfb to report its display' });
  if (g.exited) throw new Error(`Xvfb exited: ${g.output()}`);
  return { display: `:${num.trim()}`, stop: () => g.stop() };
}

/**
 * Starts the engine's WebDriver on a free port (and Xvfb when the engine needs a display).
 * Returns { url, stop(), output() }.
 */
export async function startDriver(name) {
  const engine = ENGINES[name];
  if (!engine) throw new Error(`unknown engine ${name}; one of ${Object.keys(ENGINES).join(', ')}`);
  const bin = engine.driver();
  if (!existsSync(bin)) throw new Error(`${engine.label}: driver ${bin} not found (run bash scripts/setup.sh)`);
  let xvfb = null;
  const env = { ...process.env };
  if (engine.display) {
    xvfb = await startXvfb();
    env.DISPLAY = xvfb.display;
  }
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const g = spawnGroup(bin, engine.args(port), { env });
    const url = `http://127.0.0.1:${port}`;
    try {
      await until(async () => {
        if (g.exited) throw new Error(`driver exited: ${g.output()}`);
        const r = await fetch(`${url}/status`, { signal: AbortSignal.timeout(2000) });
        return r.ok;
      }, { timeout: 15000, interval: 100, message: `${bin} to listen on ${port}` });
      return {
        url,
        output: () => g.output(),
        /** The driver's log line that says the browser crashed, or null. */
        crashed() {
          if (!engine.crash) return null;
          const line = g.output().split('\n').find((l) => engine.crash.test(l));
          return line ? line.trim().slice(0, 300) : null;
        },
        async stop() { await g.stop(); await xvfb?.stop(); },
      };
    } catch (e) {
      lastError = e;
      await g.stop();
    }
  }
  await xvfb?.stop();
  throw lastError;
}

// --- the W3C WebDriver protocol -----------------------------------------------------------------

export class WebDriverError extends Error {
  constructor(status, error, message, command) {
    super(`${command}: ${error}: ${message}`);
    this.status = status;
    this.error = error;
  }
}

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** W3C key codes for the Actions API. */
export const KEYS = { ArrowRight: '\uE014', ArrowLeft: '\uE012', Home: '\uE011', End: '\uE010', Escape: '\uE00C', Tab: '\uE004' };

export class Session {
  constructor(base, id, capabilities) {
    this.base = base;
    this.id = id;
    this.capabilities = capabilities;
    /** Asked by waitFor() before every poll: a reason to stop waiting (a crashed browser), or null. */
    this.abort = null;
  }

  static async create(base, alwaysMatch, { timeout = 60000 } = {}) {
    const value = await request(base, 'POST', '/session', { capabilities: { alwaysMatch, firstMatch: [{}] } }, timeout);
    return new Session(base, value.sessionId, value.capabilities);
  }

  get browserName() { return this.capabilities.browserName; }
  get browserVersion() { return this.capabilities.browserVersion; }

  cmd(method, path, body, timeout = 60000) {
    return request(this.base, method, `/session/${this.id}${path}`, body, timeout);
  }

  navigate(url) { return this.cmd('POST', '/url', { url }); }
  title() { return this.cmd('GET', '/title'); }
  setWindowRect(rect) { return this.cmd('POST', '/window/rect', rect); }
  /** Runs `script` (a function body; `arguments` are the args) in the page and returns its result. */
  execute(script, ...args) { return this.cmd('POST', '/execute/sync', { script, args }); }
  /** Runs a function (given as source, called with the args) in the page: `run((a) => ..., a)`. */
  run(fn, ...args) { return this.execute(`return (${fn}).apply(null, arguments);`, ...args); }
  /** Like run(), for an async function: waits for its promise. */
  runAsync(fn, ...args) {
    return this.cmd('POST', '/execute/async', {
      script: `const done = arguments[arguments.length - 1];
        Promise.resolve().then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
          .then((v) => done({ ok: v }), (e) => done({ err: String(e && e.stack || e) }));`,
      args,
    }).then((r) => { if (r && 'err' in r) throw new Error(`in page: ${r.err}`); return r?.ok; });
  }
  /** Polls `fn(...args)` in the page until it returns something truthy. */
  waitFor(fn, args = [], opts = {}) {
    return until(() => this.run(fn, ...args), { abort: this.abort, ...opts });
  }
  actions(actions) { return this.cmd('POST', '/actions', { actions }); }
  releaseActions() { return this.cmd('DELETE', '/actions'); }
  async findElement(css) {
    const v = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return v[ELEMENT];
  }
  async screenshot() { return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64'); }
  async elementScreenshot(elementId) { return Buffer.from(await this.cmd('GET', `/element/${elementId}/screenshot`), 'base64'); }
  async quit() {
    try { await this.cmd('DELETE', '', undefined, 20000); } catch { /* the driver is stopped next anyway */ }
  }
}

async function request(base, method, path, body, timeout) {
  const what = `${method} ${path.replace(/\/session\/[^/]+/, '/session/…')}`;
  let res;
  try {
    res = await fetch(base + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeout),
    });
  } catch (e) {
    throw new Error(`${what}: ${e.name === 'TimeoutError' ? `no answer in ${timeout} ms` : e.message}`);
  }
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { throw new Error(`${what}: HTTP ${res.status}, not JSON: ${text.slice(0, 300)}`); }
  const v = json.value;
  if (!res.ok || (v && typeof v === 'object' && typeof v.error === 'string' && v.message !== undefined)) {
    throw new WebDriverError(res.status, v?.error || `HTTP ${res.status}`, v?.message || text.slice(0, 300), what);
  }
  return v;
}

/** Versions of the installed browsers, for the report. */
export function versionOf(cmd, args = ['--version']) {
  try { return execFileSync(cmd, args, { encoding: 'utf8', timeout: 10000 }).trim().split('\n')[0]; } catch { return '?'; }
}
