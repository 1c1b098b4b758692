"""Extraction: reference-list location and parsing, citation scanning, linking."""
