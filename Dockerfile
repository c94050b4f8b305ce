# The API image: gunicorn serving the Django project (or, with WORKER=true and the command
# `python manage.py worker`, the background worker) as an unprivileged user.
#
# BASE_IMAGE is the official Python image by default. Any Debian-based image with Python 3.11+
# and its venv module works: `make image-test` builds on a minimal Debian 12 made locally
# (debootstrap), where no image registry is reachable.
ARG BASE_IMAGE=python:3.12-slim
FROM ${BASE_IMAGE}

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/venv/bin:$PATH

WORKDIR /app

RUN groupadd --system timp \
    && useradd --system --gid timp --home-dir /app --no-create-home --shell /usr/sbin/nologin timp

# Wheels only: no compiler is needed, and none is left behind. A build behind a TLS-inspecting
# proxy passes its CA bundle as the secret `ca_bundle`; it is used here and not kept.
COPY requirements.txt .
RUN --mount=type=secret,id=ca_bundle \
    if [ -s /run/secrets/ca_bundle ]; then export PIP_CERT=/run/secrets/ca_bundle; fi \
    && python3 -m venv /opt/venv \
    && pip install --only-binary=:all: -r requirements.txt \
    && find /opt/venv -name '__pycache__' -prune -exec rm -rf {} +

COPY . .

# Static files are collected at build time and served by WhiteNoise; the settings need a
# key and a database URL to load, neither of which is used by collectstatic.
RUN DEBUG=false SECRET_KEY=collectstatic-only DATABASE_URL=postgres://unused@localhost/unused \
        python manage.py collectstatic --no-input \
    && mkdir -p /app/var/uploads \
    && chown -R timp:timp /app/var

USER timp
EXPOSE 8000
VOLUME ["/app/var/uploads"]

HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "docker/healthcheck.py"]

ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["gunicorn", "--config", "python:timp_api.gunicorn", "timp_api.wsgi"]
