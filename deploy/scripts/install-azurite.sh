#!/usr/bin/env bash
# Installs Azurite (the Azure Storage emulator, npm `azurite`, pinned in deploy/azurite/package-lock.json)
# for the tests of shared conversation state and records. Node and npm come from Debian when missing.
# Idempotent and quick when installed: npm ci runs only when package-lock.json changed (stamp file).
# Exit status: 0 ready; 3 cannot install (no node and not root, npm registry unreachable); the
# message on stderr says which. The tests turn 3 into a skip that says why.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIR="$ROOT/deploy/azurite"
STAMP="$DIR/node_modules/.lock-sha256"
BIN="$DIR/node_modules/.bin/azurite-blob"

say() { echo "install-azurite: $*" >&2; }
cannot() { say "CANNOT INSTALL: $*"; exit 3; }

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] || cannot "node/npm missing and not root (sudo apt-get install -y nodejs npm)"
    command -v apt-get >/dev/null 2>&1 || cannot "node/npm missing and no apt-get on this machine"
    say "apt-get install nodejs npm"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null || cannot "apt-get update failed (no network to Debian's mirrors?)"
    apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null || cannot "apt-get install nodejs npm failed"
fi

# Several test runs may start at once in one work tree: one installs, the others wait.
exec 9>"/tmp/install-azurite.$(echo "$DIR" | sha256sum | cut -c1-12).lock"
flock 9

lock_sum="$(sha256sum "$DIR/package-lock.json" | cut -d' ' -f1)"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$lock_sum" ] && [ -x "$BIN" ]; then
    exit 0
fi
rm -f "$STAMP"
say "npm ci in deploy/azurite (first run takes about half a minute)"
( cd "$DIR" && npm ci --no-audit --no-fund --loglevel=error >&2 ) || cannot "npm ci failed in deploy/azurite (npm registry unreachable?)"
[ -x "$BIN" ] || cannot "npm ci finished but $BIN is missing"
echo "$lock_sum" > "$STAMP"
say "ready: azurite $(node -p "require('$DIR/node_modules/azurite/package.json').version")"
