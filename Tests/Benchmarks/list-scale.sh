#!/usr/bin/env bash
# How `tokenman list` scales with the number of accounts, against baselines measured in the same
# run (machines are shared and noisy; absolute numbers mean little):
#   cat          `cat` of the config and the token store (a process start plus reading both files)
#   py-loop      python3 reading the config line by line and printing one row per account
#                (a TOML-less loop: the least any program that formats N rows must do)
#   list         `tokenman list` (release build) with a config of N accounts and a token store
#                holding tokens for every one of them
#   list-json    `tokenman list --json`
# For each N (default 100 and 10000) runs are interleaved round-robin; medians are printed with
# the ratios to both baselines and µs per account (the whole median / N, process start included,
# so it is an upper bound that only means something at large N).
# Usage: Tests/Benchmarks/list-scale.sh [RUNS] [N...]    (default 15 runs; N = 100 10000)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-15}"
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 10000)

echo "building release..." >&2
swift build -c release --product tokenman >&2
bin="$(swift build -c release --show-bin-path)/tokenman"

py="$(python3 -c "import sys; print(sys.executable)")"  # not the pyenv shim (a shell script)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# N accounts over the built-in providers, every third with a username, and a store with tokens
# for each (access valid for an hour, refresh for a day; every fifth without a refresh token).
generate() {
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
        c.write(f'[[accounts]]\nname = "acct-{i:05d}"\nprovider = "{providers[i % 4]}"\n')
        c.write(f'username = "user{i}@example.com"\npassword_env = "TOKENMAN_BENCH_PASSWORD"\n\n')
with open(f"{d}/state/tokens.json", "w") as s:
    s.write('{\n  "accounts" : {')
    for i in range(n):
        s.write("\n" if i == 0 else ",\n")
        refresh = '' if i % 5 == 4 else f'"refreshToken" : "rt-{i:05d}-abcdefghijklmnop",\n      "refreshExpiresAt" : "{ts(86400)}",\n      '
        s.write(f'    "acct-{i:05d}" : {{\n      "accessToken" : "at-{i:05d}-abcdefghijklmnopqrstuvwxyz",\n'
                f'      "accessExpiresAt" : "{ts(3600 + i)}",\n      "accessExpirySource" : "expires_in",\n'
                f'      {refresh}"refreshExpirySource" : "documented",\n'
                f'      "obtainedAt" : "{ts(-60)}",\n      "attributes" : {{}}\n    }}')
    s.write('\n  },\n  "version" : 1\n}\n')
PY
  chmod 700 "$dir/state"; chmod 600 "$dir/state/tokens.json"
  cat >"$dir/loop.py" <<'PY'
import sys
for line in open(sys.argv[1]):
    if line.startswith("name = "):
        print(line[8:-2], "-", "-", "valid", "1h00m", "1d00h", sep="  ")
PY
}

median_us() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

for n in "${sizes[@]}"; do
  dir="$work/n$n"
  generate "$n" "$dir"
  export TOKENMAN_CONFIG="$dir/config.toml" TOKENMAN_STATE_DIR="$dir/state"
  # Sanity: every account listed, no warnings.
  rows="$("$bin" list 2>"$dir/err" | wc -l)"
  if [ "$rows" -ne $((n + 1)) ] || [ -s "$dir/err" ]; then
    echo "tokenman list printed $rows lines for $n accounts:" >&2; head "$dir/err" >&2; exit 1
  fi
  names=(cat py-loop list list-json)
  commands=("cat $dir/config.toml $dir/state/tokens.json" "$py -S $dir/loop.py $dir/config.toml" "$bin list" "$bin list --json")
  for c in "${commands[@]}"; do $c >/dev/null; done
  declare -A samples=()
  for ((i = 0; i < runs; i++)); do
    for j in "${!commands[@]}"; do
      start=$EPOCHREALTIME
      ${commands[$j]} >/dev/null
      end=$EPOCHREALTIME
      samples[$j]+="$(( (${end/./} - ${start/./}) )) "
    done
  done
  declare -A medians=()
  for j in "${!commands[@]}"; do medians[$j]="$(printf '%s' "${samples[$j]}" | median_us)"; done
  printf '\nN = %s accounts, %s runs each, interleaved; medians of wall time per process\n' "$n" "$runs"
  printf '%-10s %10s %8s %12s %14s\n' command median_ms "x cat" "x py-loop" "us/account"
  for j in "${!commands[@]}"; do
    awk -v c="${names[$j]}" -v m="${medians[$j]}" -v b="${medians[0]}" -v p="${medians[1]}" -v n="$n" \
      'BEGIN {printf "%-10s %10.2f %8.2f %12.2f %14.2f\n", c, m/1000, m/b, m/p, m/n}'
  done
done
