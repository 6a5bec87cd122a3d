"""Submit a page's form the way a browser would: CSRF token and other hidden fields."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from tests.support.pages import check_page


def csrf_token(client: FlaskClient, path: str) -> str:
    html = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html) or re.search(
        r'value="([^"]+)"[^>]*name="csrf_token"', html
    )
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def hidden_fields(client: FlaskClient, path: str) -> dict[str, str]:
    """GET ``path`` (checked like every page) and return its hidden inputs."""
    page = check_page(client.get(path))
    html = page.response.get_data(as_text=True)
    out: dict[str, str] = {}
    for tag in re.findall(r"<input[^>]*type=\"hidden\"[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name and name[1] not in out:
            out[name[1]] = value[1] if value else ""
    return out
