"""Split a personal or corporate name written 'Family, Given' or 'Given Family' into a Person.

Used by the .bib, CSL-JSON and RIS readers; the reference-list parser has its own rules.
"""

from __future__ import annotations

from biblio_cli.model import Person
from biblio_cli.normalize import PARTICLES


def _split_particle(family: str) -> tuple[str, str]:
    """'de Gaulejac' -> ('de', 'Gaulejac'); capitalised prefixes ('Le Chêne') stay in the family."""
    words = family.split()
    count = 0  # index, not pop(0): a long run of particles must stay linear
    while count < len(words) - 1 and (words[count] in PARTICLES or words[count].rstrip("'") + "'" in PARTICLES):
        count += 1
    return " ".join(words[:count]), " ".join(words[count:])


def parse_name(text: str, group: bool = False) -> Person:
    """One name; `group` (or no way to tell given from family) gives a corporate author."""
    text = " ".join(text.split())
    if group:
        return Person(text, is_group=True)
    if "," in text:
        family, given = (part.strip() for part in text.split(",", 1))
        particle, family = _split_particle(family)
        return Person(family, given, particle)
    words = text.split()
    if len(words) == 1:
        return Person(text)
    lower = [i for i, w in enumerate(words[:-1]) if w in PARTICLES]
    cut = lower[0] if lower else len(words) - 1
    given = " ".join(words[:cut])
    particle, family = _split_particle(" ".join(words[cut:]))
    return Person(family, given, particle)
