"""Pure str -> str normalisers for names, years, DOIs and titles, shared by every stage."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from operator import itemgetter

#: Lowercase particles written before a family name; dropped when comparing names.
PARTICLES = frozenset(
    [
        "de",
        "du",
        "des",
        "d'",
        "della",
        "delle",
        "del",
        "dela",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "ten",
        "zu",
        "da",
        "di",
        "dos",
        "das",
        "do",
        "le",
        "la",
        "les",
        "l'",
        "y",
        "af",
        "av",
    ]
)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")
_APOSTROPHES = dict.fromkeys(map(ord, "\u2019\u2018\u02bc\u0060\u00b4"), "'")
_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u3000"), " ")
_LIGATURES = {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d"}
_LIGATURE_RE = re.compile("|".join(_LIGATURES))
#: The three tables in one (their keys are disjoint and no value is another table's key).
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_TYPOGRAPHY = {**_DASHES, **_APOSTROPHES, **_SPACES}
_TYPOGRAPHY_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TYPOGRAPHY)) + "]")


def fold_typography(text: str) -> str:
    """Unify dashes, apostrophes and exotic spaces so regexes only see ASCII forms."""
    # Fast path: str.translate looks every character up in a dict; most text has nothing to fold.
    if text.isascii():
        return text.replace("`", "'") if "`" in text else text
    if _TYPOGRAPHY_CHARS.search(text) is None:
        return text
    return text.translate(_TYPOGRAPHY)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Accent-, case- and punctuation-insensitive form: 'Chêne-Éloïse' -> 'chene eloise'."""
    if text.isascii():  # no ligature, no accent: NFKD and the combining filter change nothing
        return _NON_ALNUM.sub(" ", text.lower()).strip()
    text = _LIGATURE_RE.sub(lambda m: _LIGATURES[m.group(0)], text)
    decomposed = unicodedata.normalize("NFKD", text)
    # Combining marks are never ASCII: look at the non-ASCII runs only, not at every character.
    ascii_only = _NON_ASCII_RUN.sub(_drop_combining, decomposed)
    return _NON_ALNUM.sub(" ", ascii_only.casefold()).strip()


def _drop_combining(run: re.Match[str]) -> str:
    return "".join(c for c in run.group(0) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Comparison key for a family name: folded, particles dropped, spaces and hyphens removed.

    'de Gaulejac' and 'Gaulejac' share a key; so do 'Le Chêne', 'le Chene' and 'Chêne'.
    """
    words = fold(fold_typography(name).replace("'", "' ")).replace("'", " ").split()
    first = 0  # an index, not words[1:] in the loop: a long run of particles stays linear
    while len(words) - first > 1 and (words[first] in PARTICLES or words[first] + "'" in PARTICLES):
        first += 1
    return "".join(words[first:])


def name_variants(name: str) -> list[str]:
    """Keys to try for a cited name, longest first: 'Dominique Pasquier' -> [dominiquepasquier, pasquier].

    A narrative citation's name can drag in a given name or a sentence-initial word;
    trying trailing sub-sequences finds the family name without a lexicon of first names.
    """
    words = fold_typography(name).split()
    variants = []
    for start in range(len(words)):
        key = name_key(" ".join(words[start:]))
        if key and key not in variants:
            variants.append(key)
    return variants


#: Labels for undated and forthcoming works, folded to one canonical spelling each.
_YEAR_LABELS = {
    "nd": "n.d.",
    "sd": "n.d.",
    "sansdate": "n.d.",
    "ohnejahr": "n.d.",
    "oj": "n.d.",
    "sf": "n.d.",
    "inpress": "in press",
    "souspresse": "in press",
    "forthcoming": "in press",
    "aparaitre": "in press",
    "imdruck": "in press",
    "enprensa": "in press",
}


def canonical_year_label(label: str) -> str:
    """'s. d.' -> 'n.d.', 'sous presse' -> 'in press'; unknown labels pass through folded."""
    key = fold(label).replace(" ", "")
    return _YEAR_LABELS.get(key, label.strip())


#: re.sub replacement taking the first group: a C-level call, where the template r"\1" runs
#: re's Python-level template expansion once per match (Python 3.11).
FIRST_GROUP: Callable[[re.Match[str]], str] = itemgetter(1)

DOI_PATTERN = re.compile(r"10\.[0-9]{4,9}/\S+")
_DOI_PREFIXES = re.compile(
    r"^(?:https?://(?:dx\.)?doi\.org/|https?://doi\.[a-z]+\.org/|doi\.org/|doi:\s*|doi\s+)", re.IGNORECASE
)
_DOI_ESCAPES = re.compile(r"(?<!\\)\\+([_&%#$])")
_VALID_DOI = re.compile(r"^10\.[0-9]{4,9}/[^\s]+$")  # [0-9]: \d takes any script's digits


_TRAILING_PUNCTUATION = frozenset(".,;:'\"*>")
_BRACKET_PAIRS = ((")", "("), ("]", "["), ("}", "{"))
_CLOSING_BRACKETS = frozenset(closing for closing, _ in _BRACKET_PAIRS)


def normalize_doi(raw: str) -> str:
    """Canonical DOI: resolver prefixes stripped, escapes undone, trailing punctuation dropped, lowercased.

    Returns '' when nothing DOI-shaped remains.
    """
    doi = fold_typography(raw.strip())
    if not doi.startswith("10."):  # the usual bare DOI has no prefix to strip
        doi = _DOI_PREFIXES.sub("", doi)
    # the cheap test: ' ' is the only printable whitespace, so a printable DOI without it has none to drop
    if " " in doi or not doi.isprintable():
        doi = "".join(
            doi.split()
        )  # str.split and re's \s agree on whitespace; before unescaping: "\ _" must not become "\_"
    if "\\" in doi:
        doi = _DOI_ESCAPES.sub(FIRST_GROUP, doi)  # LaTeX / Markdown escapes (also doubled ones)
    # Drop trailing punctuation and unbalanced closing brackets, in any interleaving ("x).", "x*]"),
    # counting brackets once (not once per character removed) so that this stays linear, and only
    # when a closing bracket ends the DOI (most DOIs end on a letter or digit).
    excess: dict[str, int] | None = None
    end = len(doi)
    while end:
        last = doi[end - 1]
        if last in _TRAILING_PUNCTUATION:
            end -= 1
            continue
        if last not in _CLOSING_BRACKETS:
            break
        if excess is None:
            excess = {closing: doi.count(closing) - doi.count(opening) for closing, opening in _BRACKET_PAIRS}
        if excess[last] <= 0:
            break
        excess[last] -= 1
        end -= 1
    return doi[:end].lower()


def is_valid_doi(doi: str) -> bool:
    """Syntax only: '10.' + a 4-9 digit registrant + '/' + a non-empty suffix."""
    return bool(_VALID_DOI.match(doi))


def title_key(title: str) -> str:
    """Folded title for fuzzy comparison."""
    return fold(title)
