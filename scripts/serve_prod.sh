#!/usr/bin/env bash
# Production shape: gunicorn workers, PostgreSQL and Redis from the environment.
#   DATABASE_URL=postgresql://… REDIS_URL=redis://… SECRET_KEY=… \
#   CITIZEN_OIDC_ISSUER=… CITIZEN_OIDC_CLIENT_SECRET=… STAFF_OIDC_ISSUER=… STAFF_OIDC_CLIENT_SECRET=… \
#   make serve-prod            (BIND=127.0.0.1:8000 WORKERS=3 by default)
# Stateless: sessions are signed cookies, rate limits live in Redis, uploads in UPLOAD_DIR
# (a shared volume), so any number of these processes can stand behind a load balancer.
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL (PostgreSQL)}"
: "${SECRET_KEY:?set SECRET_KEY (at least 32 random characters)}"
: "${REDIS_URL:?set REDIS_URL (rate limits)}"
export PORTAL_ENV="${PORTAL_ENV:-production}"
VENV="${VENV:-.venv}"
"$VENV/bin/flask" --app app db upgrade
exec "$VENV/bin/gunicorn" \
  --workers "${WORKERS:-3}" \
  --bind "${BIND:-127.0.0.1:8000}" \
  --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-127.0.0.1}" \
  --timeout "${TIMEOUT:-30}" \
  --graceful-timeout 10 \
  --no-control-socket \
  --access-logfile - \
  app:app
