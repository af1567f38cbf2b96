#!/usr/bin/env bash
# npm stop: stop the dev server and remove the sideloaded add-in (the counterpart of scripts/start.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
if node -e "require.resolve('office-addin-debugging/package.json')" >/dev/null 2>&1; then
  exec npx --no-install office-addin-debugging stop manifest.xml
fi
echo "npm stop: office-addin-debugging is not installed, so nothing was started by npm start."
