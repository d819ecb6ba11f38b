#!/usr/bin/env bash
# Regenerates the README's screen captures from the app: runs `tokenman demo` (the built-in
# simulator on loopback, no credentials) in tmux at each size that has a
# `<!-- capture WxH -->` … `<!-- /capture -->` block in README.md, waits until the demo
# accounts are logged in, and puts the screen between the markers (runs of empty rows
# squeezed to one).
#
#   Tests/Docs/regenerate-readme-captures.sh            # builds the debug binary first
#   TOKENMAN_BIN=/path/to/tokenman Tests/Docs/regenerate-readme-captures.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
readme="$root/README.md"
if [[ -z "${TOKENMAN_BIN:-}" ]]; then
    (cd "$root" && swift build --product tokenman >/dev/null)
    TOKENMAN_BIN="$root/.build/debug/tokenman"
fi
command -v tmux >/dev/null || { echo "tmux is needed" >&2; exit 1; }

work=$(mktemp -d)
socket="$work/tmux.sock"
cleanup() {
    tmux -S "$socket" kill-server 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# The screen at WIDTHxHEIGHT once the list shows and no row has a spinner (a request in
# flight): the spinner column is the one column no width drops.
capture() {
    local width=$1 height=$2 screen="" tries=0
    tmux -S "$socket" -f /dev/null new-session -d -s capture -x "$width" -y "$height" \
        "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 TMPDIR=$work '$TOKENMAN_BIN' demo; sleep 5"
    while (( tries < 100 )); do
        sleep 0.3
        screen=$(tmux -S "$socket" capture-pane -p -t capture)
        if grep -q "tokenman" <<<"$screen" && grep -q "demo" <<<"$screen" && ! LC_ALL=C.UTF-8 grep -qP '[\x{2800}-\x{28FF}]' <<<"$screen"; then
            # One more second so every row has been redrawn after the last login.
            sleep 1
            screen=$(tmux -S "$socket" capture-pane -p -t capture)
            break
        fi
        tries=$((tries + 1))
    done
    tmux -S "$socket" send-keys -t capture q
    sleep 0.5
    tmux -S "$socket" kill-server 2>/dev/null || true
    if (( tries >= 100 )); then
        echo "the demo did not log in at ${width}x${height}; last screen:" >&2
        echo "$screen" >&2
        exit 1
    fi
    # The empty rows between the list and the status line are squeezed to one: the screen
    # as it is, minus a page of blank README lines.
    printf '%s\n' "$screen" | cat -s
}

sizes=$(grep -o '<!-- capture [0-9]*x[0-9]* -->' "$readme" | sed 's/<!-- capture \(.*\) -->/\1/')
[[ -n "$sizes" ]] || { echo "no <!-- capture WxH --> markers in README.md" >&2; exit 1; }
updated="$work/README.md"
cp "$readme" "$updated"
for size in $sizes; do
    capture "${size%x*}" "${size#*x}" > "$work/capture-$size.txt"
    awk -v marker="<!-- capture $size -->" -v file="$work/capture-$size.txt" '
        $0 == marker { print; print "```"; while ((getline line < file) > 0) print line; print "```"; skipping = 1; next }
        skipping && $0 == "<!-- /capture -->" { skipping = 0 }
        !skipping { print }
    ' "$updated" > "$updated.new"
    mv "$updated.new" "$updated"
    echo "captured ${size}"
done
cp "$updated" "$readme"
