#!/usr/bin/env bash
# Builds the libFuzzer harnesses with `swiftc -sanitize=fuzzer` (outside `swift test`: libFuzzer
# brings its own main) and runs each for RUNS executions (default 1,000,000), seeded from the
# repository's own files. Each harness compiles only the sources it exercises, so no SwiftPM
# build is needed. A crash leaves crash-* in the work directory and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${RUNS:-1000000}"
WORK="${WORK:-/tmp/tokenman-fuzz}"
mkdir -p "$WORK"
AE=Sources/AuthEngine

build() { # name, sources...
  local name=$1; shift
  swiftc -sanitize=fuzzer -parse-as-library -O -module-name "Fuzz$name" "$@" -o "$WORK/fuzz-$name"
}

run() { # name, seed files...
  local name=$1; shift
  mkdir -p "$WORK/corpus-$name"
  for seed in "$@"; do cp "$seed" "$WORK/corpus-$name/" 2>/dev/null || true; done
  (cd "$WORK" && "./fuzz-$name" -runs="$RUNS" -max_len=4096 "corpus-$name" 2>&1 | tee "$WORK/$name.log" | grep -E "^Done|ERROR|crash-" || true)
  grep -q "^Done $RUNS runs" "$WORK/$name.log" || { echo "fuzz-$name: did not finish (see $WORK/$name.log)"; exit 1; }
}

build toml $(find Sources/TOMLParser -name '*.swift') Tests/Fuzz/FuzzTOMLConfig.swift
build json $AE/HTTP/JSONParser.swift $AE/HTTP/JSONValue.swift $AE/Display/ExternalText.swift \
  $AE/Model/TokenSyntax.swift $AE/Model/AuthError.swift $AE/Model/TokenSet.swift Tests/Fuzz/FuzzJSONResponse.swift
build jwt $AE/JWT/JWT.swift $AE/JWT/Base64URL.swift $AE/HTTP/JSONParser.swift $AE/HTTP/JSONValue.swift Tests/Fuzz/FuzzJWT.swift

run toml themes/*.toml
printf '{"status":false,"message":"\\u001b[2J","data":{"access_token":"a.b.c"}}' > "$WORK/seed.json"
run json "$WORK/seed.json"
printf 'eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE3MDAwMDAwMDB9.c2ln' > "$WORK/seed.jwt"
run jwt "$WORK/seed.jwt"
echo "all harnesses: $RUNS runs each, no crash"
