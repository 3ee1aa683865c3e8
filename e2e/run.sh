#!/usr/bin/env bash
# Browser end-to-end tests: starts `jisr demo` on a free loopback port with a
# fresh data directory, runs Playwright (Debian's Chromium) against it, and
# stops the server whatever happens. Builds nothing: run `cargo build -p jisr`
# first, or point JISR_BIN at a jisr binary.
#
# Ends with a line "N passed, N failed"; exits non-zero if anything failed.
set -euo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$E2E_DIR/.." && pwd)"
OUT="$ROOT/target/e2e"
CHROMIUM="${JISR_E2E_CHROMIUM:-/usr/bin/chromium}"

die() { echo "e2e: error: $*" >&2; exit 1; }

# --- prerequisites -----------------------------------------------------------
JISR_BIN="${JISR_BIN:-$ROOT/target/debug/jisr}"
[[ -x "$JISR_BIN" ]] || die "no jisr binary at $JISR_BIN: run \`cargo build -p jisr\` first (or set JISR_BIN)"

if [[ ! -x "$CHROMIUM" ]]; then
  if [[ -n "${CI:-}" ]]; then
    die "Chromium is missing at $CHROMIUM; CI must install it before the e2e suite: apt-get install -y chromium"
  fi
  echo "e2e: Chromium is missing at $CHROMIUM. The suite uses Debian's Chromium and never downloads a browser." >&2
  echo "e2e: install it with:  sudo apt-get update && sudo apt-get install -y chromium" >&2
  echo "e2e: (or set JISR_E2E_CHROMIUM to another Chromium binary)" >&2
  exit 1
fi
command -v node >/dev/null || die "node is missing (apt-get install -y nodejs npm)"
command -v npm >/dev/null || die "npm is missing (apt-get install -y npm)"
command -v curl >/dev/null || die "curl is missing (apt-get install -y curl)"

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [[ ! -d "$E2E_DIR/node_modules" ]]; then
  echo "e2e: installing the test dependencies (npm ci)"
  (cd "$E2E_DIR" && npm ci --no-audit --no-fund) || die "npm ci failed in $E2E_DIR"
fi

mkdir -p "$OUT"
rm -f "$OUT"/*.png "$OUT/results.json"

# --- server ------------------------------------------------------------------
PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
BASE="http://127.0.0.1:$PORT"
DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/jisr-e2e.XXXXXX")"
SERVER_LOG="$DATA_DIR/server.log"
SERVER_PID=""

cleanup() {
  local rc=$?
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA_DIR"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "e2e: starting $JISR_BIN demo on $BASE"
# Every journey files from 127.0.0.1: the per-address limits are raised for the suite.
JISR_LIMIT_FILINGS="${JISR_LIMIT_FILINGS:-10000/hour}" JISR_LIMIT_TRACKING="${JISR_LIMIT_TRACKING:-10000/hour}" \
  "$JISR_BIN" demo --bind "127.0.0.1:$PORT" --data-dir "$DATA_DIR/data" >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!

ready=""
for _ in $(seq 600); do   # 60 s at most
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "e2e: the server exited before it was ready; its log:" >&2
    tail -n 40 "$SERVER_LOG" >&2
    die "jisr demo did not start"
  fi
  if curl -fsS -o /dev/null --max-time 2 "$BASE/readyz" 2>/dev/null; then ready=1; break; fi
  sleep 0.1
done
if [[ -z "$ready" ]]; then
  echo "e2e: /readyz did not answer 200 within 60 s; server log:" >&2
  tail -n 40 "$SERVER_LOG" >&2
  die "jisr demo not ready"
fi
echo "e2e: server ready"

# --- tests -------------------------------------------------------------------
status=0
(cd "$E2E_DIR" && JISR_E2E_BASE_URL="$BASE" JISR_E2E_CHROMIUM="$CHROMIUM" npx --no-install playwright test "$@") || status=$?

summary="$(node -e '
  const fs = require("fs");
  try {
    const s = JSON.parse(fs.readFileSync(process.argv[1], "utf8")).stats;
    const passed = s.expected + s.flaky, failed = s.unexpected;
    console.log(`${passed} passed, ${failed} failed` + (s.skipped ? `, ${s.skipped} skipped` : ""));
  } catch (e) { process.exit(1); }
' "$OUT/results.json" 2>/dev/null)" || summary=""

echo "e2e: screenshots in $OUT"
if [[ -z "$summary" ]]; then
  echo "e2e: Playwright left no results (exit $status): it did not run" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
echo "$summary"
if [[ "$status" -ne 0 || "$summary" != *" 0 failed"* ]]; then
  exit 1
fi
