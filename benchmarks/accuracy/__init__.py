"""Accuracy benchmark: reference parsing and inconsistency detection on real labelled data.

Run from the repository root: ``python -m benchmarks.accuracy`` (see docs/accuracy.md).
The data is read from ../shared/corpus (or $BIBLIO_CORPUS); nothing is copied into the project.
"""
