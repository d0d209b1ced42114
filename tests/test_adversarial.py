"""No extractor backtracks catastrophically: 100 KB adversarial lines all finish in bounded time.

The inputs and extractors are those of `python -m benchmarks.adversarial` (1 MB lines, timed).
Here each call only has to finish within a generous bound (5 s, SIGALRM; a linear pass over
100 KB takes milliseconds, a quadratic or worse one minutes), so a loaded CI box cannot make
the test flaky; the benchmark is where times are compared with the 1 s target.
"""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path

import pytest

try:
    from benchmarks import adversarial
except ImportError:  # pytest run from elsewhere than the repository root
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from benchmarks import adversarial

SIZE = 100_000
BOUND = 5.0

LINES = adversarial.adversarial_lines(SIZE)
EXTRACTORS = adversarial.extractors()

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread(),
    reason="the time bound needs SIGALRM in the main thread",
)


@pytest.mark.parametrize("name", sorted(EXTRACTORS))
def test_extractor_finishes_on_adversarial_lines(name: str) -> None:
    extractor = EXTRACTORS[name]
    slow = []
    for input_name, line in LINES.items():
        # Only the time is checked here: an extractor may also refuse an input with an error.
        _, outcome = adversarial.timed(extractor, line, BOUND)
        if outcome == "timeout":
            slow.append(input_name)
    assert not slow, f"{name} ran over {BOUND:g} s on {SIZE:,}-character lines: {', '.join(slow)}"


def test_inputs_are_single_lines_of_the_wanted_size() -> None:
    assert len(LINES) >= 60
    for name, line in LINES.items():
        assert len(line) == SIZE, name
        assert "\n" not in line and "\r" not in line, name
