# Shared pieces of the benchmark scripts; source it, do not run it.
#   bench_release_bin            builds the release `tokenman` (the README's install build) and
#                                prints its path ($TOKENMAN_BENCH_BIN instead, when set)
#   bench_generate_accounts N D  writes D/config.toml with N accounts over the built-in providers
#                                and D/state/tokens.json with tokens for each (access valid for an
#                                hour, refresh for a day; every fifth without a refresh token)
#   bench_interleaved RUNS NAME=COMMAND...
#                                runs every command RUNS times round-robin (so load changes hit
#                                them alike) and sets BENCH_NAMES[i] and BENCH_MEDIAN_US[i], the
#                                median wall time of each in µs
#   bench_median                 median of the whitespace-separated integers on stdin

bench_median() {
  tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'
}

bench_release_bin() {
  # TOKENMAN_BENCH_BIN: a binary built before (skips the build, e.g. while another build runs).
  if [ -n "${TOKENMAN_BENCH_BIN:-}" ]; then echo "$TOKENMAN_BENCH_BIN"; return; fi
  swift build -c release --product tokenman >&2
  echo "$(swift build -c release --show-bin-path)/tokenman"
}

bench_generate_accounts() {
  local n="$1" dir="$2"
  mkdir -p "$dir/state"
  python3 - "$n" "$dir" <<'PY'
import sys, datetime
n, d = int(sys.argv[1]), sys.argv[2]
providers = ["starship", "exabits", "byteconnect", "wikimedia"]
now = datetime.datetime.now(datetime.timezone.utc)
def ts(delta):
    return (now + datetime.timedelta(seconds=delta)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
with open(f"{d}/config.toml", "w") as c:
    for i in range(n):
        c.write(f'[[accounts]]\nname = "acct-{i:06d}"\nprovider = "{providers[i % 4]}"\n')
        c.write(f'username = "user{i}@example.com"\npassword_env = "TOKENMAN_BENCH_PASSWORD"\n\n')
with open(f"{d}/state/tokens.json", "w") as s:
    s.write('{\n  "accounts" : {')
    for i in range(n):
        s.write("\n" if i == 0 else ",\n")
        refresh = '' if i % 5 == 4 else f'"refreshToken" : "rt-{i:06d}-abcdefghijklmnop",\n      "refreshExpiresAt" : "{ts(86400)}",\n      '
        s.write(f'    "acct-{i:06d}" : {{\n      "accessToken" : "at-{i:06d}-abcdefghijklmnopqrstuvwxyz",\n'
                f'      "accessExpiresAt" : "{ts(3600 + i)}",\n      "accessExpirySource" : "expires_in",\n'
                f'      {refresh}"refreshExpirySource" : "documented",\n'
                f'      "obtainedAt" : "{ts(-60)}",\n      "attributes" : {{}}\n    }}')
    s.write('\n  },\n  "version" : 1\n}\n')
PY
  chmod 700 "$dir/state"; chmod 600 "$dir/state/tokens.json"
}

bench_interleaved() {
  local runs="$1"; shift
  BENCH_NAMES=(); BENCH_MEDIAN_US=()
  local -a commands=()
  local spec
  for spec in "$@"; do BENCH_NAMES+=("${spec%%=*}"); commands+=("${spec#*=}"); done
  local c j i start end
  for c in "${commands[@]}"; do for _ in 1 2 3; do $c >/dev/null; done; done  # warm the page cache
  local -a samples=()
  for ((i = 0; i < runs; i++)); do
    for j in "${!commands[@]}"; do
      start=$EPOCHREALTIME
      ${commands[$j]} >/dev/null
      end=$EPOCHREALTIME
      samples[$j]+="$(( (${end/./} - ${start/./}) )) "
    done
  done
  for j in "${!commands[@]}"; do BENCH_MEDIAN_US[$j]="$(printf '%s' "${samples[$j]}" | bench_median)"; done
}

# More helpers (issue 13's start-up benchmarks):
#   bench_interleaved_reported RUNS NAME=COMMAND...
#                                like bench_interleaved, but each command prints its own figure
#                                (the first number of its last output line, e.g. µs from
#                                pty-first-frame.py); BENCH_MEDIAN_US[i] is the median of those
#                                and BENCH_MEDIAN_EXTRA[i] the median of the second number
#   bench_table [UNIT]           prints BENCH_NAMES / BENCH_MEDIAN_US as a table with the ratio
#                                of each to the first (the baseline)
#   bench_start_simulator BIN DIR [ARGS...]
#                                starts `BIN simulate --port 0 ARGS` logging to DIR/sim.log and
#                                sets BENCH_SIM_PID and BENCH_SIM_PORT; bench_stop_simulator ends it

bench_interleaved_reported() {
  local runs="$1"; shift
  BENCH_NAMES=(); BENCH_MEDIAN_US=(); BENCH_MEDIAN_EXTRA=()
  local -a commands=() samples=() extras=()
  local spec c j i line
  for spec in "$@"; do BENCH_NAMES+=("${spec%%=*}"); commands+=("${spec#*=}"); done
  for c in "${commands[@]}"; do $c >/dev/null; done  # warm the page cache
  for ((i = 0; i < runs; i++)); do
    for j in "${!commands[@]}"; do
      line="$(${commands[$j]} | tail -1)"
      set -- $line
      samples[$j]+="${1:-0} "; extras[$j]+="${2:-0} "
    done
  done
  for j in "${!commands[@]}"; do
    BENCH_MEDIAN_US[$j]="$(printf '%s' "${samples[$j]}" | bench_median)"
    BENCH_MEDIAN_EXTRA[$j]="$(printf '%s' "${extras[$j]}" | bench_median)"
  done
}

bench_table() {
  local j base="${BENCH_MEDIAN_US[0]}"
  printf '| %s | median | × %s |\n|---|---|---|\n' "command" "${BENCH_NAMES[0]}"
  for j in "${!BENCH_NAMES[@]}"; do
    awk -v n="${BENCH_NAMES[$j]}" -v m="${BENCH_MEDIAN_US[$j]}" -v b="$base" \
      'BEGIN {printf "| %s | %.2f ms | %.2f |\n", n, m/1000, (b > 0 ? m/b : 0)}'
  done
}

bench_start_simulator() {
  local bin="$1" dir="$2"; shift 2
  "$bin" simulate --port 0 "$@" >"$dir/sim.log" 2>&1 &
  BENCH_SIM_PID=$!
  BENCH_SIM_PORT=""
  local _
  for _ in $(seq 1 200); do
    BENCH_SIM_PORT="$(grep -o '127\.0\.0\.1:[0-9]*' "$dir/sim.log" 2>/dev/null | head -1 | cut -d: -f2 || true)"
    [ -n "$BENCH_SIM_PORT" ] && return 0
    sleep 0.05
  done
  echo "simulator did not start" >&2; cat "$dir/sim.log" >&2
  return 1
}

bench_stop_simulator() {
  if [ -n "${BENCH_SIM_PID:-}" ]; then
    kill "$BENCH_SIM_PID" 2>/dev/null || true
    wait "$BENCH_SIM_PID" 2>/dev/null || true
    BENCH_SIM_PID=""
  fi
}
