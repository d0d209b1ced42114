"""Citation keys in the Better BibTeX style: author + three significant title words + year.

`jaegerContoursIncertainsTravail2020`. Keys depend only on the entry's fields, so they are
stable across runs and platforms; clashes get a, b, c... in input order, as Better BibTeX does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from biblio_cli.model import Person, Reference
from biblio_cli.normalize import fold, fold_typography

#: Function words Better BibTeX skips in titles (its English list) plus French and Spanish/German ones.
SKIP_WORDS = frozenset(
    [
        "a",
        "ab",
        "aboard",
        "about",
        "above",
        "across",
        "after",
        "against",
        "al",
        "along",
        "amid",
        "among",
        "an",
        "and",
        "anti",
        "around",
        "as",
        "at",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "besides",
        "between",
        "beyond",
        "but",
        "by",
        "d",
        "de",
        "del",
        "della",
        "der",
        "des",
        "despite",
        "die",
        "das",
        "den",
        "do",
        "down",
        "du",
        "during",
        "e",
        "el",
        "en",
        "et",
        "except",
        "for",
        "from",
        "il",
        "in",
        "inside",
        "into",
        "l",
        "la",
        "las",
        "le",
        "les",
        "like",
        "los",
        "lo",
        "minus",
        "near",
        "nor",
        "of",
        "off",
        "on",
        "onto",
        "opposite",
        "or",
        "out",
        "outside",
        "over",
        "past",
        "per",
        "plus",
        "regarding",
        "round",
        "save",
        "since",
        "so",
        "than",
        "that",
        "the",
        "through",
        "throughout",
        "till",
        "to",
        "toward",
        "towards",
        "un",
        "una",
        "und",
        "une",
        "under",
        "underneath",
        "unlike",
        "until",
        "up",
        "upon",
        "versus",
        "via",
        "vs",
        "with",
        "within",
        "without",
        "yet",
        "au",
        "aux",
        "dans",
        "par",
        "pour",
        "sur",
        "avec",
        "sans",
        "sous",
        "chez",
        "ou",
        "ce",
        "ces",
        "cet",
        "cette",
        "qu",
        "que",
        "qui",
        "y",
        "ein",
        "eine",
        "einer",
        "zu",
        "zum",
        "zur",
        "von",
        "mit",
    ]
)
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9&-]{1,15})\)")
_WORD = re.compile(r"[a-z0-9]+")


def _author_part(people: Sequence[Person]) -> str:
    if not people:
        return ""
    first = people[0]
    if first.is_group or (not first.given and " " in first.family):
        acronym = _ACRONYM.search(first.family)
        if acronym:
            return fold(acronym.group(1)).replace(" ", "")
        words = [w for w in _WORD.findall(fold(first.family)) if w not in SKIP_WORDS]
        return words[0] if words else ""
    return "".join(_WORD.findall(fold(first.family)))


def _title_part(title: str) -> str:
    text = fold_typography(title).replace("'", " ")
    words = [w for w in _WORD.findall(fold(text)) if w not in SKIP_WORDS]
    return "".join(w[:1].upper() + w[1:] for w in words[:3])


def base_key(ref: Reference) -> str:
    """The key before clash suffixes; never empty (falls back to 'ref' + line)."""
    key = _author_part(ref.authors or ref.editors) + _title_part(ref.title)
    if ref.year is not None:
        key += str(ref.year)
    if not key:
        key = f"ref{ref.line}"
    if key[0].isdigit():
        key = "ref" + key
    return key


def assign_keys(refs: Sequence[Reference]) -> list[str]:
    """One unique key per reference, in order: the first keeps the base, later clashes get a, b, ..."""
    seen: dict[str, int] = {}
    taken: set[str] = set()
    keys: list[str] = []
    for ref in refs:
        base = base_key(ref)
        count = seen.get(base, 0)
        key = base if count == 0 else base + _suffix(count - 1)
        while key in taken:
            count += 1
            key = base + _suffix(count - 1)
        seen[base] = count + 1
        taken.add(key)
        keys.append(key)
    return keys


def _suffix(n: int) -> str:
    """0 -> 'a', 25 -> 'z', 26 -> 'aa'."""
    letters = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(ord("a") + rem) + letters
    return letters
