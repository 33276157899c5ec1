#!/usr/bin/env bash
# Installs the tools the end-to-end tests drive (tmux). Safe to run repeatedly; does nothing
# when they are already present. Tests that need tmux call this script themselves too.
set -uo pipefail

if command -v tmux >/dev/null 2>&1; then
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
    sudo="sudo -n"
fi

if command -v apt-get >/dev/null 2>&1; then
    $sudo apt-get install -y -q tmux >/dev/null 2>&1 ||
        { $sudo apt-get update -q >/dev/null 2>&1 && $sudo apt-get install -y -q tmux >/dev/null 2>&1; }
elif command -v brew >/dev/null 2>&1; then
    brew install tmux >/dev/null 2>&1
elif command -v dnf >/dev/null 2>&1; then
    $sudo dnf install -y tmux >/dev/null 2>&1
fi

if command -v tmux >/dev/null 2>&1; then
    echo "installed tmux: $(tmux -V)"
else
    echo "could not install tmux; the end-to-end terminal tests will be skipped" >&2
fi
exit 0
