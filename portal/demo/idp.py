"""Run the development OpenID Connect provider with the demo personas.

``python -m portal.demo.idp --port 9400`` — the real ``oidc-provider-mock``
server (Authlib-based), with each persona predefined so the login page offers a
button per persona. Nonces are required, as a real MitID broker requires them.
"""

from __future__ import annotations

import json
import os
import sys

from portal.demo.personas import PERSONAS


def main(argv: list[str] | None = None) -> None:
    from oidc_provider_mock.__main__ import run

    args = list(sys.argv[1:] if argv is None else argv)
    if "--port" not in args and "-p" not in args:
        args += ["--port", os.environ.get("OIDC_PORT", "9400")]
    args += ["--require-nonce", "true"]
    for persona in PERSONAS:
        args += ["--user-claims", json.dumps(persona.claims())]
    run(args)


if __name__ == "__main__":
    main()
