#!/bin/sh
# Bring the database schema up to date, seed the sandbox when this is one, then serve.
set -eu

python manage.py migrate --no-input

if [ "${TIMP_SANDBOX:-false}" = "true" ]; then
    # Credentials go to a private file in the uploads volume, never to the logs.
    umask 077
    python manage.py seed_sandbox --json > /app/var/uploads/.sandbox-credentials.json
    echo "Sandbox seeded; credentials: docker compose exec web cat /app/var/uploads/.sandbox-credentials.json"
fi

exec "$@"
