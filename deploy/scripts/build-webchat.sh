#!/usr/bin/env bash
# Assembles the support-portal chat page into OUT (default dist/webchat): index.html,
# chat.js, config.js from deploy/webchat and the pinned botframework-webchat bundle
# from deploy/e2e/node_modules (installed by install-e2e-deps.sh). Copy OUT to the
# portal's web server and edit its config.js.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="${1:-$ROOT/dist/webchat}"
BUNDLE="$ROOT/deploy/e2e/node_modules/botframework-webchat/dist/webchat.js"
[ -f "$BUNDLE" ] || bash "$ROOT/deploy/scripts/install-e2e-deps.sh"
mkdir -p "$OUT"
cp "$ROOT/deploy/webchat/index.html" "$ROOT/deploy/webchat/chat.js" "$ROOT/deploy/webchat/config.js" "$OUT/"
cp "$BUNDLE" "$OUT/webchat.js"
cp "$ROOT/deploy/e2e/node_modules/botframework-webchat/dist/webchat.js.LICENSE.txt" "$OUT/" 2>/dev/null || true
echo "$OUT"
