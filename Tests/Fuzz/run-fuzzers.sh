#!/usr/bin/env bash
# Builds the libFuzzer harnesses (the package in Tests/Fuzz, one executable each, built into
# .build-fuzz with `-sanitize=fuzzer`; never part of `swift build`/`swift test` of tokenman,
# since libFuzzer brings its own main) and runs each for RUNS executions (default 1,000,000),
# seeded from Tests/Fuzz/corpus/NAME (read only; what libFuzzer adds goes to $WORK/corpus-NAME).
# A crash leaves crash-* in $WORK and makes the script exit non-zero.
# Usage: run-fuzzers.sh [NAME...]; names: toml json jwt response config theme tokenstore.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
RUNS="${RUNS:-1000000}"
WORK="${WORK:-/tmp/tokenman-fuzz}"
ALL="toml json jwt response config theme tokenstore"
read -r -a NAMES <<< "${*:-$ALL}"
mkdir -p "$WORK"

# Release, like the shipped binary; -parse-as-library because the harnesses have no main.
(cd Tests/Fuzz && swift build -c release --scratch-path "$ROOT/.build-fuzz" \
  -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library)

for name in "${NAMES[@]}"; do
  target=$(case $name in
    toml) echo FuzzTOML;; json) echo FuzzJSON;; jwt) echo FuzzJWT;; response) echo FuzzResponse;;
    config) echo FuzzConfig;; theme) echo FuzzTheme;; tokenstore) echo FuzzTokenStore;;
    *) echo "unknown harness $name (one of: $ALL)" >&2; exit 2;;
  esac)
  mkdir -p "$WORK/corpus-$name"
  (cd "$WORK" && "$ROOT/.build-fuzz/release/$target" -runs="$RUNS" -max_len=4096 \
    "corpus-$name" "$ROOT/Tests/Fuzz/corpus/$name" 2>&1 | tee "$WORK/$name.log" | grep -E "^Done|ERROR|crash-" || true)
  grep -q "^Done $RUNS runs" "$WORK/$name.log" || { echo "$name: did not finish (see $WORK/$name.log)"; exit 1; }
  echo "$name: $(grep -E 'DONE' "$WORK/$name.log" | tail -1)"
done
echo "${NAMES[*]}: $RUNS runs each, no crash"
