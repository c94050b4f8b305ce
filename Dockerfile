# The API image: gunicorn serving the Django project as an unprivileged user.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

RUN groupadd --system timp \
    && useradd --system --gid timp --home-dir /app --no-create-home --shell /usr/sbin/nologin timp

COPY requirements.txt .
RUN pip install -r requirements.txt

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
