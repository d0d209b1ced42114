"""Registries (Crossref, DataCite, doi.org, HAL): resolve and verify references online.

Only `resolve.py` orchestrates; the other modules each speak to one registry or do one job.
Nothing here prints; the CLI renders what `resolve_references` returns.
"""
