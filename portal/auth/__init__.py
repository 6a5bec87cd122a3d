"""Login through OpenID Connect: citizens via a MitID broker, staff via the municipality's IdP."""
