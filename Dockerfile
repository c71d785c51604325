# The decisions service: one image for the web process (gunicorn) and the task worker (db_worker).
# Runs as an unprivileged user; configuration comes from the environment (docs/deploy.md).
FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# WeasyPrint's system libraries (Pango with HarfBuzz, fontconfig); pg_dump/pg_restore for
# `manage.py backup` and `restore`. The PDFs' fonts ship in static/fonts, so no font packages
# decide what a PDF looks like.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libfontconfig1 \
        postgresql-client \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app

WORKDIR /app
COPY requirements/base.txt requirements/base.txt
RUN pip install -r requirements/base.txt

COPY --chown=app:app . .
# Static files are collected into the image (WhiteNoise serves them, hashed and compressed).
RUN DJANGO_SECRET_KEY=collectstatic-only DJANGO_ALLOWED_HOSTS=build python manage.py collectstatic --noinput -v 0 \
    && mkdir -p /app/media \
    && chown app:app /app/media

USER app
EXPOSE 8000
VOLUME ["/app/media"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"

# The web process; the worker runs the same image with `python manage.py db_worker --no-reload`.
CMD ["gunicorn", "config.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "60", "--access-logfile", "-"]
