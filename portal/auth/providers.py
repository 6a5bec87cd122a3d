"""The two OpenID Connect providers, registered with Authlib.

Discovery by issuer URL (``/.well-known/openid-configuration``), authorization
code flow with PKCE (S256); Authlib checks ``state`` and the ID token's ``nonce``,
``iss``, ``aud`` and expiry. Metadata is fetched lazily, at the first login, so the
portal starts even while an identity provider is down.
"""

from __future__ import annotations

from enum import StrEnum

from authlib.integrations.flask_client import OAuth
from flask import Flask, current_app

from portal.config import OIDCProvider

EXTENSION = "portal.oauth"


class Audience(StrEnum):
    CITIZEN = "citizen"
    STAFF = "staff"


def register(app: Flask, citizen: OIDCProvider, staff: OIDCProvider) -> None:
    """One Authlib registry per app: two apps in one process (tests, a second tenant)
    never overwrite each other's providers."""
    oauth = OAuth(app)
    app.extensions[EXTENSION] = oauth
    for provider in (citizen, staff):
        oauth.register(
            name=provider.name,
            client_id=provider.client_id,
            client_secret=provider.client_secret,
            server_metadata_url=provider.metadata_url,
            client_kwargs={"scope": provider.scope, "code_challenge_method": "S256"},
            overwrite=True,
        )


def client(audience: Audience):  # type: ignore[no-untyped-def]
    """The Authlib client of one audience."""
    return current_app.extensions[EXTENSION].create_client(audience.value)
