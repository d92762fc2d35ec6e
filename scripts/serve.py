#!/usr/bin/env python3
"""Static file server for the newschart demo and end-to-end tests (python3 stdlib only).

    python3 scripts/serve.py [--port 8080] [--root www] [--mount /prefix=dir ...] [--quiet]

Serves --root (default: www) at /, plus mounts; /pkg=pkg is always mounted, so a page's
`pkg/newschart.js` resolves to the repo's built pkg/. Relative directories are taken from the
repository root (the parent of this script's folder), not the current directory.

Binds 127.0.0.1 only. Every response carries `Cache-Control: no-store`. `--port 0` picks a free
port; the line `Serving newschart demo at http://127.0.0.1:PORT/` (printed and flushed once the
socket is listening) always shows the real port, so tests can parse it from stdout.
The widget (/pkg/) and the feeds (/feeds/, /examples/) are sent with
`Access-Control-Allow-Origin: *`, as a CDN serving them should be: a snippet copied from the local
builder then draws in a page of another origin (module scripts and feed requests are CORS requests).
A file `NAME.headers` beside a served file `NAME` adds its `Header: value` lines to that file's
responses (e.g. a Content-Security-Policy for a test page); `.headers` files themselves are not served.
Exit status: 0 on SIGTERM/SIGINT, 3 when the port is busy, 2 on bad arguments.
"""

import argparse
import errno
import hashlib
import http.server
import os
import posixpath
import signal
import socket
import sys
import urllib.parse

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOST = "127.0.0.1"
# URL prefixes that any origin may read (see the module's docstring).
SHARED = ("/pkg/", "/feeds/", "/examples/")

MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".tsv": "text/tab-separated-values; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".svg": "image/svg+xml",
    ".wasm": "application/wasm",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    "": "application/octet-stream",
}


def repo_path(p):
    return os.path.normpath(p if os.path.isabs(p) else os.path.join(REPO, p))


def parse_mount(spec):
    prefix, sep, directory = spec.partition("=")
    if not sep or not prefix.startswith("/") or not directory:
        raise argparse.ArgumentTypeError(f"expected /prefix=dir, got {spec!r}")
    prefix = "/" + prefix.strip("/")
    if prefix == "/":
        raise argparse.ArgumentTypeError("use --root to serve /")
    return prefix, repo_path(directory)


class Handler(http.server.SimpleHTTPRequestHandler):
    # Set on the subclass built in main().
    root = REPO
    mounts = ()  # (prefix, directory), longest prefix first
    quiet = False
    extensions_map = MIME_TYPES

    def translate_path(self, path):
        """Map a URL path to a file under root or a mount; never outside them."""
        path = path.split("?", 1)[0].split("#", 1)[0]
        path = urllib.parse.unquote(path, errors="surrogatepass")
        trailing = path.endswith("/")
        parts = [p for p in path.split("/") if p not in ("", ".")]
        if any(p == ".." or "\\" in p or "\0" in p for p in parts):
            return None  # traversal attempt: 404
        url = "/" + "/".join(parts)
        base, rest = self.root, parts
        for prefix, directory in self.mounts:
            if url == prefix or url.startswith(prefix + "/"):
                base = directory
                rest = parts[len(prefix.strip("/").split("/")):]
                break
        full = os.path.join(base, *rest) if rest else base
        # Belt and braces: the joined path must stay inside its base directory.
        if os.path.commonpath([os.path.abspath(full), os.path.abspath(base)]) != os.path.abspath(base):
            return None
        if trailing and not full.endswith(os.sep):
            full += os.sep
        return full

    def send_head(self):
        full = self.translate_path(self.path)
        if full is None:
            self.send_error(404, "File not found")
            return None
        # Headers a NAME.headers sidecar asks for (one `Header: value` a line, # for comments).
        self._extra = []
        if full.endswith(".headers"):
            self.send_error(404, "File not found")
            return None
        if os.path.isfile(full + ".headers"):
            with open(full + ".headers", encoding="utf-8") as fh:
                for line in fh:
                    name, sep, value = line.partition(":")
                    if sep and name.strip() and not line.lstrip().startswith("#"):
                        self._extra.append((name.strip(), value.strip()))
        # A strong ETag from the content, so `refresh` polling gets 304 Not Modified
        # while a feed is unchanged, and the new body as soon as it changes.
        self._etag = None
        if os.path.isfile(full):
            try:
                with open(full, "rb") as fh:
                    self._etag = '"' + hashlib.sha1(fh.read()).hexdigest()[:20] + '"'
            except OSError:
                pass
            inm = self.headers.get("If-None-Match")
            if self._etag and inm and self._etag in [t.strip() for t in inm.split(",")]:
                self.send_response(304)
                self.end_headers()
                return None
        return super().send_head()

    def guess_type(self, path):
        ext = posixpath.splitext(path)[1].lower()
        return MIME_TYPES.get(ext) or super().guess_type(path)

    def end_headers(self):
        if getattr(self, "_etag", None):
            self.send_header("ETag", self._etag)
        for name, value in getattr(self, "_extra", ()):
            self.send_header(name, value)
        self.send_header("Cache-Control", "no-store")
        if urllib.parse.urlsplit(self.path).path.startswith(SHARED):
            self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, format, *args):
        if not self.quiet:
            super().log_message(format, *args)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request, client_address):
        # A browser closing a connection early is not an error worth a traceback.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--port", type=int, default=8080, help="port on 127.0.0.1 (0 = pick a free one)")
    ap.add_argument("--root", default="www", help="directory served at / (default: www)")
    ap.add_argument("--mount", action="append", type=parse_mount, default=[], metavar="/PREFIX=DIR",
                    help="also serve DIR at /PREFIX (repeatable; /pkg=pkg is always mounted)")
    ap.add_argument("--quiet", action="store_true", help="do not log requests")
    args = ap.parse_args(argv)
    if not 0 <= args.port <= 65535:
        ap.error(f"invalid port {args.port}")

    root = repo_path(args.root)
    mounts = dict([("/pkg", repo_path("pkg"))] + args.mount)  # later --mount wins for a prefix
    for directory in [root, *mounts.values()]:
        if not os.path.isdir(directory):
            print(f"==> WARNING: {os.path.relpath(directory, REPO)}/ does not exist (yet); its URLs will 404",
                  file=sys.stderr, flush=True)

    handler = type("NewschartHandler", (Handler,), {
        "root": root,
        "mounts": tuple(sorted(mounts.items(), key=lambda kv: -len(kv[0]))),
        "quiet": args.quiet,
    })
    try:
        httpd = Server((HOST, args.port), handler)
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            print(f"==> ERROR: port {args.port} on {HOST} is already in use. "
                  f"Stop whatever uses it or pick another port (--port N, or PORT=N for demo.sh).",
                  file=sys.stderr, flush=True)
            return 3
        raise

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    port = httpd.server_address[1]
    print(f"Serving newschart demo at http://{HOST}:{port}/", flush=True)
    if not args.quiet:
        shown = ", ".join(f"{p}/ -> {os.path.relpath(d, REPO)}/" for p, d in handler.mounts)
        print(f"    / -> {os.path.relpath(root, REPO)}/, {shown}  (Ctrl-C to stop)", flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
    if not args.quiet:
        print("==> server stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
