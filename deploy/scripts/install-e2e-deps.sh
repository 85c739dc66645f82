#!/usr/bin/env bash
# Installs what the browser tests and the local test client need, and nothing else:
#   - Debian's chromium (driven by playwright-core through executablePath; never a
#     browser download of a test tool's own),
#   - deploy/e2e/node_modules from the committed package-lock.json (npm ci):
#     playwright-core, @microsoft/m365agentsplayground, offline-directline and
#     botframework-webchat, all pinned.
# Idempotent and quick when everything is there: chromium is looked up on PATH and
# npm ci runs only when package-lock.json changed since the last install (stamp file).
# --node-only: skip chromium (enough for `make playground`, which opens in your own browser).
# Exit status: 0 ready; 3 cannot install (not root, no apt-get, no node, a registry
# unreachable); the message on stderr says which. The tests turn 3 into a loud skip.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
E2E="$ROOT/deploy/e2e"
STAMP="$E2E/node_modules/.lock-sha256"

say() { echo "install-e2e-deps: $*" >&2; }
cannot() { say "CANNOT INSTALL: $*"; exit 3; }

apt_install() {
    if [ "$(id -u)" != 0 ]; then
        cannot "$* missing and not root (run as root, or: sudo apt-get install -y $*)"
    fi
    command -v apt-get >/dev/null 2>&1 || cannot "$* missing and no apt-get on this machine"
    say "apt-get install $*"
    export DEBIAN_FRONTEND=noninteractive
    # The package lists on a fresh machine may be empty or stale: update first.
    apt-get update -qq >/dev/null || cannot "apt-get update failed (no network to Debian's mirrors?)"
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null || cannot "apt-get install $* failed"
}

NODE_ONLY=0
[ "${1:-}" = "--node-only" ] && NODE_ONLY=1

if [ "$NODE_ONLY" = 0 ]; then
    if ! command -v chromium >/dev/null 2>&1; then
        apt_install chromium
    fi
    chromium_path="$(command -v chromium)"
    [ "$chromium_path" = /usr/bin/chromium ] || say "note: chromium is at $chromium_path; the tests use /usr/bin/chromium unless CHROMIUM_PATH is set"
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || cannot "node $(node --version) is too old; playwright-core needs node >= 20"

# Several test runs may start at once in one work tree: one installs, the others wait.
exec 9>"/tmp/install-e2e-deps.$(echo "$E2E" | sha256sum | cut -c1-12).lock"
flock 9

# What the tests and `make playground` run; a partial node_modules (an interrupted npm ci)
# lacks some of these and is installed again.
NEEDED=(
    node_modules/.bin/agentsplayground
    node_modules/playwright-core/package.json
    node_modules/offline-directline/dist/bridge.js
    node_modules/express/package.json
    node_modules/botframework-webchat/dist/webchat.js
)
complete() {
    local f
    for f in "${NEEDED[@]}"; do [ -e "$E2E/$f" ] || return 1; done
}

lock_sum="$(sha256sum "$E2E/package-lock.json" | cut -d' ' -f1)"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$lock_sum" ] && complete; then
    exit 0
fi
rm -f "$STAMP"
say "npm ci in deploy/e2e (first run takes about a minute)"
( cd "$E2E" && npm ci --no-audit --no-fund --loglevel=error >&2 ) || cannot "npm ci failed in deploy/e2e (npm registry unreachable?)"
complete || cannot "npm ci finished but deploy/e2e/node_modules lacks some of: ${NEEDED[*]}"
echo "$lock_sum" > "$STAMP"
say "ready: node $(node --version)$( [ "$NODE_ONLY" = 1 ] || echo ", $(chromium --version 2>/dev/null | head -1)")"
