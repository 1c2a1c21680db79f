#!/usr/bin/env bash
# StretchBot's two commands for a fresh machine:
#   ./stretchbot.sh start   build and start the bot, then print where to chat with it
#   ./stretchbot.sh test    install what the tests need and run the whole test suite
#   ./stretchbot.sh bench   measure StretchBot against a bare echo bot (see README, "Speed"); options pass through
#   ./stretchbot.sh fuzz [N] [SEED]   send N (default 10000) generated bad requests to a test host; SEED replays a run
#   ./stretchbot.sh understanding [--misses]   the typed-answer understanding rate per question on every labelled corpus
set -euo pipefail
cd "$(dirname "$0")"

need() { command -v "$1" >/dev/null 2>&1 || { echo "stretchbot: '$1' is required but not installed. $2" >&2; exit 1; }; }

npm_install() {
  need node "Install Node.js 20 or later (Debian: apt-get install -y nodejs npm)."
  need npm "Install npm (Debian: apt-get install -y npm)."
  # Web Chat, the Adaptive Cards parser/templating engine and playwright-core, exactly as package-lock.json pins them.
  if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.stretchbot-lock; then
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.stretchbot-lock
  fi
}

# The browser test drives Debian's Chromium (never a downloaded browser): install it when we can, else say how.
chromium_ready() {
  local chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ -x "$chromium" ]; then
    return
  fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "stretchbot: installing Chromium for the browser test (apt-get install -y chromium)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    [ -x "$chromium" ] && return
  fi
  echo "stretchbot: the browser test needs Chromium at $chromium. Install it with 'sudo apt-get update && sudo apt-get install -y chromium'" >&2
  echo "            (or point CHROMIUM_PATH at an existing Chromium), then run ./stretchbot.sh test again." >&2
  exit 1
}

case "${1:-}" in
  start)
    need dotnet "Install the .NET 10 SDK."
    npm_install
    dotnet build StretchBot/StretchBot.csproj -c Release -nologo -clp:ErrorsOnly
    url="${STRETCHBOT_URLS:-http://localhost:3978}"
    echo
    echo "StretchBot is starting on ${url}"
    echo "  Chat in your browser:      ${url}/"
    echo "  Bot Framework endpoint:    ${url}/api/messages  (Bot Framework Emulator, or Azure Bot Service)"
    echo "  Stop with Ctrl+C."
    echo
    # An absolute content root: with a relative one ASP.NET Core finds no wwwroot and the page is not served.
    cd StretchBot && exec dotnet bin/Release/net10.0/StretchBot.dll --urls "${url}" --contentRoot "$PWD"
    ;;
  test)
    need dotnet "Install the .NET 10 SDK."
    npm_install
    chromium_ready
    dotnet build StretchBot.sln -c Release -nologo -clp:ErrorsOnly
    set +e
    dotnet test StretchBot.sln -c Release --no-build -nologo 2>&1 | tee artifacts.test.log
    status=${PIPESTATUS[0]}
    passed=$(grep -oE 'Passed: +[0-9]+,' artifacts.test.log | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
    failed=$(grep -oE 'Failed: +[0-9]+,' artifacts.test.log | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
    rm -f artifacts.test.log
    set -e
    echo "Tests: ${passed} passed, ${failed} failed"
    exit "$status"
    ;;
  bench)
    need dotnet "Install the .NET 10 SDK."
    npm_install
    shift
    for project in StretchBot/StretchBot.csproj bench/EchoBot/EchoBot.csproj bench/StretchBot.Bench/StretchBot.Bench.csproj; do
      dotnet build "$project" -c Release -nologo -clp:ErrorsOnly
    done
    exec dotnet bench/StretchBot.Bench/bin/Release/net10.0/StretchBot.Bench.dll "$@"
    ;;
  fuzz)
    need dotnet "Install the .NET 10 SDK."
    npm_install
    dotnet build StretchBot.sln -c Release -nologo -clp:ErrorsOnly
    export STRETCHBOT_FUZZ_REQUESTS="${2:-10000}"
    if [ -n "${3:-}" ]; then export STRETCHBOT_FUZZ_SEED="$3"; fi
    echo "stretchbot: fuzzing /api/messages and the Direct Line endpoints with ${STRETCHBOT_FUZZ_REQUESTS} bad requests"
    # The test prints its seed and the answers by category; any 5xx fails it and lists the requests.
    set +e
    dotnet test StretchBot.Tests/StretchBot.Tests.csproj -c Release --no-build -nologo \
      --filter "FullyQualifiedName~StretchBot.Tests.Fuzz.RequestFuzzTests" \
      --logger "console;verbosity=detailed" 2>&1 | grep -v -E '^(info|warn|fail|dbug|trce): |^      '
    exit "${PIPESTATUS[0]}"
    ;;
  understanding)
    need dotnet "Install the .NET 10 SDK."
    dotnet build tools/StretchBot.Corpus/StretchBot.Corpus.csproj -c Release -nologo -clp:ErrorsOnly
    shift
    # Exits 1 when any reply is read unsafely; --misses lists every reply not handled as labelled.
    exec dotnet tools/StretchBot.Corpus/bin/Release/net10.0/StretchBot.Corpus.dll "$@"
    ;;
  *)
    echo "usage: ./stretchbot.sh start | test | bench [options] | fuzz [requests] [seed] | understanding [--misses] [corpus files]" >&2
    exit 2
    ;;
esac
