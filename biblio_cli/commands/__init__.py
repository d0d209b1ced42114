"""Click commands that live outside cli.py, one module per command."""
