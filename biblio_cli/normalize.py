"""Pure str -> str normalisers for names, years, DOIs and titles, shared by every stage."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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


def fold_typography(text: str) -> str:
    """Unify dashes, apostrophes and exotic spaces so regexes only see ASCII forms."""
    return text.translate(_DASHES).translate(_APOSTROPHES).translate(_SPACES)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Accent-, case- and punctuation-insensitive form: 'Chêne-Éloïse' -> 'chene eloise'."""
    text = _LIGATURE_RE.sub(lambda m: _LIGATURES[m.group(0)], text)
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_ALNUM.sub(" ", ascii_only.casefold()).strip()


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Comparison key for a family name: folded, particles dropped, spaces and hyphens removed.

    'de Gaulejac' and 'Gaulejac' share a key; so do 'Le Chêne', 'le Chene' and 'Chêne'.
    """
    words = fold(fold_typography(name).replace("'", "' ")).replace("'", " ").split()
    while len(words) > 1 and (words[0] in PARTICLES or words[0] + "'" in PARTICLES):
        words = words[1:]
    return "".join(words)


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


DOI_PATTERN = re.compile(r"10\.\d{4,9}/\S+")
_DOI_PREFIXES = re.compile(
    r"^(?:https?://(?:dx\.)?doi\.org/|https?://doi\.[a-z]+\.org/|doi\.org/|doi:\s*|doi\s+)", re.IGNORECASE
)
_VALID_DOI = re.compile(r"^10\.\d{4,9}/[^\s]+$")


def normalize_doi(raw: str) -> str:
    """Canonical DOI: resolver prefixes stripped, escapes undone, trailing punctuation dropped, lowercased.

    Returns '' when nothing DOI-shaped remains.
    """
    doi = fold_typography(raw.strip())
    doi = re.sub(r"\\([_&%#$])", r"\1", doi)  # LaTeX / Markdown escapes
    doi = _DOI_PREFIXES.sub("", doi)
    doi = re.sub(r"\s+", "", doi)
    doi = doi.rstrip(".,;:'\"*>")
    for closing, opening in ((")", "("), ("]", "["), ("}", "{")):
        while doi.endswith(closing) and doi.count(closing) > doi.count(opening):
            doi = doi[:-1]
        doi = doi.rstrip(".,;:")
    return doi.lower()


def is_valid_doi(doi: str) -> bool:
    """Syntax only: '10.' + a 4-9 digit registrant + '/' + a non-empty suffix."""
    return bool(_VALID_DOI.match(doi))


def title_key(title: str) -> str:
    """Folded title for fuzzy comparison."""
    return fold(title)
