"""Benchmarks for biblio (not part of the installed package)."""
