"""The few exceptions the library raises; the CLI maps each to a one-line message and exit code."""


class BiblioError(Exception):
    """Base class: anything the user can fix, reported as one line without a traceback."""


class InputError(BiblioError):
    """A document cannot be read: missing, a directory, binary, undecodable or empty."""


class UsageError(BiblioError):
    """Options that do not make sense together, or an unknown rule id."""


class OutputError(BiblioError):
    """A result cannot be written (disk full, permission denied); the old file is left as it was."""
