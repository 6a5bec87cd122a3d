"""Log in through the real OIDC provider from a Flask test client.

The portal redirects to the provider; we submit the provider's own authorization
form (as a person would, choosing a subject), follow its redirect back to the
portal's callback, and the portal exchanges the code over real HTTP.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import requests
from flask.testing import FlaskClient
from werkzeug.test import TestResponse


def login(client: FlaskClient, subject: str, audience: str = "citizen") -> TestResponse:
    start = client.get(f"/auth/{audience}/login")
    assert start.status_code == 302, start.data[:300]
    authorize_url = start.location
    answer = requests.post(authorize_url, data={"sub": subject}, allow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.text[:300]
    back = urlsplit(answer.headers["Location"])
    return client.get(f"{back.path}?{back.query}")
