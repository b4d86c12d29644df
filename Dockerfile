# Production image: gunicorn serving Django, whitenoise for static files.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/opt/venv PATH="/opt/venv/bin:$PATH"

# WeasyPrint needs Pango, and HarfBuzz-Subset to subset fonts fast (fontTools, its fallback,
# measured ~30 % slower per PDF); gettext compiles the translations.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 gettext \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
RUN pip install --no-cache-dir "uv==0.13.8"
COPY pyproject.toml uv.lock ./
RUN uv sync --locked --no-dev --no-install-project
COPY . .
# collectstatic runs with production settings, which refuse to start without keys: give it
# throw-away ones (nothing is encrypted at build time; the real keys come from .env).
RUN python manage.py compilemessages -v 0 \
 && DJANGO_DEBUG=0 DJANGO_SECRET_KEY=build-only DJANGO_SEARCH_INDEX_KEY=build-only DJANGO_KEK_DIR=/tmp/build-only \
    DJANGO_ENCRYPTION_KEYS="$(python -c 'import base64; print(base64.urlsafe_b64encode(bytes(32)).decode())')" \
    python manage.py collectstatic --noinput -v 0 \
 && useradd --system --uid 10001 aid && mkdir -p /data/uploads /data/keys && chown aid /data/uploads /data/keys && chmod 700 /data/keys

USER aid
EXPOSE 8000
# Threaded workers for the wizard (measured best on 2 cores, docs/benchmarks.md); the compose
# file runs PDFs in their own service so a slow PDF cannot starve wizard steps.
# The access log leaves out query strings and referrers (resume codes in ?code=, advisor searches
# in ?q=) and user agents: method, path, status, size and time only (docs/security.md).
CMD ["gunicorn", "decision_aid.wsgi", "--bind", "0.0.0.0:8000", "--worker-class", "gthread", \
     "--workers", "2", "--threads", "8", "--keep-alive", "75", "--timeout", "30", \
     "--access-logfile", "-", "--access-logformat", "%(h)s %(t)s \"%(m)s %(U)s\" %(s)s %(b)s %(M)sms"]
