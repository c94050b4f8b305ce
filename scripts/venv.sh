#!/bin/sh
# Create the project's virtualenv at $1. Debian ships the venv module separately
# (python3-venv), so install it when it is missing and we may.
set -eu
venv=$1
python=${PYTHON:-python3}
if [ ! -x "$venv/bin/python" ]; then
    if ! "$python" -m venv "$venv" >/dev/null 2>&1; then
        rm -rf "$venv"
        version=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
        sh "$(dirname "$0")/apt-install.sh" "python$version-venv"
        "$python" -m venv "$venv"
    fi
fi
"$venv/bin/python" -m pip install --quiet --upgrade pip
