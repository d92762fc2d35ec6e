#!/usr/bin/env bash
# Build newschart and serve the demo page at http://127.0.0.1:8080/ (PORT=N to change the port).
# Installs only what building and serving need first (scripts/build.sh runs scripts/setup.sh
# --demo: no browsers, drivers, nightly or fuzzer; those are the test command's). Ctrl-C stops the server.

set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${PORT:-8080}"
HOST=127.0.0.1

say() { printf '==> %s\n' "$*"; }
die() { printf '==> ERROR: %s\n' "$*" >&2; exit 1; }

if ! [[ "$PORT" =~ ^[0-9]+$ ]] || ((PORT < 1 || PORT > 65535)); then
  die "PORT must be a number from 1 to 65535, got '$PORT'"
fi
command -v python3 >/dev/null 2>&1 || die "python3 is required to serve the demo"

# True when nothing can listen on HOST:PORT. Same bind options as the server (SO_REUSEADDR),
# so a socket in TIME_WAIT from a previous run does not count as busy.
port_free() {
  python3 - "$HOST" "$PORT" <<'EOF'
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind((sys.argv[1], int(sys.argv[2])))
except OSError:
    sys.exit(1)
finally:
    s.close()
EOF
}

busy() {
  printf '==> ERROR: port %s on %s is already in use (another demo still running?).\n' "$PORT" "$HOST" >&2
  printf '==> Stop it, or pick another port:  PORT=8081 bash scripts/demo.sh\n' >&2
  exit 1
}

# Fail fast, before a build of several minutes.
port_free || busy

bash "$REPO/scripts/build.sh"

# The port may have been taken while building.
port_free || busy

URL="http://$HOST:$PORT/"
echo
say "newschart demo: open  $URL  in a browser   (Ctrl-C to stop)"
echo
cd "$REPO"
set +e
python3 "$REPO/scripts/serve.py" --port "$PORT" --root www
rc=$?
set -e
if ((rc == 3)); then busy; fi
# Stopped with Ctrl-C / SIGTERM: the server exits 0.
exit "$rc"
