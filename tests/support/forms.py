"""Read a rendered form's hidden fields (CSRF token, idempotency key) as a browser would."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from tests.support.pages import check_page


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
