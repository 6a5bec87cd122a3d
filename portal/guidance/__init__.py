"""Guidance pages on rights and duties: content files, safe Markdown, glossary, readability."""
