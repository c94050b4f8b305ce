#!/bin/sh
# The web container brings the database schema up to date and seeds the sandbox when this is
# one, then serves; a worker container (WORKER=true) waits for that schema, then works.
set -eu

if [ "${WORKER:-false}" = "true" ]; then
    until python manage.py migrate --check >/dev/null 2>&1; do
        echo "Waiting for the database schema..."
        sleep 2
    done
    exec "$@"
fi

python manage.py migrate --no-input

if [ "${TIMP_SANDBOX:-false}" = "true" ]; then
    # Seeded once: a restart keeps every password and token. The credentials go to a private
    # file in the uploads volume, never to the logs.
    umask 077
    python manage.py seed_sandbox --json --keep-existing > /app/var/uploads/.sandbox-credentials.new
    if [ -s /app/var/uploads/.sandbox-credentials.new ]; then
        mv /app/var/uploads/.sandbox-credentials.new /app/var/uploads/.sandbox-credentials.json
        echo "Sandbox seeded; credentials: docker compose exec web cat /app/var/uploads/.sandbox-credentials.json"
    else
        rm -f /app/var/uploads/.sandbox-credentials.new
    fi
fi

exec "$@"
