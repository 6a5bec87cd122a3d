"""Helpers to submit a page's form the way a browser would (CSRF token included)."""

from __future__ import annotations

import re

from flask.testing import FlaskClient


def csrf_token(client: FlaskClient, path: str) -> str:
    html = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html) or re.search(
        r'value="([^"]+)"[^>]*name="csrf_token"', html
    )
    assert match, f"no CSRF token on {path}"
    return match.group(1)
