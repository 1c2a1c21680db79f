#!/usr/bin/env bash
# Builds the Teams app package from the bot's Microsoft App Id:
#   ./teams/package.sh <MicrosoftAppId> [publicHostName]
# writes artifacts/stretchbot-teams.zip (manifest.json + color.png + outline.png), ready to sideload or upload.
# publicHostName is where the bot's web page is served (for the manifest's website/privacy/terms links and
# validDomains), e.g. stretchbot.example.org; it defaults to the host of Bot:PublicBaseUrl if set, else example.com.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
command -v node >/dev/null 2>&1 || { echo "package: Node.js is required (Debian: apt-get install -y nodejs)." >&2; exit 1; }
exec node "$here/package.mjs" "$@"
