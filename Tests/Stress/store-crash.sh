#!/usr/bin/env bash
# SIGKILLs a process that writes the token store through the real TokenStore, at random moments
# during its writes, KILLS times (default 500). After each kill, StoreCrashWriter check verifies
# that tokens.json and every entry in it are readable, that each account holds either its last
# completed generation or the one being written when the kill landed (old or new, never a mix),
# and that the next write leaves no .tokens.json.*.tmp behind.
#
#   Tests/Stress/store-crash.sh [KILLS] [ACCOUNTS]
set -euo pipefail
cd "$(dirname "$0")/../.."
kills=${1:-500}
accounts=${2:-8}

swift build --product StoreCrashWriter >/dev/null
writer="$(swift build --show-bin-path)/StoreCrashWriter"
work=$(mktemp -d /tmp/tokenman-crash-XXXXXX)
trap 'rm -rf "$work"' EXIT
state="$work/state"
log="$work/log"

landed_in_write=0
removed_total=0
for ((i = 1; i <= kills; i++)); do
  before=$(grep -c "^done" "$log" 2>/dev/null || true); before=${before:-0}
  "$writer" write "$state" "$log" "$accounts" &
  pid=$!
  # Wait (bounded) until this run has completed a write, so the kill lands among writes, then
  # a random 0-19 ms more.
  for ((w = 0; w < 2000; w++)); do
    now=$(grep -c "^done" "$log" 2>/dev/null || true); now=${now:-0}
    [ "$now" -gt "$before" ] && break
    sleep 0.002
  done
  sleep "0.0$(printf '%02d' $((RANDOM % 20)))"
  kill -9 "$pid"
  wait "$pid" 2>/dev/null || true
  # Was a write in progress (a begin without its done) when the kill landed?
  if [ "$(tail -n 1 "$log" | cut -d' ' -f1)" = "begin" ]; then landed_in_write=$((landed_in_write + 1)); fi
  if ! result=$("$writer" check "$state" "$log"); then
    echo "FAILED after kill $i" >&2
    exit 1
  fi
  removed=${result##*leftovers-removed=}
  removed_total=$((removed_total + removed))
done
echo "store-crash: $kills SIGKILLs, $landed_in_write inside a write; every check passed (old or new tokens of every account);"
echo "store-crash: $removed_total leftover temp files found after kills, all removed by the next write"
