"""Read a book's imprint, the publisher and its place: 'New York: Wiley', 'Gallimard, Paris', 'MIT Press, 1990'."""

from __future__ import annotations

import re

from biblio_cli.references.fields import Fields
from biblio_cli.references.titles import take_descriptors
from biblio_cli.references.vocabulary import (
    CITED_REACH,
    CORPORATE_SUFFIXES,
    COUNTRIES,
    EDITION,
    EDITIONS_ABBREVIATED,
    FIRST_DIGIT,
    IMPRINT_PARENS,
    IMPRINT_WORD,
    JOURNAL_WORD,
    LETTERS,
    MONTH,
    NAME_CONNECTORS_SHORT,
    PART_WORDS,
    PLACE_PART,
    PUBLISHER_HINT,
    PUBLISHER_WORD,
    PUBLISHING_CITIES,
    SENTENCE_SPLIT,
    STATE,
    THESIS_WORDS,
    UNIVERSITY,
    page_range,
    place_alone,
)

#: A note that the work also came out under another title: 'Published 1935 in Britain under the title of X, ...'.
_PUBLISHED_AS = re.compile(
    r"(?:(?:First|Originally)\s+)?[Pp]ublished\s+(?:in\s+)?(?:1[5-9]|20)\d\d\b[^,.:;]{0,60}?\s(?:as|under\s+the\s+title(?:\s+of)?)\s+"
)


def published_as_note(after: str, f: Fields) -> bool:
    """Whether `after` is a note naming the title the work came out under elsewhere, with that edition's imprint
    ('Published 1935 in Britain under the title of Stable Money: A History, Allen & Unwin, London.'); if so, the
    imprint is read as a title's run-on imprint would be ('Stable Money: A History, Allen & Unwin, London')."""
    note = _PUBLISHED_AS.match(after)
    if note is None:
        return False
    edition = Fields(year=f.year, title=after[note.end() :])
    comma_imprint(edition)
    f.publisher = edition.publisher
    return bool(edition.publisher)


#: A year closing an imprint: 'Cambridge, MA: Blackwell, 1991'.
_IMPRINT_CLOSING_YEAR = re.compile(r"(?<![\s,])[\s,]+(?:1[5-9]\d\d|20\d\d)$")


def without_edition_year(after: str) -> str:
    """The imprint without the year of the edition read when the entry opened with the original's: 'The
    Production of Space. 1974. Trans. X. Cambridge, MA: Blackwell, 1991.' (the year taken is 1974), which the
    journal reader took for a volume."""
    year = _IMPRINT_CLOSING_YEAR.search(after, max(0, len(after) - 7))
    if year is None:
        return after
    place, _, name = after[: year.start()].rpartition(": ")
    place = place.rpartition(". ")[2]
    if name and not any(c.isdigit() for c in name) and all(PLACE_PART.match(part.strip()) for part in place.split(",")):
        return after[: year.start()].rstrip(":;")
    return after


_CHAPTER_WORDS = frozenset(["In", "in", "Dans", "dans"])
#: (or a known city whose first letter a typist left in lower case: 'Primate Strategies. new York: Springer')
_IMPRINT_OPENING = re.compile(r"(?:[.,]|(?<=[?!]))\s+(?=[A-ZÀ-Þ]|[a-z]{1,12}\s[A-Z][a-z]{1,20}:)")
#: How much of the text after 'Place:' is read as the publisher's name: real names and years are far shorter.
_IMPRINT_NAME_REACH = 300
#: How many 'Place:' stops are tried before giving up: real entries have one or two.
_IMPRINT_TRIES = 20
#: The longest publisher's word that can close a text ('Publishers') and the space before it.
_IMPRINT_WORD_REACH = 12


def imprint_start(text: str) -> re.Match[str] | None:
    """The stop or comma before a 'Place: Publisher' closing a venue or book: 'Proceedings of X. Irvine, CA: Morgan
    Kaufmann', 'Probabilistic Methods, New York: Plenum Press'. The place must be a publishing city or carry a
    state, or the name a publisher's word, so that 'Title. Politikon: South African Journal' stays whole."""
    closing_word: bool | None = None  # the name runs to the end of `text`: whether a publisher's word ends it
    tries = 0
    for stop in _IMPRINT_OPENING.finditer(text):
        lower_case_city = text[stop.end()].islower()
        if lower_case_city and _capitalised(text[stop.end() : text.index(":", stop.end())]) not in PUBLISHING_CITIES:
            continue
        if not lower_case_city and not opens_with_place_colon(text, stop.end()):
            continue
        tries += 1
        if tries > _IMPRINT_TRIES:
            return None  # no imprint among the first 'Place:' stops: not one that a list would write
        colon = text.index(":", stop.end())  # within 40 characters: opens_with_place_colon found it
        places = [part.strip() for part in text[stop.end() : colon].split(",")]
        # the name is read only so far: a text of many 'Place:' stops must not be searched whole at each one
        name = text[colon + 1 : colon + 1 + _IMPRINT_NAME_REACH].strip(" .,")
        if (
            places[0] in _CHAPTER_WORDS
            or not name
            or JOURNAL_WORD.search(name)
            or not LETTERS.search(text, 0, stop.start())
        ):
            continue
        known_place = _capitalised(places[0]) in PUBLISHING_CITIES or any(STATE.fullmatch(part) for part in places[1:])
        if known_place or PUBLISHER_HINT.search(name) or PUBLISHER_WORD.search(name):
            return stop
        if closing_word is None:
            closing = text.rstrip(" .,")
            closing_word = bool(IMPRINT_WORD.search(closing, max(0, len(closing) - _IMPRINT_WORD_REACH)))
        if closing_word:
            return stop
    return None


def _capitalised(text: str) -> str:
    """`text` with its first letter in upper case: 'new York' -> 'New York'."""
    return text[:1].upper() + text[1:]


def opens_with_place_colon(text: str, start: int) -> bool:
    """'London: Chancellor Press', 'Cambridge, MA: MIT Press': an imprint starts at `start`."""
    place, colon, _ = text[start : start + 40].partition(":")
    return bool(colon) and all(PLACE_PART.match(part.strip()) for part in place.split(","))


def named_imprint(text: str) -> bool:
    """Whether `text` names a publisher by a place and colon or a publisher's word ('London: Faber', 'University
    of Chicago Press'), unlike a meeting's acronym or place after its name ('ION GPS 2000', 'Durham, NC, 1987')."""
    return ": " in text or PUBLISHER_WORD.search(text) is not None


def company_name(text: str) -> bool:
    """A short name closed by a publisher's word or a company suffix: 'Mono Book Corp.', 'North-Holland Pub. Co.'."""
    words = text.split()
    return 0 < len(words) <= 4 and (words[-1].rstrip(".") in CORPORATE_SUFFIXES or bool(IMPRINT_WORD.search(text)))


#: Pages or a page count closing an imprint: 'Oxford University Press, 140-152', 'ACM, pages 75-94', '561 p.'
_IMPRINT_PAGES = re.compile(
    r"[,.]?\s*(?:(?:pp?\.|pages?)\s*)?(?P<pages>\d+\s*[-–]{1,2}\s*\d+|\d+(?=\s*pp?\.?$)|(?<=p\.\s)\d+|(?<=pp\.\s)\d+)\s*(?:pp?\.?)?$"
)
#: A place with its state before the publisher: 'San Jose, CA. AAAI Press', 'Washington, D. C. MIT Press'.
_PLACE_STATE_FIRST = re.compile(
    r"^[A-ZÀ-Þ][\w'’\-]*(?:\s+[A-ZÀ-Þ][\w'’\-]*){0,2},\s+(?:[A-Z]{2,3}|[A-Z]\.\s?[A-Z]\.)[.,:]?\s+(?P<name>[A-Z].*)$"
)


def imprint_pages(text: str) -> tuple[str, str]:
    """(imprint, pages) for an imprint that may close with pages: 'Academic Press, 47-73' -> both parts."""
    text = text.strip(" .,;")
    if not text[-1:].isdigit() and not text.endswith(("p", "pp")):
        return text, ""  # the cheap test: most imprints end in a letter
    m = _IMPRINT_PAGES.search(text)
    if m is None or not LETTERS.search(text, 0, m.start()):
        return text, ""
    return text[: m.start()].strip(" .,;"), page_range(m.group("pages"))


def range_only(pages: str) -> str:
    """A page range, not a page count ('561 p.' is the length of a book)."""
    return pages if "-" in pages else ""


#: A volume statement before the publisher: 'Vol. 3 Houghton Mifflin', '2 vols. Penguin'.
_VOLUME_BEFORE = re.compile(r"^(?:vols?\.|volume)\s*(?:\d+|[IVX]+\b)[.,]?\s+|^\d+\s+vols\.?\s+", re.IGNORECASE)
#: A note closing the imprint: 'PUF. (Original work published 1938)', 'Penguin (in French)'.
_NOTE_AFTER = re.compile(r"[.,]?\s*\([^()]{2,80}\)$")


def is_corporate_suffix(part: str) -> bool:
    """'Ltd.', 'Inc', 'Press, Cambridge': the part opens with a word that only continues a company name."""
    return part.split(" ", 1)[0].rstrip(".,") in CORPORATE_SUFFIXES


def join_corporate_suffixes(parts: list[str], joiner: str) -> list[str]:
    """Put back a company suffix that a sentence or comma split cut off its name."""
    joined = parts[:1]
    for part in parts[1:]:
        if is_corporate_suffix(part) and joined:
            joined[-1] = f"{joined[-1]}{joiner}{part}"
        else:
            joined.append(part)
    return joined


#: The year closing an imprint: 'Wiley, New York, 1946', 'Wiley & Sons 1994'.
_CLOSING_YEAR = re.compile(r"\s*,?\s*(?:1[5-9]\d\d|20\d\d)\s*$")
#: A colon without its space between a place and a publisher: 'London:Nelson'.
_GLUED_COLON = re.compile(r"(?<=[a-z]):(?=[A-ZÀ-Þ])")


def _without_report_number(text: str) -> str:
    """The publisher without a report number closing it: 'National Toxicology Program RACB95002'."""
    head, _, last = text.rpartition(" ")
    if (
        len(last) >= 5
        and last.isalnum()
        and last[:1].isupper()
        and any(c.isdigit() for c in last)
        and sum(c.isupper() for c in last) >= 2
        and LETTERS.search(head)
    ):
        return head
    return text


def _place_after_name(part: str, joined: bool) -> bool:
    """Whether `part` of 'Name, Place, Place' is a place; with `joined`, also two places ('Oxford and New York')."""
    # (place_alone only splits at 'and' or a hyphen: without them it would read the same part again)
    return bool(PLACE_PART.match(part)) or (joined and (" and " in part or "-" in part) and place_alone(part))


#: A page label left alone at the end of an imprint.
_PAGE_LABELS = ("pp", "pages")
#: A note in parentheses after a publisher's name, of words and no acronym: 'Ontario Genealogical Society (Toronto
#: Branch)'; an acronym belongs to the name: 'Interstate Technology Regulatory Council (ITRC)'.
_WORDS_NOTE_AFTER = re.compile(r"(?<!\s)\s+\((?=[^()]*\s)(?![^()]*[A-Z]{2})[^()]{2,40}\)$")


def publisher_name(text: str) -> str:
    """The publisher without its place: 'New York: Academic Press' and 'Wiley, New York' -> the name."""
    name = _publisher_and_notes(text)
    if name.endswith(")"):
        name = _WORDS_NOTE_AFTER.sub("", name)  # 'Ontario Genealogical Society (Toronto Branch), Toronto'
    if name.startswith(EDITIONS_ABBREVIATED) and name[name.find(" ") + 1 :][:1].isupper():
        name = name.split(" ", 1)[1]  # 'Paris: Ed Similia': 'éditions' abbreviated is no part of the name
    if " " in name and name[-1:].isalpha():
        name = _without_city_after(name)
    return name


#: A name that ends with a publisher's word or is an acronym, which a city may follow without its comma.
_NAME_BEFORE_CITY = re.compile(r"(?:^|\s)(?:Press|Verlag|Publishers?|Publishing|Books|[A-Z]{2,6})$")


def _without_city_after(name: str) -> str:
    """The publisher without a known city written after it with no comma: 'Georg Thieme Verlag Stuttgart', 'ACM New
    York' -> 'Georg Thieme Verlag', 'ACM'."""
    for words in (1, 2):
        cut = len(name)
        for _ in range(words):
            cut = name.rfind(" ", 0, cut)
        if cut > 0 and name[cut + 1 :] in PUBLISHING_CITIES and _NAME_BEFORE_CITY.search(name, max(0, cut - 12), cut):
            return name[:cut]
    return name


def _publisher_and_notes(text: str) -> str:
    """The publisher without its place, with what may open or close its name (see publisher_name)."""
    text = text.strip(" .,;")
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip(" .,;")  # '(Vienna: Springer)', '(Wiley & Sons 1994)'
    text = _CLOSING_YEAR.sub("", text)  # 'Wiley, New York, 1946'
    if text.endswith(")") and (not text.startswith("(") or text.count("(") > 1):
        text = _NOTE_AFTER.sub("", text)  # 'PUF. (Original work published 1938)'
    if ": " not in text and ":" in text:
        text = _GLUED_COLON.sub(": ", text, count=1)  # 'London:Nelson'
    if text[:1] in "Vv123456789":  # the only ways _VOLUME_BEFORE can start
        text = _VOLUME_BEFORE.sub("", text, count=1)
    if "Series" in text or "Notes" in text:
        text = _without_numbered_series(text)  # 'Series in Information Sciences 3 Springer'
    text = _without_report_number(imprint_pages(text)[0])
    if text.endswith(_PAGE_LABELS):
        head, comma, label = text.rpartition(",")
        if comma and label.strip() in _PAGE_LABELS:
            text = head.strip(" .,")  # 'ACM, New York, pp' whose year and pages were taken
    if text[:1] in "pP":
        text = _CITED_PAGE_FIRST.sub("", text, count=1)  # 'p. 84, Association of Chemical Products'
    if "," in text:
        parts = [part.strip() for part in text.split(",")]
        kept = _without_closing_extras(parts)[0]  # 'Pearson Prentice Hall, 5th edition edition', 'T & T Clark, n.yr'
        if len(kept) < len(parts):
            text = ", ".join(kept)
    thesis = False
    if ", " in text:
        kind, _, after = text.partition(", ")
        if len(kind) <= 40 and after[:1].isupper() and THESIS_WORDS.search(kind) and not PUBLISHER_WORD.search(kind):
            text, thesis = after, True  # 'PhD dissertation, Stanford University, August': the degree is no publisher
    if "; " in text:
        acs = _publisher_before_place(text)
        if acs:
            return acs[1]  # '2nd ed.; Wiley: New York'
    place, colon, name = text.rpartition(": ")
    if colon and name and ". " in place:
        place = place.rsplit(". ", 1)[1]  # 'ACA Monograph No. 3. Wilmington: Polycrystal': a series before the place
    if colon and name and "; " in place:
        first_imprint, _, second_place = place.rpartition("; ")
        if place_alone(second_place) and ": " in first_imprint:
            return publisher_name(first_imprint)  # 'London: Macmillan; New York: St. Martin's Press': the first
    if colon and name and len(place) <= 60 and not re.search(r"\d", place):
        return _without_series_after(name.strip(" .,"))
    # an edition among the places: 'John Wiley and Sons, Inc., New York, 3 edition', 'Addison-Wesley, second edition'
    parts = [part.strip() for part in text.split(",")]
    kept = [part for part in parts if not EDITION.match(part)]
    if kept and len(kept) < len(parts):
        text = ", ".join(kept)  # '3rd ed., CSHL Press', 'Cambridge University Press, revised edition'
    first, *rest = join_corporate_suffixes(kept, ", ")
    after_state = _name_after_state(text) if rest and ". " in text else ""
    if after_state:
        return after_state  # 'Giles, C. L., editors, Advances in X, pages 855-862, San Mateo, CA. Morgan Kaufmann'
    if len(rest) > 1 and STATE.fullmatch(rest[0].rstrip(".")) and PLACE_PART.match(first):
        name = ", ".join(rest[1:])
        if (
            name[:1].isupper()  # (not initials: 'Hanson, S. J., and Cowan, J. D., editors')
            and not PUBLISHER_WORD.search(first)
            and not _PLACE_CODE.fullmatch(name)
            and name not in COUNTRIES
        ):
            return name  # 'New York City, NY, Routledge': a place and its state code first
    # a thesis names its department, then its university: 'Department of Aeronautics, Stanford University'
    # ('The MIT Press, Cambridge, Massachusetts and London': after a publisher's word, places joined by 'and' too;
    # not after a place, where 'and' joins a name: 'New York, NY, Simon and Schuster')
    joined = bool(PUBLISHER_WORD.search(first))
    if joined and len(rest) > 1 and _series_in_sentence_case(rest[0]):
        rest = rest[1:]  # 'Yale University Press, Pelican history of art, New Haven and London': the series
    places_after = next((k for k, part in enumerate(rest) if not _place_after_name(part, joined)), len(rest))
    if joined and 0 < places_after < len(rest) and PUBLISHER_WORD.search(rest[places_after]):
        return first  # co-publishers, each with its place: 'Pitman Publishing, London, MIT Press, Cambridge'
    if rest and first and (len(first.split()) <= 6 or _body_name(first)) and places_after == len(rest):
        if thesis and any(UNIVERSITY.search(part) for part in rest):
            return text
        if len(rest) == 1 and first in PUBLISHING_CITIES and rest[0] not in PUBLISHING_CITIES:
            return rest[0]  # 'Paris, Economica'
        if len(rest) == 1 and _acronym_not_place(rest[0]) and not PUBLISHER_WORD.search(first):
            return rest[0]  # 'Insatsu Inki Gijutsu, CMC': a title, then the publisher's acronym
        return first
    if rest:
        state_first = _PLACE_STATE_FIRST.match(text)
        if state_first and not is_corporate_suffix(state_first.group("name")):
            return _publisher_and_notes(state_first.group("name"))  # 'San Jose, CA. AAAI Press'
        if first in PUBLISHING_CITIES or (len(rest) > 1 and PLACE_PART.match(rest[0]) and len(rest[0]) <= 3):
            # 'London, Routledge', 'Chapel Hill, The University of North Carolina Press', 'New York City, NY, Simon'
            places = 2 if first not in PUBLISHING_CITIES else 1
            name = ", ".join(([first, *rest])[places:])
            if name and name[0].isupper() and not any(PLACE_PART.match(p.strip()) for p in name.split(",")[-1:]):
                return name
        after_lead = _imprint_after_lead(kept)
        if after_lead:
            return after_lead
    return text


def _without_numbered_series(text: str) -> str:
    """The publisher without the numbered series written before it with no stop, as GROBID's training styles do:
    'Series in Information Sciences 3 Springer', 'Lecture Notes in Physics 12, Springer' -> the name."""
    series = _SERIES_AND_NUMBER.match(text)
    if series is None or not _SERIES_NAME_WORD.search(series.group("series")):
        return text
    return text[series.end() :]


#: A series' name and the book's number in it, then a capitalised word: 'Series in Information Sciences 3 Springer'.
_SERIES_AND_NUMBER = re.compile(r"(?P<series>[A-Z][\w ]{0,80}?)\s\d{1,5}[.,]?\s{1,3}(?=[A-Z])")
_SERIES_NAME_WORD = re.compile(r"\b(?:Series|Notes)\b")
#: Pages cited before the publisher: 'vol. 9, p. 84, Association of Chemical Products' (the volume taken).
_CITED_PAGE_FIRST = re.compile(r"^(?:pp?\.|pages?)\s*\d{1,5}(?:\s*[-–]+\s*\d{1,5})?,\s+(?=[A-ZÀ-Þ])")
#: Three-letter codes that are places, not a publisher's acronym: 'Sydney, NSW'.
_PLACE_CODES_3 = frozenset(["NSW", "QLD", "ACT", "VIC", "TAS", "USA", "ROC", "PRC", "UAE", "GDR", "FRG", "DDR", "RSA"])


def _acronym_not_place(text: str) -> bool:
    """A three-letter acronym that names no place, so a publisher: 'CMC' (not 'USA', 'NSW')."""
    return len(text) == 3 and text.isupper() and text.isalpha() and text not in _PLACE_CODES_3


#: How many words a publisher's name opening an imprint may have.
_LEAD_NAME_WORDS = 6


def _imprint_after_lead(parts: list[str]) -> str:
    """The publisher of comma-separated `parts` that close with a publisher and its places after what is no part of
    the imprint (its authors, a volume, a note), or '': 'Schröder and Lubke, Academic Press, London and New York',
    'Published 1935 in Britain under the title of X, Allen & Unwin, London'."""
    if len(parts) < 3 or (PUBLISHER_WORD.search(parts[0]) and len(parts[0].split()) <= _LEAD_NAME_WORDS):
        return ""  # (not a note that names the publishing: 'Published 1935 in Britain under the title of X')
    for k in range(1, min(len(parts), _IMPRINT_MAX_PARTS + 1)):
        if PUBLISHER_WORD.search(parts[k]):
            named = all(_place_after_name(part, True) for part in parts[k + 1 :])
            return _without_city_after(parts[k]) if named else ""
    if _body_after_lead(parts):
        return parts[-2]  # 'The Carnegie Papers, Carnegie Endowment for International Peace, Washington'
    if _body_in_sentence_case(parts[-1]) and not _short_name(parts[0]):
        return parts[-1]  # 'X, Cartographie in situ, Service archéologique du conseil général des Ardennes'
    name = parts[-2]
    if (
        not _short_name(parts[0])
        and not _IMPRINT_EXTRA.fullmatch(name.strip(" ."))
        and _bare_imprint_at(parts, len(parts) - 2, False)
    ):
        return name  # a name without a publisher's word, after no short name ('Farrar, Straus and Giroux')
    return ""


#: A word that names a series of books: 'Nouvelles Études Anthropologiques', 'Lecture Notes in Physics'.
_SERIES_WORD = re.compile(
    r"\b(?:Studies|[EÉ]tudes|Series|S[ée]rie|Collection|Biblioth[eè]que|Library|Notes|Monographs|Texts|Cahiers|Essais)\b"
)


def _body_after_lead(parts: list[str]) -> bool:
    """Whether `parts` close with a body's name and its place after what names no body, a series or a unit of it:
    'Colorado Safe Drinking Water Program, Colorado Department of Public Health, Denver'."""
    return (
        _body_name(parts[-2])
        and bool(PLACE_PART.match(parts[-1]))
        and not UNIVERSITY.search(parts[-1])  # a unit and its university: 'Institute for X, Northwestern University'
        and not any(PUBLISHER_HINT.search(part) or _BODY_WORD.search(part) for part in parts[:-2])
    )


def _body_in_sentence_case(text: str) -> bool:
    """A body's name that opens with its word and goes on in sentence case, as French and Spanish write them:
    'Service archéologique du conseil général des Ardennes', 'Ministère de la culture'."""
    words = text.split()
    return (
        1 < len(words) <= _BODY_NAME_WORDS
        and _BODY_WORD.fullmatch(words[0]) is not None
        and not FIRST_DIGIT.search(text)
        and ":" not in text
    )


def _name_after_state(text: str) -> str:
    """The publisher after its place and state code closing a text (what precedes it no part of the imprint), or '':
    'X, editors, Advances in Neural Information Processing Systems 5, pages 855-862, San Mateo, CA. Morgan Kaufmann'."""
    before, stop, name = text.rpartition(". ")
    if not stop or not _short_name(name):
        return ""
    head, comma, state = before.rpartition(", ")
    place = head.rpartition(", ")[2]
    return name if comma and STATE.fullmatch(state) and PLACE_PART.match(place) else ""


#: Words that join two names, which a series' title does not have: 'Farrar, Straus and Giroux'.
_NAMES_JOINED = re.compile(r"\s(?:and|&|et|und|y)\s")


def _without_series_after(name: str) -> str:
    """The publisher without the series set off by a comma after it: "L'Harmattan, Nouvelles Etudes
    Anthropologiques", 'Gallimard, Bibliothèque de la Pléiade' -> the name alone."""
    head, comma, series = name.partition(", ")
    if (
        not comma
        or not (_SERIES_WORD.search(series) or not place_alone(series))  # 'Cold Spring Harbor'
        or UNIVERSITY.search(head)  # a unit of the university: 'University of Chicago, Consortium on School Research'
        or ", " in series
        or len(series.split()) < 3
        or not series[:1].isupper()
        or _NAMES_JOINED.search(series)
        or PUBLISHER_HINT.search(series)
        or _BODY_WORD.search(series)
        or is_corporate_suffix(series)
        or series in PUBLISHING_CITIES
        or series.rsplit(" ", 1)[-1] in COUNTRIES
        or STATE.fullmatch(series.rsplit(" ", 1)[-1])
    ):
        return name
    return head


def split_publisher(after: str, f: Fields) -> None:
    """'Sous-titre. Éditeur' -> the last sentence is the publisher, earlier ones continue the title."""
    after = take_descriptors(after, f).strip(" .,")
    if ": " in after and not f.container and after[:1].isupper():
        after = _series_before_imprint(after, f)
    parts = join_corporate_suffixes([p for p in SENTENCE_SPLIT.split(after) if not EDITION.match(p)], ". ")
    if len(parts) > 1:
        parts = _without_closing_extras(parts)[0]  # 'Paris: Ed Similia. Troisième édition. Tome 1. 854 p.'
    if len(parts) > 1 and ": " in after:
        parts = _join_abbreviated_names(parts)
    if not parts:
        return
    if len(parts) > 2 and " " not in parts[-1]:
        parts = _join_abbreviated_name(parts)
    if ", " in parts[-1]:
        parts[-1:] = _subtitle_before_city(parts[-1])
    f.publisher = publisher_name(parts[-1])
    if not f.pages:
        f.pages = range_only(imprint_pages(parts[-1])[1])
    leading = " ".join(parts[:-1]).strip(" .,")
    if leading and f.title:
        joiner = " " if f.title.endswith(("?", "!", ":")) or leading.startswith(":") else ". "
        f.title = f"{f.title}{joiner}{leading}"


#: A word abbreviated before its full stop in a name written as abbreviations: 'Rec', 'Trav', 'Bot'.
_ABBREVIATED_WORD = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]{1,4}")
#: How many sentences closing the text after a title a name of abbreviations may join.
_ABBREVIATIONS_MAX = 6


def _join_abbreviated_name(parts: list[str]) -> list[str]:
    """Put back a name written as abbreviations that the sentence split cut at each of its stops: 'Rec', 'Trav',
    'Bot', 'Néerland' -> 'Rec. Trav. Bot. Néerland' (two abbreviations at least, each a word alone)."""
    start = len(parts) - 1
    while start > max(0, len(parts) - _ABBREVIATIONS_MAX) and _ABBREVIATED_WORD.fullmatch(parts[start - 1]):
        start -= 1
    if len(parts) - 1 - start < 2:
        return parts
    return [*parts[:start], ". ".join(parts[start:])]


#: A short abbreviation opening a publisher's name after its place: 'New York: St' (of 'St. Martin's Press').
_ABBREVIATION_AFTER_PLACE = re.compile(r":\s+[A-Z][a-z]{0,2}$")


def _join_abbreviated_names(parts: list[str]) -> list[str]:
    """Put back a publisher's name that a sentence split cut after its opening abbreviation: 'London, New York:
    St' and 'Martin's Press' -> 'London, New York: St. Martin's Press'."""
    joined = parts[:1]
    for part in parts[1:]:
        if _ABBREVIATION_AFTER_PLACE.search(joined[-1], max(0, len(joined[-1]) - 6)):
            joined[-1] = f"{joined[-1]}. {part}"
        else:
            joined.append(part)
    return joined


#: How many comma-separated parts closing a text may follow the city of its imprint ('Paris, Gallimard, 2000, 837').
_AFTER_CITY = 3


def _subtitle_then_name(before: str, after: str) -> bool:
    """Whether the parts around a city are a subtitle in sentence case and a publisher ('Témoins et témoignages',
    'Paris', 'Maisonneuve et Larose'), not a publisher and a state or country ('Academic Press, London, UK')."""
    return (
        any(word[:1].islower() for word in before.split())
        and not PUBLISHER_HINT.search(before)
        and after[:1].isupper()
        and not (_PLACE_CODE.fullmatch(after) or STATE.fullmatch(after) or after in COUNTRIES)
    )


def _subtitle_before_city(sentence: str) -> list[str]:
    """A sentence that holds a subtitle before 'City, Publisher', split before the city, or the sentence alone:
    'Histoire de la souveraineté, Paris, Gallimard' -> ['Histoire de la souveraineté', 'Paris, Gallimard']."""
    pieces = sentence.split(", ")
    for k in range(len(pieces) - 2, max(0, len(pieces) - 2 - _AFTER_CITY), -1):
        if pieces[k] in PUBLISHING_CITIES and _subtitle_then_name(pieces[k - 1], pieces[k + 1]):
            return [", ".join(pieces[:k]), ", ".join(pieces[k:])]
    return [sentence]


#: A numbered series between a book's title and its imprint: 'Smithsonian Contributions to Anthropology 7.
#: Washington: Government Printing Office', 'The Crystal, ACA Monograph No. 3. Wilmington: Polycrystal Book Service'.
_SERIES_NUMBER = re.compile(
    r"(?:^|(?<=[.,]\s))(?P<series>[A-Z][\w&'’\-]*(?:\s+(?:of|to|in|on|for|and|the|[A-Z][\w&'’\-]*)){1,8}?)"
    r"\s+(?:No\.\s*(?P<no>\d{1,4})|(?P<volume>\d{1,4}))\.\s+(?=[A-ZÀ-Þ][\w.'’\- ]{1,30}:\s)"
)


def _series_before_imprint(after: str, f: Fields) -> str:
    """The text after the title without a numbered series before its imprint, which becomes the container."""
    m = _SERIES_NUMBER.search(after)
    if m is None:
        return after
    f.container = m.group("series")
    if m.group("no"):
        f.issue = m.group("no")
    else:
        f.volume = m.group("volume")
    lead = after[: m.start()].strip(" .,")
    if lead and f.title:
        f.title = f"{f.title}{'' if f.title.endswith(('?', '!')) else '.'} {lead}"
    return after[m.end() :]


def _imprint_at(parts: list[str], k: int) -> bool:
    """Whether the comma-separated `parts[k:]` closing a title are an imprint.

    'Berlin: Springer' (a place and a colon), 'Paris, Payot' (a publishing city first),
    'Springer-Verlag, New York' (a name with a publisher's word, then places).
    """
    first, rest = parts[k], parts[k + 1 :]
    place, colon, name = first.rpartition(": ")
    if colon:
        return not rest and bool(name[:1].isupper() and PLACE_PART.match(place.strip()))
    if len(rest) == 1 and first in PUBLISHING_CITIES:
        # not after a publisher, whose city and state it is: 'MIT Press, Cambridge, Mass'
        return rest[0][:1].isupper() and len(rest[0].split()) <= 6 and not (k and PUBLISHER_WORD.search(parts[k - 1]))
    if not (first[:1].isupper() and PUBLISHER_WORD.search(first)):
        return False
    if len(rest) > 1 and _series_in_sentence_case(rest[0]):
        rest = rest[1:]  # 'Yale University Press, Pelican history of art, New Haven and London': the series
    # places joined by 'and' after a publisher's word: 'Yale University Press, New Haven and London'
    return all(_place_after_name(p, True) for p in rest)


def _series_in_sentence_case(text: str) -> bool:
    """A series' name in sentence case, which names no place nor publisher: 'Pelican history of art',
    'Que sais-je', not 'New Haven and London' nor 'Presses universitaires'."""
    words = text.split()
    return (
        1 < len(words) <= _BODY_NAME_WORDS
        and words[0][:1].isupper()
        and any(word[:1].islower() and word not in NAME_CONNECTORS_SHORT for word in words[1:])
        and not FIRST_DIGIT.search(text)
        and not PUBLISHER_HINT.search(text)
        and not PUBLISHER_WORD.search(text)
        and not place_alone(text)
    )


#: Years closing an imprint in parentheses: '(Toronto: University of Toronto Press, 2005)', '(UniversityPress,USA,1955,1983)'.
_IMPRINT_YEARS = re.compile(r"(?:[\s,]*(?:1[5-9]|20)\d\d[a-z]?)+\s*$")
#: How long an imprint in parentheses may be.
_IMPRINT_PARENS_MAX = 150


def _short_name(text: str) -> bool:
    """A name of one to four capitalised words ('Dover', 'North-Holland', 'Inst.of Physics', 'Cambridge Univ. Press')."""
    words = text.split()
    return 0 < len(words) <= 4 and _capitalised_words(words)


def _capitalised_words(words: list[str]) -> bool:
    """Whether `words` read as a name: capitalised, joined by short connectors ('Society of Taiwan')."""
    return all(w[:1].isupper() or (k and w in NAME_CONNECTORS_SHORT) for k, w in enumerate(words))


#: A word naming a public or learned body, which publishes its own reports and books.
_BODY_WORD = re.compile(
    r"\b(?:Commission|Society|Association|Council|Institute|Department|Ministry|Ministère|Agency|Office|Bureau"
    r"|Centre|Center|Board|Service|Survey|Foundation|Endowment|Authority|Academy|Académie|Committee)\b"
)
#: How many words a body's name may have.
_BODY_NAME_WORDS = 8


def _body_name(text: str) -> bool:
    """A body's name of up to eight capitalised words, longer than a short name may be: 'The Ergonomics Society of
    Taiwan', 'Victorian Multicultural Commission and VEOHRC'."""
    words = text.split()
    return len(words) <= _BODY_NAME_WORDS and bool(_BODY_WORD.search(text)) and _capitalised_words(words)


def dated_imprint_in_parens(f: Fields) -> None:
    """An imprint in parentheses closing the title, with its year: 'Metaphysical Song (Princeton University Press,
    1999)', 'Gustav Mahler (New York, NY: Viking Press, 1969)', 'The Emperor's New Mind (Oxford University Press, UK)'."""
    split = imprint_in_closing_parens(f.title)
    if split:
        f.title, f.publisher = split


def imprint_in_closing_parens(text: str) -> tuple[str, str] | None:
    """(what precedes, publisher) for a text closed by an imprint in parentheses, or None: 'Metaphysical Song
    (Princeton University Press, 1999)', 'The Messiaen Companion (London: Faber, 1995)'."""
    q = text.rfind("(")
    if q <= 0 or len(text) - q > _IMPRINT_PARENS_MAX:
        return None
    body = text[q + 1 : -1]
    if "(" in body or ")" in body:
        return None
    published_by = _PUBLISHED_BY.search(body) if " by " in body else None
    if published_by:
        # the author and publisher of a book cited by its title: 'Protecting Groups (P. J. Kocienski, published by
        # Thieme Verlag Stuttgart)'
        title, name = text[:q].strip(" .,:"), publisher_name(body[published_by.end() :])
        return (title, name) if name and len(title) >= 4 else None
    if "; " in body:  # SBL: the series and editors first, '(AB; Garden City, N.Y.: Doubleday, 1976)'
        body = body[body.rfind("; ") + 2 :]
    undated = _IMPRINT_YEARS.sub("", body).strip(" ,")
    dated, body = undated != body.strip(" ,"), undated
    if not body or FIRST_DIGIT.search(body):
        return None
    parts = [part.strip() for part in body.split(",")]
    colon = next((k for k, part in enumerate(parts) if ": " in part), -1)
    if colon >= 0:
        # 'Detroit, MI: Wayne State University Press': places, then the place before the colon and the name
        # ('Montreal and Ithaca, NY: McGill-Queen's University Press': two places joined by 'and')
        found = colon == len(parts) - 1 and all(place_alone(p) for p in parts[:colon])
        found = found and _imprint_at(parts, colon)
    else:
        found = _imprint_at(parts, 0) and (len(parts) > 1 or bool(PUBLISHER_WORD.search(body)))
        # with its year, a short name and places is an imprint even without a publisher's word:
        # '(Springer, Dordrecht, 2006)', '(Dover,Mineola,NY,1998)', '(North-Holland, 1972)'
        found = found or (dated and _short_name(parts[0]) and all(PLACE_PART.match(p) for p in parts[1:]))
    title = text[:q].strip(" .,:")
    if found and dated and parts[0] in PUBLISHING_CITIES and len(parts) == 1:
        head, comma, name = title.rpartition(", ")
        if comma and len(head) >= 4 and _short_name(name) and name not in PUBLISHING_CITIES:
            return head, name  # 'Handbook of Mathematical Functions, Dover (New York 1965)': the place and year alone
    return (title, publisher_name(body)) if found and len(title) >= 4 else None


#: The words that name the publisher in a book's note: '(A. Author, published by Wiley)'.
_PUBLISHED_BY = re.compile(r"(?:^|(?<=[,;]))\s*(?:[Pp]ublished|[Pp]ubl\.)\s+by\s+")


#: What a Chicago note adds after its imprint in parentheses: the page or volume cited, or a bracketed note
#: ('(London: NLB, 1974), p. 19.', '(New York, 1967), Vol. 14.', '(London: Routledge, 1992). [And earlier editions].').
_CITED_AFTER_IMPRINT = re.compile(
    r"[.,]?\s*(?:(?:pp?\.\s*(?P<pages>\d+(?:\s*[-–]+\s*\d+)?)|(?i:vol\.?|volume)\s*(?P<volume>\d+|[IVXLC]+))"
    r"|\[[^\[\]]{1,60}\])\s*\.?$"
)


def imprint_then_cited(f: Fields, text: str) -> bool:
    """Whether `text` (the title, or the title and what follows it) closes with a dated imprint in parentheses and
    then the page or volume cited, which the title took: 'Minima Moralia (London: NLB, 1974), p. 19.',
    'Differentialgleichungen (AMS Chelsea Publishing, New York, 1967), Vol. 14.'; if so, the fields are set."""
    close = text.rfind(")", max(0, len(text) - CITED_REACH))
    cited = _CITED_AFTER_IMPRINT.match(text, close + 1) if close > 0 else None
    split = imprint_in_closing_parens(text[: close + 1]) if cited else None
    if cited is None or split is None:
        return False
    year = _IMPRINT_YEARS.search(text, max(0, close - 20), close)
    f.title, f.publisher, f.type = split[0], split[1], "book"
    f.pages, f.volume = cited.group("pages") or f.pages, cited.group("volume") or f.volume
    if f.year is None and year:
        f.year = int(year.group().strip(" ,").rstrip("abcdefghijklmnopqrstuvwxyz")[-4:])
    return True


#: What an IOP reference cites after a book's imprint in parentheses: ') ch 4', ')p 12', ') pp 3–9'.
_CITED_AFTER_PARENS = re.compile(
    r"\s*(?:(?:ch|chap|chapter|sect|section)\.?\s*\d{1,3}|pp?\.?\s*(?P<pages>\d+(?:\s*[-–]+\s*\d+)?))?\s*\.?$"
)
#: A volume closing a book's title before its imprint: 'Nuclear Structure vol II'.
_TITLE_CLOSING_VOLUME = re.compile(r"(?<![\s,])[\s,]+(?i:vol\.?|volume)\s*(?P<volume>\d{1,3}|[IVX]{1,5})$")


def imprint_in_title_parens(f: Fields) -> bool:
    """Whether the title closes with its imprint in parentheses, maybe without spaces, then maybe the chapter or page
    cited (IOP: 'Nuclear Structure vol II (Reading,MA:Benjamin)ch 4', 'Quantum Mechanics (Oxford: Clarendon) p 12');
    if so, title, volume, publisher and pages are set."""
    close = f.title.rfind(")", max(0, len(f.title) - CITED_REACH))
    cited = _CITED_AFTER_PARENS.match(f.title, close + 1)
    imprint = IMPRINT_PARENS.search(f.title, 0, close + 1) if cited else None
    if cited is None or imprint is None:
        return False
    title = f.title[: imprint.start()].strip(" .,")
    volume = _TITLE_CLOSING_VOLUME.search(title)
    if volume:
        title, f.volume = title[: volume.start()], volume.group("volume")
    f.title, f.publisher, f.type = title, imprint.group("name").strip(), "book"
    f.pages = page_range(cited.group("pages")) if cited.group("pages") else f.pages
    return True


#: Comma-separated parts an imprint may have: the publisher and up to four places.
_IMPRINT_MAX_PARTS = 5


def year_closes_after(text: str, f: Fields) -> str:
    """How the entry's year closes `text` right after the title's last words: ',' when a comma sets it off
    ('..., Springer, 1991.'), ' ' when it does not ('..., Wiesbaden 1974a.'), '' when it does not close it."""
    closing = text.rstrip(" .")
    if closing[-1:].isalpha() and closing[-2:-1].isdigit():
        closing = closing[:-1]  # the year's suffix
    year = str(f.year)
    if not closing.endswith(year):
        return ""
    before = closing[: -len(year)]
    words = before.rstrip(" .,")
    if not words.endswith(f.title[-12:]):
        return ""
    return "," if "," in before[len(words) :] else " "


def _publisher_before_place(text: str) -> tuple[str, str] | None:
    """(what precedes, publisher) for a text closed by an ACS imprint, the publisher before its place after a
    semicolon: 'Problems in Electrodynamics; Academic Press: London', '2nd ed.; VCH: Weinheim', or None. Not places
    joined by a semicolon ('New York; London: Routledge'), nor a place before its publisher ('Paris: Seuil')."""
    colon = text.rfind(": ")
    semi = text.rfind("; ", 0, colon)
    if semi < 0:
        return None
    before, name, places = text[:semi].strip(" .,"), text[semi + 2 : colon].strip(), text[colon + 2 :].strip(" .,")
    parts = [part.strip() for part in places.split(",")]
    if (
        not name[:1].isupper()
        or "," in name
        or len(name.split()) > 6
        or name in PUBLISHING_CITIES
        or PUBLISHER_WORD.search(places)
        or len(parts) > 3
        or not all(PLACE_PART.match(part) for part in parts)
        or place_alone(before)
    ):
        return None
    return before, name


#: What may close an imprint after the publisher and its places, and names no publisher: the edition or reprint
#: ('Ed. 1986', 'réed.', '5th edition edition', 'Troisième édition'), the volume ('Vol.1', 'tome 7'), the length or
#: the pages cited ('200 pp', 'p 32', '837'), the month ('août'), no date ('n.d.', 'n.yr'), or the gap of the year.
_IMPRINT_EXTRA = re.compile(
    r"(?P<edition>(?:\d{1,2}(?:st|nd|rd|th|e|ème|\.)?\s*|[^\W\d_]+(?:st|nd|rd|th|ème)\s+|revised\s+|new\s+|nouvelle\s+)?"
    r"(?:edn|ed|éd|edition|édition|aufl|auflage|(?-i:ré[ée]d|reéd)|reprint|repr)\.?(?:\s*edition)?(?:\s*(?:1[5-9]|20)\d\d)?)"
    r"|(?:vols?|volume|tome|t|band|bd)\.?\s*(?:\d{1,4}|[IVXLC]{1,6})"
    r"|(?P<count>\d{1,5}\s*pp?)|(?:pp?\.?\s*)?\d{1,5}(?:\s*[-–]+\s*\d{1,5})?"
    rf"|(?:{MONTH})(?:\.?\s+(?:1[5-9]|20)\d\d)?"
    r"|n\.\s?d|n\.\s?yr|s\.\s?d|",
    re.IGNORECASE,
)
#: How many comma-separated parts closing a title may be read as such extras.
_EXTRA_REACH = 4


def _without_closing_extras(parts: list[str]) -> tuple[list[str], bool]:
    """The comma-separated parts closing a title without the extras after its imprint (an edition among the last
    parts too), and whether a book's length closed them: 'Gallimard', 'Ed. 1986', 'Paris' -> 'Gallimard', 'Paris';
    'Okad', 'Rabat', '200 pp' -> 'Okad', 'Rabat' and True."""
    end, counted = len(parts), False
    while end > max(1, len(parts) - _EXTRA_REACH):
        part, pages = imprint_pages(parts[end - 1])  # 'Tome 1. 854 p': the length after the volume
        extra = _IMPRINT_EXTRA.fullmatch(part.strip(" ."))
        if extra is None:
            break
        counted = counted or bool(extra.group("count") or (pages and not range_only(pages)))
        end -= 1
    window = max(1, end - _EXTRA_REACH)
    kept = parts[:window] + [
        part
        for part in parts[window:end]
        if not ((m := _IMPRINT_EXTRA.fullmatch(part.strip(" ."))) and m.group("edition"))
    ]
    return kept, counted


def comma_imprint(f: Fields, closing_year: str = "") -> None:
    """An imprint the title swallowed: 'Robot Vision, MIT Press', 'Fluids, Springer-Verlag, New York'.

    With no full stop after the title, the title ends at the first comma that starts an imprint. With
    `closing_year` (the entry's closing year follows the title's last words), a place alone ends it too
    ('Studies in the Odyssey, Wiesbaden 1974', 'The Singer of Tales, Cambridge Mass. 1960'), and a short name
    set off by commas from that year is the publisher ('Linear Groups, Springer, 1991').
    """
    if "; " in f.title:
        acs = _publisher_before_place(f.title)
        if acs and len(acs[0]) >= 4:
            f.title, f.publisher = acs  # 'Dendritic Molecules, Concepts; VCH: Weinheim, 1996.'
            return
    body, length = imprint_pages(f.title)  # '..., Chapel Hill, UNC Press, 275 p'
    # 'Boston, MA: Addison-Wesley Publishing Co., Inc.': a company suffix is no publisher of its own
    parts = join_corporate_suffixes([part.strip() for part in body.split(",")], ", ")
    if len(parts) > 2 and parts[-1] == str(f.year):
        parts.pop()  # 'Rouse, H., 1946. Fluid Mechanics, Wiley, New York, 1946.': the year again, after the imprint
        closing_year = ","
    if len(parts) > 2:
        # 'Être et temps, Gallimard, Ed. 1986, Paris', 'Citations, Okad, Rabat, 200 pp': read without what follows
        # the imprint, if that finds it; a book's length closing it sets off its name and place as a closing year does
        trimmed, counted = _without_closing_extras(parts)
        counted = counted or bool(length and not range_only(length))
        if (counted or len(trimmed) < len(parts)) and _title_before_imprint(
            f, trimmed, closing_year or ("," if counted else "")
        ):
            return
    _title_before_imprint(f, parts, closing_year)


def _title_before_imprint(f: Fields, parts: list[str], closing_year: str) -> bool:
    """Whether the comma-separated `parts` of the title close with an imprint or a place (see comma_imprint), which
    are then cut from the title: ['Fluids', 'Springer-Verlag', 'New York'] -> 'Fluids' and 'Springer-Verlag'."""
    place_then_year = bool(closing_year)
    k = imprint_part(parts, place_then_year)
    if k < 0 and ". " in f.title:
        k = _imprint_after_stop(parts)
    if k >= 0:
        while k > 1 and parts[k - 1] in PUBLISHING_CITIES:
            k -= 1  # 'Cambridge, New York: Wisconsin Press'
        head, stop, place = parts[k - 1].rpartition(". ") if k else ("", "", "")
        if stop and PLACE_PART.match(place):
            parts[k - 1] = head  # 'Basic Business Finance, 3rd ed. Homewood, Illinois: Richard D. Irwin, Inc.'
        edition = k > 1 and bool(EDITION.match(parts[k - 1]))  # the edition is part of neither
        title = ", ".join(parts[: k - edition]).strip(" .,:")
        if len(title) >= 4:
            f.title, f.publisher = title, publisher_name(", ".join(parts[k:]))
        return len(title) >= 4
    closing_body = closing_year == "," and _body_in_sentence_case(parts[-1])
    if len(parts) > 1 and (
        parts[-1] in PUBLISHING_CITIES or (place_then_year and _place_or_name(parts[-1])) or closing_body
    ):
        # 'Homeric Modifications of Formulaic Prototypes, Amsterdam 1965': the place alone, which names no publisher
        title = ", ".join(parts[:-1]).strip(" .,:")
        if len(title) >= 4:
            f.title = title
            name = parts[-1]
            if closing_body:
                f.publisher = name  # 'Title, Service archéologique du conseil général des Ardennes, 66 pp'
            elif closing_year == "," and name not in PUBLISHING_CITIES and _short_name(name) and _bare_name(name):
                # 'Linear Algebraic Groups, Springer, 1991': commas set off a name, a place runs into its year
                # (not a journal's: 'Title, George Mason Law Review, Vol. 62, 1994, 546 pp.')
                f.publisher = "" if JOURNAL_WORD.search(name) else name
            return True
    return False


def _imprint_after_stop(parts: list[str]) -> int:
    """The index of the part that opens the imprint when a stop the title split passed over ends the title inside
    it, or -1; that part is cut at the stop: 'Structural Complexity I. Springer-Verlag', 'Berlin' (a roman
    numeral read as an initial)."""
    for k in range(len(parts) - 1, max(-1, len(parts) - 1 - _IMPRINT_MAX_PARTS), -1):
        if "(" in parts[k]:
            continue  # '1900-1947 (Delhi: B. R. Publishing Corporation)': an imprint in parentheses has its own reader
        head, stop, name = parts[k].rpartition(". ")
        if stop and LETTERS.search(head) and _imprint_at([name, *parts[k + 1 :]], 0):
            parts[k : k + 1] = [head, name]
            return k + 1
    return -1


def imprint_part(parts: list[str], place_then_year: bool = False) -> int:
    """The index of the comma-separated part that opens the imprint closing `parts`, or -1: 'Fluids, Springer-Verlag,
    New York', 'Shock Metamorphism of Natural Materials, Mono Book Corp., Baltimore, MD'."""
    # An imprint is a name and a few places ('Springer-Verlag, Berlin, Heidelberg, New York'): looking
    # no further back keeps a title of many commas linear (each try reads the parts after it).
    window = range(len(parts) - 1, max(0, len(parts) - 1 - _IMPRINT_MAX_PARTS), -1)
    k = next((k for k in window if _imprint_at(parts, k)), -1)
    if k < 0 and len(parts) > 2:
        # a name without a publisher's word and one or two places ('Addison-Wesley, Reading, MA'): the first such
        # name, so that a place is not read as the name of the places after it ('Reading' of 'Reading, MA')
        bare = range(max(1, len(parts) - 3), len(parts) - 1)
        k = next((k for k in bare if _bare_imprint_at(parts, k, place_then_year)), -1)
    return k


def _bare_name(name: str) -> bool:
    """A publisher's name alone, not places ('New Haven and London') nor a name with its place ('VCH: Weinheim')."""
    return ":" not in name and ";" not in name and not (" and " in name and place_alone(name))


def _place_or_name(text: str) -> bool:
    """What may stand alone between a title's comma and the entry's closing year: a place ('Wiesbaden 1974') or a
    publisher's short name ('Addison-Wesley, 1988', 'Mitchell Beazley, 2001'), not a part of the work."""
    return text.split(" ", 1)[0] not in PART_WORDS and (place_alone(text) or _short_name(text))


#: A state or country code closing an imprint's places: 'Reading, MA', 'Hsinchu, ROC'.
_PLACE_CODE = re.compile(r"[A-Z]{2,3}")


def _bare_imprint_at(parts: list[str], k: int, place_then_year: bool) -> bool:
    """Whether `parts[k:]` are a publisher with no publisher's word and its places: 'Ellipses, Paris',
    'Addison-Wesley, Reading, MA'; the last place must be a known city or a code unless the year follows it."""
    rest = parts[k + 1 :]
    if k == 0 or not rest or not (_short_name(parts[k]) or _body_name(parts[k])) or parts[k] in PUBLISHING_CITIES:
        return False
    if parts[k].split(" ", 1)[0] in PART_WORDS:
        return False
    if not all(PLACE_PART.match(p) and not PUBLISHER_HINT.search(p) for p in rest):
        return False  # (not a name after a place: 'Nueva York, Cornell University')
    return place_then_year or rest[-1] in PUBLISHING_CITIES or bool(_PLACE_CODE.fullmatch(rest[-1]))


#: How far from the end a bare imprint is looked for: a name, its place and a note.
_BARE_IMPRINT_REACH = 90
#: The last words of an entry, a place written after its publisher with no comma, and a language note:
#: 'Springer Heidelberg', 'IEEE Computer Society Press Los Alamitos', 'Springer Japan in Japanese'.
_BARE_PLACE = re.compile(r"(?<=[\w.])\s+(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s*$")
#: A language note closing an entry without its parentheses: '... Springer Japan in Japanese', 'IEICE Trans 79 in Japanese'.
_BARE_LANGUAGE = re.compile(r"(?<=[\w.])\s+in\s+(?P<language>[A-Z][a-z]+(?:ese|ish|ian|an|ch))\s*$")
#: A page range right before the publisher's name: 'In Proceedings of TAT 194--203 Springer', '3315 841--850 Springer'.
_BARE_PAGES = re.compile(r"(?<=[^\W_])\s+(?P<pages>\d+\s*[-–]{1,2}\s*\d+)\s+(?=[A-Z][^\d,]*$)")
_LAST_WORD = re.compile(r"(?:^|\s)(?P<word>[A-Z][\w\-]*)$")


def punctuated_bare_imprint(rest: str) -> str:
    """`rest` with the commas and stops its closing imprint goes without, so that it reads as any other
    ('Proceedings of TAT 194--203 Springer Heidelberg in German' -> '... TAT, pp. 194--203. Springer,
    Heidelberg (in German)'); `rest` itself when it does not close on a publisher and its place.

    The place is a publishing city or a country, or follows a word that names a publisher ('Press', 'Verlag').
    """
    reach = max(0, len(rest) - _BARE_IMPRINT_REACH)
    language = _BARE_LANGUAGE.search(rest, reach)
    note = ""
    if language:
        rest, note = rest[: language.start()], f" (in {language.group('language')})"
    m = _BARE_PLACE.search(rest, reach)
    if m is None or ":" in rest[reach:]:  # 'Seattle, Washington: ACM Press': punctuated already
        return rest + note
    words = m.group("place").split()
    for place in (words, words[1:]) if len(words) == 2 else (words,):
        start = m.end("place") - len(" ".join(place))
        head = rest[:start].rstrip()
        if IMPRINT_WORD.search(place[-1]) or not _LAST_WORD.search(head, max(0, len(head) - 40)):
            continue  # 'ACM Press' is a name; the place follows a capitalised word
        if place[0] in PUBLISHING_CITIES or place[0] in COUNTRIES or IMPRINT_WORD.search(head):
            pages = _BARE_PAGES.search(head, max(0, len(head) - _BARE_IMPRINT_REACH))
            if pages:
                head = f"{head[: pages.start()]}, pp. {pages.group('pages')}. {head[pages.end() :]}"
            return f"{head}, {' '.join(place)}{note}"
    return rest + note
