#!/usr/bin/env bash
# Builds against the EXISTING Release build of the repository's corpus tool and dialogs (nothing under the repository is
# built or written; the readers are whatever main's bin holds at build time: each output prints their sha256),
# then runs every variant into results/. Pass --no-build to reuse bin/ as it is.
set -euo pipefail
cd "$(dirname "$0")"
if [[ "${1:-}" != "--no-build" ]]; then
  dotnet restore -p:RestoreRecursive=false
  dotnet build -c Release --no-restore -p:BuildProjectReferences=false -nologo -clp:ErrorsOnly
fi
mkdir -p results
run() { dotnet bin/Release/net10.0/EmbeddingExperiment.dll --list "$@"; }
run > results/tuned.txt
run --exclude check-in-time > results/no-check-in-time-tuned.txt
for p in "0.51 0.20" "0.47 0.12" "0.45 0.08"; do
  set -- $p
  run --t "$1" --m "$2" > "results/T$1-M$2.txt"
  run --exclude check-in-time --t "$1" --m "$2" > "results/no-check-in-time-T$1-M$2.txt"
done
for i in 1 2 3; do
  dotnet bin/Release/net10.0/EmbeddingExperiment.dll --bench-only
  dotnet bin/Release/net10.0/EmbeddingExperiment.dll --bench-only --single-thread
done > results/bench.txt
grep -h 'readers:' results/*.txt | sort | uniq -c
