"""Security baseline: response headers with a CSP nonce, session lifetime, safe redirects."""
