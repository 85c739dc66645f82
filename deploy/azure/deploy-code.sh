#!/usr/bin/env bash
# Deploys the committed code to the web app created by main.bicep.
#   deploy/azure/deploy-code.sh RESOURCE_GROUP WEBAPP_NAME    build dist/app.zip and `az webapp deploy` it
#   deploy/azure/deploy-code.sh --zip-only                    only build dist/app.zip
# The zip holds what the container image holds (pyproject.toml, README.md, bot/, catalog/,
# cards/) from HEAD, so uncommitted edits are never deployed by accident, plus a
# requirements.txt whose one line "." makes App Service's build (Oryx) pip-install the
# project with its pinned dependencies.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="${APP_ZIP:-$ROOT/dist/app.zip}"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
paths=(pyproject.toml bot catalog cards)
git -C "$ROOT" cat-file -e HEAD:README.md 2>/dev/null && paths+=(README.md)
git -C "$ROOT" archive --format=tar HEAD "${paths[@]}" | tar -x -C "$stage"
find "$stage" -name '__pycache__' -prune -exec rm -rf {} +
echo "." > "$stage/requirements.txt"
mkdir -p "$(dirname "$OUT")"
rm -f "$OUT"
( cd "$stage" && python3 -c 'import sys, zipfile, pathlib
out = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED)
for p in sorted(pathlib.Path(".").rglob("*")):
    if p.is_file():
        out.write(p, p.as_posix())
out.close()' "$OUT" )
echo "built $OUT" >&2

if [ "${1:-}" = "--zip-only" ]; then
    echo "$OUT"
    exit 0
fi
if [ $# -ne 2 ]; then
    echo "usage: $0 RESOURCE_GROUP WEBAPP_NAME   (or: $0 --zip-only)" >&2
    exit 2
fi
command -v az >/dev/null 2>&1 || { echo "deploy-code: the Azure CLI (az) is not installed" >&2; exit 2; }
az webapp deploy --resource-group "$1" --name "$2" --src-path "$OUT" --type zip
