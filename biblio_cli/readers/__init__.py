"""Readers turn a file into a Document (decoded lines). One module per input format."""

from biblio_cli.readers.text import decode_bytes, read_document

__all__ = ["decode_bytes", "read_document"]
