#!/usr/bin/env bash
# Start the development OIDC provider and the portal; stop both on Ctrl-C.
set -euo pipefail
PY=${PY:-.venv/bin/python}
PORT=${PORT:-5000}
OIDC_PORT=${OIDC_PORT:-9400}
export DEV_IDP_URL="http://127.0.0.1:${OIDC_PORT}"
"$PY" -m portal.demo.idp --port "$OIDC_PORT" &
IDP_PID=$!
trap 'kill $IDP_PID 2>/dev/null || true' EXIT INT TERM
echo "Development identity provider: $DEV_IDP_URL"
echo "Portal: http://127.0.0.1:${PORT}  (log in as a persona: see README.md)"
"$PY" -m flask --app app run --host 127.0.0.1 --port "$PORT"
