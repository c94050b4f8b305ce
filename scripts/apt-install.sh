#!/bin/sh
# Install Debian packages when we are allowed to (root with apt-get); otherwise
# say exactly what is missing and how to install it, and fail.
set -eu
[ "$#" -gt 0 ] || { echo "usage: $0 PACKAGE..." >&2; exit 2; }
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian packages: $*" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends "$@" >&2
else
    echo "Missing system packages. Install them with:" >&2
    echo "    sudo apt-get install $*" >&2
    exit 1
fi
