#!/usr/bin/env bash
# npm start [-- desktop|web]: build, serve on https://localhost:3000 and sideload manifest.xml into Excel.
#
# office-addin-debugging and office-addin-dev-certs are installed here, on demand, with --no-save: they are
# not in package.json, so `npm ci`, CI and a fresh clone never download them (nor their native keytar).
# Sideloading into Excel desktop works on Windows and macOS; for Excel on the web pass `web` and set
# DOCUMENT_URL to a workbook in OneDrive/SharePoint (or upload manifest.xml by hand: see docs/office.md).
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET="${1:-desktop}"
PORT="${DEV_SERVER_PORT:-3000}"

case "$TARGET" in
  desktop | web) ;;
  *)
    echo "usage: npm start [-- desktop|web]" >&2
    exit 2
    ;;
esac
if [ "$TARGET" = desktop ] && [ "$(uname -s)" = Linux ]; then
  echo "npm start: Excel desktop runs on Windows and macOS only. On this machine use Excel on the web:" >&2
  echo "  npm run dev-server, then upload manifest.xml in Excel on the web (Home → Add-ins → More add-ins →" >&2
  echo "  Upload My Add-in), or DOCUMENT_URL=… npm start -- web. See docs/office.md." >&2
  exit 2
fi

have() { node -e "require.resolve('$1/package.json')" >/dev/null 2>&1; }

missing=()
have office-addin-debugging || missing+=(office-addin-debugging)
have office-addin-dev-certs || missing+=(office-addin-dev-certs)
if [ ${#missing[@]} -gt 0 ]; then
  echo "npm start: installing ${missing[*]} (not saved to package.json)…"
  # keytar (a dependency) builds natively: on Linux it needs libsecret-1-dev; on Windows/macOS it is prebuilt.
  npm install --no-save --no-audit --no-fund "${missing[@]}"
fi

# A trusted localhost certificate for the HTTPS dev server (asks once for trust on Windows/macOS).
npx --no-install office-addin-dev-certs install || {
  echo "npm start: could not install a trusted localhost certificate; Excel will refuse https://localhost:${PORT}." >&2
}

case "$TARGET" in
  desktop)
    exec npx --no-install office-addin-debugging start manifest.xml desktop --app excel \
      --dev-server "npm run dev-server" --dev-server-port "$PORT"
    ;;
  web)
    if [ -z "${DOCUMENT_URL:-}" ]; then
      echo "npm start -- web: set DOCUMENT_URL to a workbook in OneDrive or SharePoint, e.g." >&2
      echo "  DOCUMENT_URL='https://contoso-my.sharepoint.com/…/Book.xlsx' npm start -- web" >&2
      exit 2
    fi
    exec npx --no-install office-addin-debugging start manifest.xml web --app excel \
      --document "$DOCUMENT_URL" --dev-server "npm run dev-server" --dev-server-port "$PORT"
    ;;
  *)
    echo "usage: npm start [-- desktop|web]" >&2
    exit 2
    ;;
esac
