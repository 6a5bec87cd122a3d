"""Form helpers shared by several features: typed dates, idempotency keys."""
