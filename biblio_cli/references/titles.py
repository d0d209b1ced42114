"""Where a title ends, and what may follow it before the venue: descriptors ('[Doctoral dissertation]'),
translators and editors, a comma before a venue."""

from __future__ import annotations

import re

from biblio_cli.references.fields import Fields
from biblio_cli.references.vocabulary import (
    ABBREVIATED,
    ABBREVIATION_FIRST,
    CHAPTER_MARKER,
    FIRST_DIGIT,
    IMPRINT_WORD,
    JOURNAL_WORD,
    NAME_CONNECTORS,
    PUBLISHING_CITIES,
    REPORT_WORDS,
    THESIS_WORDS,
    TITLE_END,
    UNIVERSITY,
    place_alone,
)

_LEADING_ITALIC = re.compile(r"^\*(?P<t>[^*]+)\*(?P<r>.*)$")
_DESCRIPTOR_OPENING = re.compile(r"[\[(]")
_DESCRIPTOR_KIND = re.compile(r"rapport|report|vols?\.|\d+(?:e|th|nd|rd|st|ème)? (?:éd|ed)", re.IGNORECASE)
_DESCRIPTOR_WORD = re.compile(r"thèse|thesis", re.IGNORECASE)


def _descriptors(title: str) -> list[tuple[int, int, str]]:
    """(start, end, text inside) of each match of _DESCRIPTOR, as finditer finds them, in linear time.

    The regex itself rescans the rest of the title from every '(' ('((((...') and from every
    space of a long run; this walk finds the same matches by looking each closing mark up once.
    """
    found: list[tuple[int, int, str]] = []
    done = 0  # matches do not overlap: the next one starts at or after `done`
    closing_at = {"[": -2, "(": -2}  # next ']' / ')' found so far (-1: none left; -2: not looked up)
    words_before = (-1, -1)  # (a ')' position, start of the last 'thèse'/'thesis' before it)
    for opening in _DESCRIPTOR_OPENING.finditer(title):
        q = opening.start()
        if q < done:
            continue
        mark = title[q]
        end = closing_at[mark]
        if end == -2 or -1 < end < q:
            end = closing_at[mark] = title.find("]" if mark == "[" else ")", q + 1)
        if end == -1:
            continue
        if mark == "[":
            if not 3 <= end - q - 1 <= 200:
                continue
        elif not _DESCRIPTOR_KIND.match(title, q + 1, end):
            if words_before[0] != end:
                last = -1
                for word in _DESCRIPTOR_WORD.finditer(title, q + 1, end):
                    last = word.start()
                words_before = (end, last)
            if words_before[1] < q + 1:
                continue
        start = q
        while start > done and title[start - 1].isspace():  # the pattern's leading \s*
            start -= 1
        found.append((start, end + 1, title[q + 1 : end]))
        done = end + 1
    return found


def take_descriptors(title: str, f: Fields) -> str:
    """'[Thèse de doctorat, Université X]', '(rapport)', '(Vols. 1-3)' describe the work, not its title."""
    found = _descriptors(title)
    for _, _, described in found:
        if THESIS_WORDS.search(described):
            f.type = "thesis"
            if "," in described:
                f.publisher = described.rsplit(",", 1)[1].strip()
        elif REPORT_WORDS.search(described):
            f.type = "report"
    kept = []
    done = 0
    for start, end, _ in found:
        kept.append(title[done:start])
        done = end
    kept.append(title[done:])
    return "".join(kept).strip()


#: Words after a closing quote that carry the title on ('“Be like” et al. beyond America'), not a chapter's 'in'.
#: Two titles in single quotes joined by 'and': "'Daydream of a New Africa' and 'Doubt Sets In'".
_TWO_QUOTED_TITLES = re.compile(r"'[^'\s][^']{1,200}'\s+(?:and|et|&)\s+'[^'\s][^']{1,200}'(?=[\s,.:;]|$)")
_QUOTE_GOES_ON = re.compile(r"\s+(?!(?:in|dans|en|to|edited|eds?|pp?)\b)[a-zà-ÿ]")
_BRITISH_CLOSE = re.compile(r"[^\s]'(?=[,.:;]|\s+[*A-ZÀ-Þ])|[,.]'(?=\s)")


def split_title(rest: str) -> tuple[str, str]:
    """Title and what follows it. An opening italic span or a «quoted» title is taken whole."""
    rest = rest.strip(" .,:;")
    for opening, closing in (("«", "»"), ("“", "”"), ('"', '"')):
        if rest.startswith(opening):
            end = rest.rfind(closing) if opening == "«" else rest.find(closing, 1)
            if (
                end > 0
                and opening != "«"
                and len(rest[1:end].split()) <= 3
                and _QUOTE_GOES_ON.match(rest, end + 1)
                and opening not in rest[end + 1 : end + 40]  # not '“Oral” or “Aural” Composition', two titles
            ):
                break  # '“Like” and language ideology: ...': a quoted word opens the title, which goes on
            if end > 0 and opening == "“" and "“" in rest[1:end]:
                end = _end_after_nested_quote(rest, end)
            if end > 0:
                return rest[1:end].strip(), rest[end + 1 :].lstrip(" .,:;")
    if rest.startswith("'"):
        both = _TWO_QUOTED_TITLES.match(rest)
        if both:  # "'Daydream of Africa' and 'Doubt Sets In' in X (eds) Book": two chapters cited together
            return rest[1 : both.end() - 1], rest[both.end() :].lstrip(" .,:;")
        # British single quotes: the closing one is followed by punctuation ("L'Art" has none after it),
        # or follows the title's own comma ('Die 'Wir-Schicht' der Generation,' in Berliner Journal ...).
        close = _BRITISH_CLOSE.search(rest, 1)
        if close:
            return rest[1 : close.end() - 1].strip(" ,"), rest[close.end() :].lstrip(" .,:;")
    italic = _LEADING_ITALIC.match(rest)
    if italic:
        return italic.group("t").strip(" ."), italic.group("r")
    # A roman title followed by an italic journal: the title runs up to the italics,
    # whatever sentences it holds ('Titre. Sous-titre. *Revue*, 12, 3-4').
    star = rest.find(" *")
    if star > 0 and not CHAPTER_MARKER.search(rest[:star]):
        return rest[:star].strip(" .,:"), rest[star:]
    m = TITLE_END.search(rest)
    if m is not None and "(" in rest:
        m = _title_end_after_parens(rest, m)
    # A title may end right before an italic container even without a full stop.
    star = rest.find(" *")
    if star > 0 and (m is None or star < m.start()):
        return rest[:star].strip(" .,:"), rest[star:]
    if m is None:
        return _title_then_run_on_imprint(rest)
    keep = m.group(1) if m.group(1) in "?!" else ""
    return rest[: m.start()] + keep, rest[m.end() :]


#: A closing quote followed by a space, punctuation or the end: a title's own close ('de brevets“ Workshop', 'Title” In').
_CLOSING_QUOTE = re.compile(r"[”“](?=[\s,.;:]|$)")
#: How far after a quoted phrase inside a quoted title the title's own close may be.
_NESTED_QUOTE_REACH = 300


def _end_after_nested_quote(rest: str, end: int) -> int:
    """Where a “quoted” title closes when it holds a quoted phrase whose close is at `end`: '“Les accords de type
    “pay-for-delay” et brevets“ Workshop X' (a close written as an opening quote, as word processors do after a
    space); `end` when no close follows within reach."""
    close = _CLOSING_QUOTE.search(rest, end + 1, end + 1 + _NESTED_QUOTE_REACH)
    return close.start() if close else end


#: A thesis's kind run on after its title, the institution after it: '... of American banking PhD thesis University'.
_THESIS_RUN_ON = re.compile(
    r"(?<!\s)\s+(?P<kind>(?:Ph\.?\s?D\.?|Doctoral|Master'?s|M\.?Sc\.?|M\.?A\.?)\s+(?:[Tt]hesis|[Dd]issertation))\s+(?=[A-Z])"
)
#: How far from the end an imprint glued to the title is looked for: a name and its place.
_GLUED_IMPRINT_REACH = 80
_LAST_GLUED_STOP = re.compile(r"(?<=[a-z]{4})\.(?=[A-Z][^.]*$)")
#: At most this many words in a publisher's name after 'Place: ' run on after a title.
_RUN_ON_NAME_WORDS = 4


def _imprint_after_city(rest: str) -> int:
    """Where a 'City: Publisher' imprint run on after the title without a stop starts ('An Anthology of African Art:
    The Twentieth Century Paris: Revue Noire'), or -1: the city must be a known publishing one, after the title's
    last word, and the publisher a few words without numbers."""
    colon = rest.rfind(": ")
    name = rest[colon + 2 :].strip(" .")
    if not name or len(name.split()) > _RUN_ON_NAME_WORDS or any(c.isdigit() for c in name):
        return -1
    city = rest.rfind(" ", 0, colon) + 1
    if city > 0 and rest[city:colon] in PUBLISHING_CITIES and rest[city - 2 : city - 1].isalpha():
        return city
    return -1


def _title_then_run_on_imprint(rest: str) -> tuple[str, str]:
    """Title and what follows it when no stop ends the title: a thesis's kind and institution run on after it
    ('Banking in Texas PhD thesis University of North Texas.'), or an imprint glued to it by text extraction
    ('Zeta Regularization withApplications.World Scientific,Singapore', 'for spatialdata.CRC Press');
    (`rest`, '') otherwise."""
    if "hesis" in rest or "issertation" in rest:
        thesis = _THESIS_RUN_ON.search(rest)
        if thesis and UNIVERSITY.search(rest, thesis.end()):
            return rest[: thesis.start()], f"{thesis.group('kind')}, {rest[thesis.end() :]}"
    if ": " in rest[-_GLUED_IMPRINT_REACH:]:
        city = _imprint_after_city(rest)
        if city > 0:
            return rest[:city].rstrip(), rest[city:]
    glued = _LAST_GLUED_STOP.search(rest, max(0, len(rest) - _GLUED_IMPRINT_REACH))
    if glued is None or any(c.isdigit() for c in rest[glued.end() :]):
        return rest, ""
    imprint = rest[glued.end() :].strip(" .")
    name, _, place = imprint.partition(",")
    if IMPRINT_WORD.search(name) or (place and place_alone(place.strip())):
        return rest[: glued.start()], imprint
    return rest, ""


#: How far a parenthesis holding an abbreviation's stop may run: an imprint or a note, never a whole title.
_PARENS_REACH = 160


def _title_end_after_parens(rest: str, m: re.Match[str]) -> re.Match[str] | None:
    """The title's end `m`, or the first one after the parenthesis it falls in: a stop inside parentheses is an
    abbreviation's ('Magnetohydrodynamics of the Sun (Cambridge Univ. Press, 2014).'), not the title's end."""
    opening = rest.rfind("(", max(0, m.start() - _PARENS_REACH), m.start())
    if opening < 0 or rest.find(")", opening, m.start()) >= 0:
        return m
    closing = rest.find(")", m.end(), opening + _PARENS_REACH)
    return m if closing < 0 else TITLE_END.search(rest, closing)


#: An identifier in brackets closing a journal tail: ', [0908.1724].', ' [quant-ph/0503219]'.
_BRACKETED_ID = re.compile(r",?\s*\[[^\[\]\s]*\d[^\[\]\s]*\]\s*\.?$")


def abbreviated_journal_start(title: str, after: str) -> tuple[str, str]:
    """The title and what follows it when the title's full stop was the one of an abbreviated journal after its
    comma: 'Title, Phys. Rev. Lett. 105 (2010) 050502, [0908.1724]' cut at 'Phys.' gives the journal back its first
    word (and the tail its bracketed identifier, which no journal tail reads)."""
    head, _, last = title.rpartition(", ")
    if len(head) < 4 or not ABBREVIATED.match(last) or not ABBREVIATION_FIRST.match(after):
        return title, after
    if not FIRST_DIGIT.search(after):
        return title, after  # no volume or pages: 'Title, Part. Ed. Smith'
    if after.rstrip(" .").endswith("]"):
        after = _BRACKETED_ID.sub("", after)
    return head, f"{last}. {after}"


#: A contributor named after the title: 'Edited by X.', 'Translated by X.', 'Trans. X.', ', ed. by X,', '(tr. X)'.
_CONTRIBUTOR = re.compile(
    r"[.,;(]\s*(?:(?:[Ee]dited|[Tt]ranslated)\s+by|(?:[Ee]ds?|[Tt]rans|[Tt]r|[Hh]rsg)\.(?:\s+(?:by|v\.|von))?)\s+"
    r"(?=[A-ZÀ-Þ][\w'’\-]*\s|[A-Z]\.\s?[A-Z])"
)
#: Where a contributor's names end: the next sentence, or after a comma or parenthesis, that mark.
_CONTRIBUTOR_END = re.compile(r"(?<=[^\s.][^\s.A-Z])\.\s+(?=[A-ZÀ-Þ])|\.?$")
_CONTRIBUTOR_MAX = 100


def _skip_contributors(text: str, m: re.Match[str]) -> str | None:
    """What follows the contributor phrase `m` opened in `text` (and any more after it), or None when the phrase
    does not read as names: digits ('Trans. Roy. Soc. 12') or a long text."""
    while True:
        opener = text[m.start()]
        end = _CONTRIBUTOR_END.search(text, m.end())
        stop = end.start() if end else len(text)
        if opener in ",(":
            # ', trans. E.F.N. Jephcott (London: NLB, 1974)': an imprint in parentheses ends the names too
            ends = (text.find(",", m.end(), stop), text.find(")", m.end(), stop), text.find(" (", m.end(), stop))
            close = [i for i in ends if i >= 0]
            stop = min(close) if close else stop
        names = text[m.end() : stop]
        if (
            stop - m.end() > _CONTRIBUTOR_MAX
            or FIRST_DIGIT.search(names)
            or JOURNAL_WORD.search(names)
            or any(len(w) > 3 and w.islower() and w != "with" for w in names.split())
        ):
            return None  # 'Trans. Roy. Soc. 12', 'Ed. De Boeck université' (a publisher's 'Éditions')
        text = text[stop:].lstrip(")")
        nxt = _CONTRIBUTOR.match(text) or _CONTRIBUTOR.match(f". {text.lstrip(' .,;')}")
        if not nxt or nxt.start() != 0:
            return text.strip(" .,;:")
        text, m = nxt.string, nxt


def without_contributors(rest: str, title: str, after: str) -> tuple[str, str]:
    """The title and what follows it without the editors or translators named between them: 'Werke. Edited by
    Wolfgang Frühwald et al. Darmstadt: ...', 'A Harlot of High and Low, trans. Rainer Heppenstall. New York: ...'."""
    if after[:1] in _CONTRIBUTOR_OPENERS:
        m = _CONTRIBUTOR.match(f". {after}")
        if m:
            skipped = _skip_contributors(m.string, m)
            return (title, after) if skipped is None else (title, skipped)
    if "." not in title and " by " not in title and not title.endswith(_CONTRIBUTOR_WORDS):
        return title, after  # most titles: no stop inside, and none cut off after 'trans' or 'ed'
    whole = rest.strip(" .,:;")
    if not title or not whole.startswith(title[:-1]) or whole[:1] in "*«“\"'‘":
        return title, after
    m = _CONTRIBUTOR.search(whole, 0, len(title) + 40)  # room for the lookahead past the title's end
    if m is None or m.start() < 4 or m.start() > len(title):
        return title, after
    skipped = _skip_contributors(whole, m)
    return (title, after) if skipped is None else (whole[: m.start()].strip(" .,:;"), skipped)


#: A meeting's proceedings after the title's comma: 'Title, Proceedings of the 4th Symposium', 'Title, In Proc. X'.
_PROCEEDINGS_AFTER_COMMA = re.compile(r",\s+(?=(?:[Ii]n:?\s+)?(?:Proceedings|Proc\.)\s)")


def comma_venue(title: str, after: str) -> tuple[str, str]:
    """A title set off by a comma from the proceedings that follow it, which the title swallowed: 'Title, Proceedings
    of the Ninth Conference, 1995', 'Title, In Proceedings of X, pages 2-11'."""
    if "Proc" in title and after:  # with nothing after the title, comma_proceedings reads it (place, pages)
        m = _PROCEEDINGS_AFTER_COMMA.search(title)
        if m and m.start() >= 10:
            venue = title[m.end() :]
            return title[: m.start()].strip(" .,:"), f"{venue}. {after}" if after else venue
    return title, after


_CONTRIBUTOR_OPENERS = frozenset("EeTtH")
_CONTRIBUTOR_WORDS = ("ed", "eds", "Ed", "Eds", "trans", "Trans", "tr", "Tr", "hrsg", "Hrsg")


def title_like(piece: str) -> bool:
    """A sentence of a title, not a piece of a journal's name: it holds a lowercase word of four letters or
    more that is no abbreviation ('Anatomy and connectivity', 'I. La flore'; not 'Univ. fed', 'Trans. of the ASME')."""
    for word in piece.split():
        bare = word.strip(",;:()[]'\"")
        if (
            len(bare) >= 4
            and bare.isalpha()
            and bare.islower()
            and bare not in NAME_CONNECTORS
            and not word.endswith(".")
        ):
            return True
    return False
