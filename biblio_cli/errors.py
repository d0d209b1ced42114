"""The few exceptions the library raises; the CLI maps each to a one-line message and exit code."""


class BiblioError(Exception):
    """Base class: anything the user can fix, reported as one line without a traceback."""


class InputError(BiblioError):
    """A document cannot be read: missing, a directory, binary, undecodable or empty."""


class UsageError(BiblioError):
    """Options that do not make sense together, or an unknown rule id."""


class OutputError(BiblioError):
    """A result cannot be written (disk full, permission denied); the old file is left as it was."""


class Interrupted(BaseException):  # not an error: a request to stop
    """SIGINT or SIGTERM arrived: unwind (temporary files removed, the cache rolled back) and exit 128+signal.

    A BaseException, like KeyboardInterrupt, so that no `except Exception` in the library swallows it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """130 for SIGINT (Ctrl-C), 143 for SIGTERM: the shell convention 128 + signal number."""
        return 128 + self.signum
