"""Guess a text's language from its commonest function words; cheap and good enough for labels."""

from __future__ import annotations

import re

_STOPWORDS: dict[str, frozenset[str]] = {
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "du",
            "de",
            "et",
            "est",
            "une",
            "un",
            "dans",
            "pour",
            "sur",
            "que",
            "qui",
            "pas",
            "avec",
            "au",
            "aux",
            "ce",
            "ces",
        ]
    ),
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "in",
            "is",
            "that",
            "for",
            "with",
            "as",
            "on",
            "are",
            "this",
            "by",
            "be",
            "from",
            "it",
            "an",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "und",
            "ist",
            "nicht",
            "mit",
            "von",
            "zu",
            "den",
            "für",
            "auf",
            "ein",
            "eine",
            "dem",
            "sich",
        ]
    ),
    "es": frozenset(
        ["el", "la", "los", "las", "y", "en", "que", "por", "con", "para", "una", "un", "del", "se", "es", "como"]
    ),
}
_WORD = re.compile(r"[^\W\d_]+")
#: Characters of text to look at: enough for a stable answer, cheap on huge files.
_SAMPLE_CHARS = 20000


#: Stopword -> the languages it counts for (a word may count for several: 'la', 'que', 'de').
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {
    word: tuple(lang for lang, stop in _STOPWORDS.items() if word in stop)
    for word in sorted(set().union(*_STOPWORDS.values()))
}


def detect_language(text: str) -> str:
    """Return an ISO 639-1 code ('fr', 'en', 'de', 'es') or 'und' when unsure."""
    hits = [word for word in map(str.lower, _WORD.findall(text[:_SAMPLE_CHARS])) if word in _LANGUAGES_OF]
    if len(hits) < 3:  # no language can reach the 3 hits it needs
        return "und"
    scores = dict.fromkeys(_STOPWORDS, 0)
    for word in hits:
        for lang in _LANGUAGES_OF[word]:
            scores[lang] += 1
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 3 else "und"
