"""The citizen's job talks: book, move and cancel (digital self-booking)."""
