#!/usr/bin/env bash
# `make playground`: Microsoft 365 Agents Playground (the local Teams-like test client,
# successor of the Teams App Test Tool) against a bot that is already running (`make run`).
# It runs offline, needs no login and sends no token, so the bot must run anonymously
# (no MicrosoftAppId) on loopback, which is what `make run` does.
#   BOT_ENDPOINT      default http://127.0.0.1:3978/api/messages
#   PLAYGROUND_PORT   default 56150 (the Playground silently takes a random port when this
#                     one is busy: read the "Listening on" line)
#   CHANNEL           default msteams (also: webchat, directline, emulator, agents)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
bash "$ROOT/deploy/scripts/install-e2e-deps.sh" --node-only
ENDPOINT="${BOT_ENDPOINT:-http://127.0.0.1:3978/api/messages}"
PORT="${PLAYGROUND_PORT:-56150}"
HEALTH="${ENDPOINT%/api/messages}/healthz"
if command -v curl >/dev/null 2>&1 && ! curl -fsS -o /dev/null --max-time 2 "$HEALTH"; then
    echo "playground: no bot answers at $HEALTH; start it first with 'make run' in another terminal" >&2
    exit 1
fi
echo "playground: open http://localhost:$PORT in your browser (bot: $ENDPOINT, channel ${CHANNEL:-msteams})" >&2
# The Playground writes devTools/ logs into its working directory: keep them out of the source tree.
mkdir -p "$ROOT/artifacts/playground"
cd "$ROOT/artifacts/playground"
exec env TEAMSAPPTESTER_BROWSER="${TEAMSAPPTESTER_BROWSER:-none}" "$ROOT/deploy/e2e/node_modules/.bin/agentsplayground" \
    -e "$ENDPOINT" -c "${CHANNEL:-msteams}" -p "$PORT" --disable-telemetry
