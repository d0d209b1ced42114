"""Feed every extractor long single lines built to make regular expressions backtrack.

    python -m benchmarks.adversarial                 # 1,000,000-character lines (the line limit)
    python -m benchmarks.adversarial 100000          # another length
    python -m benchmarks.adversarial --all           # every (extractor, input) time, not just the slowest
    python -m benchmarks.adversarial --only parse_entry --only clean_line

Each input is one line of a repeated unit ('((((', 'A. B. C. ', '10.1/', '<sup>', '\\_', ...) or a
seeded mix of units. Each extractor (find_citations, parse_entry, the section finder, clean_line,
parse_authors, the DOI functions, the readers that take strings, check_text end to end) runs on
each input once, in this process, under a time cap (SIGALRM; the regex engine checks for signals).
The table shows each extractor's slowest input; the target is under 1 s. Not part of the test
suite: tests/test_adversarial.py runs the same inputs at 100 KB with a generous bound.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

#: Default line length: the longest line a document may hold at the default input size limit.
SIZE = 1_000_000
#: Target per call, in seconds (issue 7).
TARGET = 1.0
#: A call still running after this many seconds is stopped and reported as "> CAP".
CAP = 20.0

#: Repeated units; each input is one unit repeated to the wanted length.
UNITS: dict[str, str] = {
    "open-parens": "(",
    "close-parens": ")",
    "paren-pairs": "()",
    "open-brackets": "[",
    "brackets": "[x]",
    "md-link-open": "[a](",
    "md-link-close": "](",
    "md-image": "![",
    "commas": ",",
    "comma-space": ", ",
    "semicolons": " ; ",
    "initials": "A. B. C. ",
    "initials-tight": "A.B.",
    "initials-hyphen": "J.-F. ",
    "et-al": "et al. ",
    "and-al": "& al. ",
    "names-comma": "Sorin, ",
    "names-amp": "Sorin & ",
    "names-et": "Sorin et ",
    "capital-words": "Paul ",
    "long-capital-word": "Abcdefghij",
    "long-word": "a",
    "particles": "de la ",
    "hyphenated-name": "Le-Chêne-",
    "digits": "1",
    "years": "2019 ",
    "years-comma": "2019, ",
    "year-parens-open": "(2019",
    "year-parens": "(2019) ",
    "citation-open": "(Sorin, 2020",
    "narrative": "Sorin (",
    "locators": "p. 12, ",
    "doi-fragments": "10.1/",
    "doi-registrant": "10.12345/",
    "doi-prefix": "https://doi.org/",
    "doi-label": "doi: ",
    "urls": "http://",
    "www": "www.",
    "sup-open": "<sup>",
    "sup-digit": "<sup>1",
    "anchor-open": "<a href='x'>",
    "anchor-attr": "<a href=",
    "lt": "<",
    "tag-unclosed": "<a",
    "end-tag-open": "</",
    "pi-open": "<?",
    "bang": "<!",
    "comment-open": "<!--",
    "suppression-open": "<!-- biblio:",
    "cdata-open": "<![CDATA[",
    "tags": "<b>",
    "br": "<br",
    "entities": "&amp;",
    "ampersands": "&",
    "bold": "**",
    "bold-word": "**a",
    "stars": "*",
    "star-word": "*a ",
    "underscores": "_",
    "underscore-word": "_a ",
    "double-underscore": "__a",
    "escaped-underscore": "\\_",
    "backslashes": "\\",
    "double-quotes": '"',
    "guillemets": "« ",
    "quotes": "'",
    "backticks": "`",
    "spaces": " ",
    "tabs": "\t",
    "dots": ".",
    "dot-space": ". ",
    "hyphens": "-",
    "en-dashes": "–",
    "colons": ": ",
    "isbn": "ISBN 978-",
    "arxiv": "arXiv:",
    "hal": "hal-",
    "retrieved": "Retrieved from ",
    "in-editors": "In ",
    "editor-role": "(dir.) ",
    "footnote-call": "[^1]",
    "hash": "#",
    "accents": "é",
    "nbsp": "\u00a0",
}
#: Inputs that are not one unit repeated: (head, filler unit, tail).
FRAMED: dict[str, tuple[str, str, str]] = {
    "inner-spaces": ("Sorin", " ", "Paul"),
    "inner-tabs": ("Sorin, F.", "\t", "et al."),
    "inner-nbsp": ("(Sorin", "\u00a0", "2019)"),
    "long-parens": ("(", "x", ")"),
    "long-brackets": ("[", "x", "]"),
    "long-italic": ("*", "a", "*"),
    "long-link": ("[a](http://", "x", ")"),
    "long-doi": ("https://doi.org/10.1234/", "x", "."),
    # readers that loop over a text's stops: each stop must cost the same, whatever follows it
    "imprint-stops": ("Smith, J. 1999. Title. In Book, Ab: x", ", Ab: x", " 12-19"),
    "abbreviation-stops": ("Smith, J. 1999. Title. Proceedings of the Conf. ", "Ab. Cd. ", " pp. 12-19. London"),
    "meeting-sentences": ("Smith, J. 1999. Title. ", "Conference abc def. ", "pages 3-4"),
}
#: Units drawn at random (seeded) for the 'mixed' inputs.
_MIX = (*UNITS.values(), "Sorin", "2019", "(", ")", ", ", ". ", " ", "A.", "et al.", "*", "<", ">", "&")


def repeat(unit: str, size: int) -> str:
    """`unit` repeated, cut to exactly `size` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def adversarial_lines(size: int) -> dict[str, str]:
    """Input name -> one line of `size` characters."""
    lines = {name: repeat(unit, size) for name, unit in UNITS.items()}
    for name, (head, unit, tail) in FRAMED.items():
        lines[name] = head + repeat(unit, size - len(head) - len(tail)) + tail
    for seed in (1, 2, 3):
        rng = random.Random(seed)
        parts: list[str] = []
        length = 0
        while length < size:
            part = rng.choice(_MIX)
            parts.append(part)
            length += len(part)
        lines[f"mixed-{seed}"] = "".join(parts)[:size]
    return lines


def _csljson_text(line: str) -> str:
    return json.dumps([{"id": "a", "type": "book", "title": line, "author": [{"literal": line}]}])


def _ris_text(line: str) -> str:
    return f"TY  - JOUR\nAU  - {line}\nTI  - {line}\nDO  - {line}\nER  - \n"


def _bib_text(line: str) -> str:
    return f"@article{{a,\n  author = {{{line}}},\n  title = {{{line}}},\n  doi = {{{line}}},\n}}\n"


def _html_file(line: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.html"
        path.write_text(f"<html><body><p>{line}</p><h2>References</h2><p>{line}</p></body></html>", encoding="utf-8")
        yield path


def extractors() -> dict[str, Callable[[str], object]]:
    """Extractor name -> a function of one line. Readers that are not installed are left out."""
    from biblio_cli.citations import find_citations
    from biblio_cli.markup import clean_line, strip_italics
    from biblio_cli.names import parse_authors, parse_editor_phrase
    from biblio_cli.normalize import DOI_PATTERN, fold, name_key, normalize_doi
    from biblio_cli.pipeline import check_text
    from biblio_cli.readers.text import document_from_text
    from biblio_cli.references import parse_entry
    from biblio_cli.sections import RawEntry, find_footnote_references, find_reference_section, split_entries

    def sections(line: str) -> object:
        lines = ("## References", line)
        section = find_reference_section(lines)
        return split_entries(lines, section) if section else []

    def heading_line(line: str) -> object:
        return find_reference_section((line, "=" * 3, line))

    def dois(line: str) -> object:
        return [normalize_doi(m) for m in DOI_PATTERN.findall(line)[:1000]], normalize_doi(line)

    found: dict[str, Callable[[str], object]] = {
        "clean_line": clean_line,
        "clean_line(italics)": lambda line: clean_line(line, keep_italics=True),
        "strip_italics": strip_italics,
        "find_citations": lambda line: find_citations([(1, line)], frozenset({"sorin", "paul", "abcdefghij"})),
        "parse_entry": lambda line: parse_entry(RawEntry(1, 1, line, line), "r1"),
        "sections": sections,
        "footnotes": lambda line: find_footnote_references((f"<sup>1</sup> {line}",), range(0)),
        "headings": heading_line,
        "parse_authors": parse_authors,
        "parse_editor_phrase": parse_editor_phrase,
        "dois": dois,
        "fold/name_key": lambda line: (fold(line), name_key(line)),
        "document_from_text": document_from_text,
        "check_text": lambda line: check_text(f"{line}\n\n## References\n\n{line}\n"),
    }
    with contextlib.suppress(ImportError):
        from biblio_cli.readers.bibfile import read_bibtex

        found["read_bibtex"] = lambda line: read_bibtex(_bib_text(line))
    with contextlib.suppress(ImportError):
        from biblio_cli.readers.csljson import read_csljson

        found["read_csljson"] = lambda line: read_csljson(_csljson_text(line))
    with contextlib.suppress(ImportError):
        from biblio_cli.readers.ris import read_ris

        found["read_ris"] = lambda line: read_ris(_ris_text(line))
    with contextlib.suppress(ImportError):
        from biblio_cli.readers.latex import document_from_latex  # type: ignore[import-not-found,unused-ignore]

        found["document_from_latex"] = document_from_latex
    with contextlib.suppress(ImportError):
        from biblio_cli.readers.html import read_html

        def html(line: str) -> object:
            for path in _html_file(line):
                return read_html(path)
            return None

        found["read_html"] = html
    return found


class Timeout(Exception):
    """Raised by the SIGALRM handler inside a call that ran past its cap."""


def timed(fn: Callable[[str], object], line: str, cap: float) -> tuple[float, str]:
    """(seconds, outcome) for one call: outcome is 'ok', 'timeout' or the exception's class name."""
    if not hasattr(signal, "setitimer"):  # pragma: no cover - Windows: no cap
        start = time.perf_counter()
        fn(line)
        return time.perf_counter() - start, "ok"

    def stop(signum: int, frame: object) -> None:
        raise Timeout

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, cap)
    start = time.perf_counter()
    outcome = "ok"
    try:
        fn(line)
    except Timeout:
        outcome = "timeout"
    except Exception as exc:  # an input error (line too long, bad JSON) is an answer too
        outcome = type(exc).__name__
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return time.perf_counter() - start, outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("size", type=int, nargs="?", default=SIZE, help="line length in characters")
    parser.add_argument("--cap", type=float, default=CAP, help="stop a call after this many seconds")
    parser.add_argument("--only", action="append", default=[], help="only this extractor (repeatable)")
    parser.add_argument("--all", action="store_true", help="print every (extractor, input) time")
    args = parser.parse_args(argv)
    lines = adversarial_lines(args.size)
    found = extractors()
    chosen = {name: fn for name, fn in found.items() if not args.only or name in args.only}
    print(
        f"adversarial inputs: {len(lines)} single lines of {args.size:,} characters, "
        f"{len(chosen)} extractors, cap {args.cap:g} s, target < {TARGET:g} s ({sys.executable}, pid {os.getpid()})"
    )
    print(f"{'extractor':<22} {'slowest input':<20} {'seconds':>8}  {'2nd slowest':<20} {'seconds':>8}  verdict")
    missed = []
    for name, fn in chosen.items():
        times: list[tuple[float, str, str]] = []
        for input_name, line in lines.items():
            seconds, outcome = timed(fn, line, args.cap)
            times.append((seconds, input_name, outcome))
            if args.all:
                print(f"    {name:<22} {input_name:<20} {seconds:8.3f}  {outcome}")
        times.sort(reverse=True)
        (worst, worst_name, worst_outcome), (second, second_name, _) = times[0], times[1]
        slow = worst_outcome == "timeout" or worst >= TARGET
        verdict = ("> cap, " if worst_outcome == "timeout" else "") + ("MISSED" if slow else "ok")
        if slow:
            missed.append(name)
        shown = f"> {args.cap:g}" if worst_outcome == "timeout" else f"{worst:.3f}"
        print(f"{name:<22} {worst_name:<20} {shown:>8}  {second_name:<20} {second:8.3f}  {verdict}")
    if missed:
        print(f"over {TARGET:g} s: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
