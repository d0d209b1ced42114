"""Parse the author block of a reference ('Henaff, G., Potin, É., et Sorin, F.') into Persons."""

from __future__ import annotations

import re

from biblio_cli.model import Person
from biblio_cli.normalize import PARTICLES

#: Initials such as "M.", "M.-N.", "J.-F.", "A. A.", "É.", "Ch.", "MN" (Vancouver), "J" (no dot).
_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.?(?:\s*[-‐]\s*|\s+)?)+$")
_STRICT_INITIALS = re.compile(r"^(?:(?:[^\W\d_][a-z]?\.)(?:\s*-\s*|\s*)?)+$")
_VANCOUVER_INITIALS = re.compile(r"^[A-Z]{1,3}$")
_TRAILING_INITIALS = re.compile(r"^(?P<family>.+?)\s+(?P<given>(?:[^\W\d_]\.(?:\s*-\s*|\s*))+)$")
_TRAILING_BARE_INITIALS = re.compile(r"^(?P<family>[^\W\d_][\w'’\- ]*?)\s+(?P<given>[A-Z]{1,3})$")
_SEPARATORS = re.compile(r"\s*(?:,?\s+(?:&|and|et|und|y|e|en|og|och)\s+|\s*&\s*|;\s*|,\s*)", re.IGNORECASE)
_ETAL = re.compile(r"(?:,?\s*(?:et\s+al\.?|&\s*al\.?|et\s+coll\.?|u\.\s*a\.|\.\.\.|…)\s*)$", re.IGNORECASE)
_GROUP_HINTS = re.compile(
    r"\b(?:agence|association|institut|institute|university|université|universität|ministère|ministry|"
    r"department|organi[sz]ation|office|centre|center|council|conseil|commission|committee|comité|"
    r"society|société|foundation|fondation|group|groupe|bureau|national|nationale|federal|fédéral|"
    r"world|european|européen|européenne|inc|ltd|gmbh|observatoire|direction|délégation|agency)\b",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"\(\s*(?:eds?\.?|dirs?\.?|dir\.\s*de\s*publ\.|hrsg\.?|hg\.?|coords?\.?|éds?\.?|edited\s+by|sous\s+la\s+dir(?:ection)?\.?[^)]*)\s*\)",
    re.IGNORECASE,
)


def strip_role(block: str) -> tuple[str, bool]:
    """Remove '(Ed.)', '(dir.)', '(Hrsg.)' markers; report whether one was present."""
    new = _ROLE.sub("", block)
    return new.strip(" ,"), new != block


def _is_initials(token: str, *, loose: bool = False) -> bool:
    """`loose` also accepts a given name before initials ('Elena V. M.'), for the token after a family."""
    token = token.strip()
    if not token:
        return False
    if _STRICT_INITIALS.match(token) or _VANCOUVER_INITIALS.match(token):
        return True
    # Length first: _INITIALS backtracks exponentially on a long word, and initials are short.
    if len(token) > 12 or "." not in token:
        return False
    # Each piece is one or two letters: 'Drewell R.' is a name followed by an initial, not initials.
    if not loose and any(len(piece) > 2 for piece in re.split(r"[\s.\-‐]+", token)):
        return False
    return bool(_INITIALS.match(token))


def vancouver_prefix(block: str) -> str:
    """The 'Bae E, Calhoun V' list that opens `block` up to its first full stop, or ''.

    Vancouver names (family then bare capital initials) end at the first '. ', where the title starts.
    """
    m = re.search(r"\.\s+(?!et\s+al\b)", block)  # 'Bae E, Calhoun V. et al. Title': et al. ends the names
    if not m:
        return ""
    head = block[: m.start()]
    if re.match(r"[^\W\d_]{1,2}\.|(?:and|&|und)\s", block[m.end() :]):
        return ""  # 'Baumberg A. M. & Hogg D.': the dot belongs to dotted initials, the names go on
    tokens = _split_outside_parens(_ETAL.sub("", head).strip(" ,."))
    if tokens and all(_is_vancouver_name(t) for t in tokens):
        return head
    return ""


def _is_vancouver_name(token: str) -> bool:
    bare = _TRAILING_BARE_INITIALS.match(token)
    return bare is not None and len(bare.group("family").split()) <= 3 and not _is_group_like(token)


def _is_group_like(token: str) -> bool:
    words = token.split()
    if "(" in token or _GROUP_HINTS.search(token):
        return True
    lowercase_words = sum(1 for w in words if w[:1].islower() and w not in PARTICLES)
    return len(words) >= 4 or (lowercase_words >= 1 and len(words) >= 3)


def _person(family: str, given: str = "") -> Person:
    family = family.strip(" ,.;:*")
    given = given.strip(" ,;:*")
    words = family.split()
    particle_words: list[str] = []
    while len(words) > 1 and words[0] in PARTICLES and words[0].islower():
        particle_words.append(words.pop(0))
    if len(words) == 1 and words[0].lower().startswith(("d'", "d’")) and words[0][0] == "d" and len(words[0]) > 3:
        particle_words.append(words[0][:2])
        words[0] = words[0][2:]
    return Person(family=" ".join(words), given=given, particle=" ".join(particle_words))


def _natural_order(token: str) -> Person:
    """'Mary Jones' -> Jones, Mary; 'Ludwig van Beethoven' -> van Beethoven, Ludwig."""
    words = token.split()
    if len(words) == 1:
        return _person(token)
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in PARTICLES and words[cut - 1].islower():
        cut -= 1
    return _person(" ".join(words[cut:]), " ".join(words[:cut]))


def _split_outside_parens(block: str) -> list[str]:
    """Split on separators, but never inside '(...)' or '[...]' (group names with acronyms)."""
    protected = re.sub(r"[(\[][^()\[\]]*[)\]]", lambda m: m.group(0).replace(",", "\0").replace("&", "\1"), block)
    parts = _SEPARATORS.split(protected)
    return [p.replace("\0", ",").replace("\1", "&").strip() for p in parts if p and p.strip()]


def parse_authors(block: str) -> tuple[tuple[Person, ...], bool, list[str]]:
    """Parse an author block. Returns (persons, et_al, problems).

    Handles "Family, I." pairs (APA), "Family I." (Vancouver, or a missing comma),
    "Family, Given" (Chicago), particles, compound and group names.
    """
    problems: list[str] = []
    block = re.sub(r"^\*+|\*+$", "", block.strip()).strip(" ,;:")
    if not re.search(r"(?:^|[\s.\-])[^\W\d_]{1,2}\.$", block):
        block = block.rstrip(".")  # keep the dot of a final initial ("Sorin, F.")
    et_al = bool(_ETAL.search(block))
    block = _ETAL.sub("", block).strip(" ,")
    if not block:
        return (), et_al, problems
    tokens = _split_outside_parens(block)
    if (
        len(tokens) > 1
        and tokens[-1].endswith(".")
        and all(_is_vancouver_name(t) for t in [*tokens[:-1], tokens[-1][:-1]])
    ):
        tokens[-1] = tokens[-1][:-1]  # 'Bae E, Drewell R.': the dot ends the list, 'R' is no dotted initial
    persons: list[Person] = []
    initials_seen = any(_is_initials(t) for t in tokens)
    any_group = any(_is_group_like(t) for t in tokens)
    alternating = len(tokens) % 2 == 0 and all(len(t.split()) <= 2 for t in tokens[1::2])
    i = 0
    while i < len(tokens):
        token = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if _is_initials(token, loose=True) and persons and not persons[-1].given and not persons[-1].is_group:
            persons[-1] = _person(persons[-1].full_family, token)
            i += 1
            continue
        if nxt and _is_initials(nxt) and not _is_group_like(token):
            persons.append(_person(token, nxt))
            i += 2
            continue
        trailing = _TRAILING_INITIALS.match(token)
        if trailing and not _is_group_like(trailing.group("family")):
            persons.append(_person(trailing.group("family"), trailing.group("given")))
            problems.append(
                f"no comma between the family name and the initials in '{token}'"
                f" (write '{trailing.group('family')}, {trailing.group('given').strip()}')"
            )
            i += 1
            continue
        bare = _TRAILING_BARE_INITIALS.match(token)
        if bare and not initials_seen and not _is_group_like(token):
            persons.append(_person(bare.group("family"), bare.group("given")))
            i += 1
            continue
        if _is_group_like(token) or initials_seen or any_group:
            if _is_group_like(token):
                persons.append(Person(family=token.strip(" .,"), is_group=True))
            else:
                persons.append(_person(token))
            i += 1
            continue
        # No initials anywhere: "Smith, John, Jones, Mary" (given names in full) or
        # Chicago's "Smith, John, and Mary Jones" (first inverted, the rest in natural order).
        if alternating and i % 2 == 0 and nxt:
            persons.append(_person(token, nxt))
            i += 2
            continue
        if i == 0 and nxt and len(nxt.split()) <= 2:
            persons.append(_person(token, nxt))
            i += 2
            continue
        persons.append(_natural_order(token) if i > 0 else _person(token))
        i += 1
    return tuple(persons), et_al, problems


def parse_editor_phrase(phrase: str) -> tuple[Person, ...]:
    """Editors as a chapter shows them: 'C. Delory-Momberger', 'J. Smith & K. Lee' (given first)."""
    phrase, _ = strip_role(phrase)
    persons = []
    for token in _split_outside_parens(phrase):
        words = token.split()
        given_words = []
        while len(words) > 1 and _is_initials(words[0]):
            given_words.append(words.pop(0))
        if given_words:
            persons.append(_person(" ".join(words), " ".join(given_words)))
        elif len(words) >= 2 and not _is_group_like(token):
            persons.append(_person(words[-1], " ".join(words[:-1])))
        else:
            persons.append(_person(token))
    return tuple(persons)
