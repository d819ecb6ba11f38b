#!/usr/bin/env bash
# Builds the libFuzzer harnesses (outside `swift build`/`swift test`: libFuzzer brings its own
# main) and runs each for RUNS executions (default 1,000,000), seeded from Tests/Fuzz/corpus/NAME
# (read only; what libFuzzer finds goes to $WORK/corpus-NAME). A crash leaves crash-* in $WORK
# and makes the script exit non-zero. Usage: run-fuzzers.sh [NAME...] (default: all five).
#   toml, json, jwt:             `swiftc -sanitize=fuzzer` on just the sources they exercise.
#   config, theme, tokenstore:   the package in Tests/Fuzz (whole AuthEngine / TerminalUI),
#                                built with SwiftPM into .build-fuzz.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
RUNS="${RUNS:-1000000}"
WORK="${WORK:-/tmp/tokenman-fuzz}"
NAMES=("${@:-toml json jwt config theme tokenstore}")
NAMES=(${NAMES[*]})
mkdir -p "$WORK"
AE=Sources/AuthEngine

wanted() { [[ " ${NAMES[*]} " == *" $1 "* ]]; }

build() { # name, sources...
  local name=$1; shift
  swiftc -sanitize=fuzzer -parse-as-library -O -module-name "Fuzz$name" "$@" -o "$WORK/fuzz-$name"
}

run() { # name
  local name=$1
  mkdir -p "$WORK/corpus-$name"
  (cd "$WORK" && "./fuzz-$name" -runs="$RUNS" -max_len=4096 "corpus-$name" "$ROOT/Tests/Fuzz/corpus/$name" 2>&1 |
    tee "$WORK/$name.log" | grep -E "^Done|ERROR|crash-" || true)
  grep -q "^Done $RUNS runs" "$WORK/$name.log" || { echo "fuzz-$name: did not finish (see $WORK/$name.log)"; exit 1; }
}

wanted toml && build toml $(find Sources/TOMLParser -name '*.swift') Tests/Fuzz/FuzzTOMLConfig.swift
wanted json && build json $AE/HTTP/JSONParser.swift $AE/HTTP/JSONValue.swift $AE/Display/ExternalText.swift \
  $AE/Model/TokenSyntax.swift $AE/Model/AuthError.swift $AE/Model/TokenSet.swift Tests/Fuzz/FuzzJSONResponse.swift
wanted jwt && build jwt $AE/JWT/JWT.swift $AE/JWT/Base64URL.swift $AE/HTTP/JSONParser.swift $AE/HTTP/JSONValue.swift Tests/Fuzz/FuzzJWT.swift
if wanted config || wanted theme || wanted tokenstore; then
  # Release, like the shipped binary; -parse-as-library because the harnesses have no main.
  (cd Tests/Fuzz && swift build -c release --scratch-path "$ROOT/.build-fuzz" \
    -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library)
  cp .build-fuzz/release/FuzzConfig "$WORK/fuzz-config"
  cp .build-fuzz/release/FuzzTheme "$WORK/fuzz-theme"
  cp .build-fuzz/release/FuzzTokenStore "$WORK/fuzz-tokenstore"
fi

for name in "${NAMES[@]}"; do run "$name"; done
echo "${NAMES[*]}: $RUNS runs each, no crash"
