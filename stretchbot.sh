#!/usr/bin/env bash
# StretchBot's two commands for a fresh machine:
#   ./stretchbot.sh start   build and start the bot, then print where to chat with it
#   ./stretchbot.sh test    install what the tests need and run the whole test suite
#   ./stretchbot.sh bench   measure StretchBot (SQLite and PostgreSQL) against a bare echo bot (see README, "Speed"); options pass through
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

# The PostgreSQL tests and the bench's PostgreSQL runs need a server. STRETCHBOT_TEST_POSTGRES (an Npgsql connection
# string of a user that may create schemas) points at an existing one; otherwise Debian's PostgreSQL is installed when
# missing (as root; else we stop and say how) and a throw-away cluster is started in a temporary folder on a free
# loopback port, as the postgres user when we are root (the server refuses to run as root), and stopped on exit.
postgres_bin() {
  local version
  version=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)
  [ -n "$version" ] && [ -x "/usr/lib/postgresql/$version/bin/initdb" ] && echo "/usr/lib/postgresql/$version/bin"
}

# postgres_ready [optional]: 0 when a server can be had; "optional" (the bench) only warns when none can.
postgres_ready() {
  [ -n "${STRETCHBOT_TEST_POSTGRES:-}" ] && return 0
  [ -n "$(postgres_bin)" ] && return 0
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "stretchbot: installing PostgreSQL for the multi-host tests (apt-get install -y postgresql)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    [ -n "$(postgres_bin)" ] && return 0
  fi
  if [ "${1:-}" = "optional" ]; then
    echo "stretchbot: no PostgreSQL server (install Debian's postgresql as root, or set STRETCHBOT_TEST_POSTGRES): measuring SQLite only." >&2
    return 1
  fi
  echo "stretchbot: the PostgreSQL tests need a PostgreSQL server. Install it with 'sudo apt-get update && sudo apt-get install -y postgresql'" >&2
  echo "            (or point STRETCHBOT_TEST_POSTGRES at an existing server, e.g. \"Host=db;Username=postgres;Password=...\"), then run again." >&2
  exit 1
}

PG_DIR=""
postgres_stop() {
  if [ -n "$PG_DIR" ] && [ -d "$PG_DIR" ]; then
    as_postgres "$(postgres_bin)/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    PG_DIR=""
  fi
}

as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# postgres_start test|bench: the tests' cluster skips fsync (nothing in it must survive a power cut); the bench's keeps
# every write durable as a server would, committing asynchronously (synchronous_commit=off: a crash can lose the last
# moments of commits, never corrupt), the same promise SQLite's WAL with synchronous=NORMAL makes the SQLite bot.
postgres_start() {
  local flavour="${1:-test}"
  if [ "$flavour" = "bench" ]; then postgres_ready optional || return 0; else postgres_ready; fi
  [ -n "${STRETCHBOT_TEST_POSTGRES:-}" ] && return
  local bin port settings
  bin=$(postgres_bin)
  port=$(free_port)
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/stretchbot-postgres.XXXXXX")
  trap postgres_stop EXIT
  trap 'exit 130' INT TERM
  [ "$(id -u)" = "0" ] && chown postgres:postgres "$PG_DIR"
  as_postgres "$bin/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; exit 1; }
  settings="-c max_connections=300"
  if [ "$flavour" = "bench" ]; then settings="$settings -c synchronous_commit=off"; else settings="$settings -c fsync=off -c full_page_writes=off"; fi
  as_postgres "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w start \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 $settings" >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; exit 1; }
  export STRETCHBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "stretchbot: a throw-away PostgreSQL is running on 127.0.0.1:$port (stopped at the end)"
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
    postgres_start
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
    # Both bots are published as a deployment would be: ReadyToRun (precompiled), so start-up is not mostly the JIT.
    rid=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
    publish="$(pwd)/artifacts/bench/publish"
    dotnet publish StretchBot/StretchBot.csproj -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$publish/stretchbot" -nologo -clp:ErrorsOnly
    dotnet publish bench/EchoBot/EchoBot.csproj -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$publish/echo" -nologo -clp:ErrorsOnly
    dotnet build bench/StretchBot.Bench/StretchBot.Bench.csproj -c Release -nologo -clp:ErrorsOnly
    # StretchBot on PostgreSQL is measured beside StretchBot on SQLite when a server can be had (see postgres_start).
    postgres_start bench
    # Flush what the publish and the database set-up wrote, so the start-up runs measure the bots, not the disk's
    # write-back (a bot creating its SQLite file waits on the disk).
    sync
    postgres_args=()
    if [ -n "${STRETCHBOT_TEST_POSTGRES:-}" ]; then postgres_args=(--postgres "$STRETCHBOT_TEST_POSTGRES"); fi
    dotnet bench/StretchBot.Bench/bin/Release/net10.0/StretchBot.Bench.dll --stretchbot "$publish/stretchbot/StretchBot.dll" \
      --echo "$publish/echo/EchoBot.dll" "${postgres_args[@]}" "$@"
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
