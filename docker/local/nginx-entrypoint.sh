#!/bin/sh
# As the official image: each template, with the environment's variables filled in, then nginx.
set -eu
for template in /etc/nginx/templates/*.template; do
    [ -e "$template" ] || continue
    envsubst "$(env | sed -e 's/=.*//' -e 's/^/$/' | tr '\n' ' ')" < "$template" \
        > "/etc/nginx/conf.d/$(basename "$template" .template)"
done
exec nginx -g 'daemon off;'
