"""Form building blocks shared by every area (fields whose messages we translate)."""
