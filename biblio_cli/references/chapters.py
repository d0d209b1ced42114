"""Read a chapter's book or a paper's proceedings after 'In': its editors, volume, pages and imprint."""

from __future__ import annotations

import re

from biblio_cli.markup import strip_italics
from biblio_cli.names import parse_editor_phrase
from biblio_cli.references.fields import Fields, fold_case, may_hold
from biblio_cli.references.imprints import (
    company_name,
    imprint_in_closing_parens,
    imprint_pages,
    imprint_part,
    imprint_start,
    join_corporate_suffixes,
    named_imprint,
    opens_with_place_colon,
    publisher_name,
    range_only,
)
from biblio_cli.references.journals import (
    DATE_PART,
    PUBLISHER_ACRONYM,
    YEARS_SPAN,
    abbreviation_before,
    imprint_in_tail,
    meeting_tail,
    parse_journal_tail,
    place_and_date_only,
    without_society_or_place,
)
from biblio_cli.references.titles import title_like
from biblio_cli.references.vocabulary import (
    CORPORATE_SUFFIXES,
    EDITION,
    EDITIONS_ABBREVIATED,
    IMPRINT_WORD,
    JOURNAL_WORD,
    LETTERS,
    MEETING,
    NOT_YET_PUBLISHED,
    PLAIN_CHAPTER,
    PUBLISHER_WORD,
    PUBLISHING_CITIES,
    SENTENCE_SPLIT,
    STATE,
    TRAILING_DATE,
    TRAILING_PAGES,
    page_range,
)

_EDITOR_WORDS = ("ed", "éd", "dir", "hrsg")


def imprint_closing_venue(f: Fields) -> None:
    """A publisher (and its place) read as the end of a journal's name before pages alone: 'Academic Press, pp. 97-135',
    'Academic Press, New York, pp. 175-203', 'Proceedings of X, AAAI Press, pp 263-266', 'Book. Springer-Verlag, Berlin'."""
    container = f.container
    if container.endswith(" pp"):
        container = container[:-3].rstrip(" ,.")  # 'pp 263-266' without its stop
    venue, _, last = container.rpartition(", ")
    if venue and (last in PUBLISHING_CITIES or STATE.fullmatch(last)):
        container = venue  # the publisher's place
    if container.startswith(EDITIONS_ABBREVIATED) and len(container.split()) <= 5:
        f.container, f.publisher, f.type = "", container.split(" ", 1)[1], "book"  # 'Ed. De Boeck université, 273-292'
        return
    title, comma, editions = f.title.rpartition(", ")
    if comma and f"{editions} " in EDITIONS_ABBREVIATED and len(container.split()) <= 5 and LETTERS.search(title):
        # 'Title, Ed. De Boeck université, 273-292' whose 'Ed.' stop ended the title: the 'éditions' publish it
        f.title, f.container, f.publisher, f.type = title, "", container, "book"
        return
    if container[:1] == "(" and container[-1:] == ")" and _company_in_parens(container):
        # '"Title" (Kagaku Kogyo Nippou Co., Ltd.), pp. 286-289': the company that publishes it, no journal
        f.container, f.publisher, f.type = "", container[1:-1], "book"
        return
    if not (IMPRINT_WORD.search(container) or company_name(container[container.rfind(" ", 0, -4) + 1 :])):
        return  # 'Academic Press', 'Elsevier Science BV' (the last word or two tell)
    cut = max(container.rfind(", "), container.rfind(". "))
    imprint = container[cut + 2 :] if cut >= 0 else container
    if len(imprint.split()) <= 3 and not JOURNAL_WORD.search(imprint):
        f.container, f.publisher, f.type = container[: max(cut, 0)].strip(" ,."), imprint, "chapter"


#: The most words a company's name in parentheses has: 'Kagaku Kogyo Nippou Co., Ltd.'.
_COMPANY_WORDS = 6


def _company_in_parens(text: str) -> bool:
    """Whether `text` is only a company's name in parentheses, closed by its suffix: '(Kagaku Kogyo Nippou Co.,
    Ltd.)', '(Acme Publishing Inc.)' (not a journal's note: '(in German)', '(Abstract)')."""
    inner = text[1:-1]
    words = inner.split()
    return "(" not in inner and 1 < len(words) <= _COMPANY_WORDS and words[-1].rstrip(".,") in CORPORATE_SUFFIXES


def imprint_after_venue(f: Fields) -> None:
    """A venue read as a journal whose imprint followed it: 'Proceedings of X. Irvine, CA: Morgan Kaufmann, pp. 24-30'."""
    stop = imprint_start(f.container)
    if stop:
        venue = f.container[: stop.start()].strip(" .,")
        f.publisher = f.publisher or publisher_name(f.container[stop.end() :])
        f.container = venue
        if MEETING.search(venue):
            f.type = "chapter"
    elif "-" in f.pages and not (f.volume or f.issue or f.publisher):  # a range: 'The Age: Extra, p. 6' is a newspaper
        _imprint_before_pages(f)


#: A short 'Place: Publisher' sentence closing a book before its pages alone: 'Trier: WVT', 'Bielefeld: transcript'.
_PLACE_COLON_NAME = re.compile(
    r"[A-ZÀ-Þ][\w'’\-]*(?:\s[A-ZÀ-Þ][\w'’\-]*)?:\s+(?P<name>[^\W\d_][\w.'’&\-]*(?:\s+[\w.'’&\-]+){0,3})"
)
#: The editors named in a sentence of their own after an MLA book: 'Proceedings. Eds. Bernhard Reitz and Sigrid Rieuwerts'.
_EDITORS_SENTENCE = re.compile(r"\.\s+(?:Eds?|Hrsg|Éd|Dir)\.\s+(?P<editors>[^.]{3,120}(?:\.[^.]{1,40}){0,4})$")


def _capitalised_names(text: str) -> bool:
    """Names written in full after an editors' mark: 'Bernhard Reitz and Sigrid Rieuwerts', 'Anja Müller'."""
    pieces = [piece.split() for piece in _NAME_JOINERS.split(text)]
    return all(0 < len(words) <= 4 and all(word[0].isupper() for word in words) for words in pieces if words)


def _imprint_before_pages(f: Fields) -> None:
    """MLA and Harvard chapters whose pages follow the book's imprint, which no known city or publisher's word
    tells: 'Anglistentag 1999: Proceedings. Eds. B. Reitz. Trier: WVT, 2000. 345-73.', 'Book. Bielefeld:
    transcript. 259-90.' Pages alone after a short 'Place: Name' sentence are a chapter's, not an article's."""
    cut = f.container.rfind(". ")
    imprint = _PLACE_COLON_NAME.fullmatch(f.container, cut + 2 if cut >= 0 else 0)
    if imprint is None or JOURNAL_WORD.search(imprint.group("name")):
        return
    book = f.container[: max(cut, 0)].strip(" .,")
    editors = _EDITORS_SENTENCE.search(book) if ". E" in book or ". Hrsg" in book else None
    if not (editors and editors.start() > 0 and _capitalised_names(editors.group("editors"))):
        editors = None
        if cut >= 0 and abbreviation_before(f.container, cut):
            return  # 'Adv. Phys: Materials': a stop inside a name (but a short name may close the editors: 'Ed. O. Berg')
    if editors:
        f.editors = f.editors or parse_editor_phrase(editors.group("editors"))
        book = book[: editors.start()]
    f.publisher = imprint.group("name").rstrip(" .")
    f.container, f.type = book, "chapter" if book else "book"


#: Editors before the book in a chapter: 'G. Kahn and D. MacQueen, editors, ', 'T. E. Moore (ed.), '.
_EDITORS_BEFORE = re.compile(
    r"(?P<editors>[^()\d]{3,300}?)(?:\s*\((?:eds?|editors?|éds?|dirs?|hrsg)\.?\)\s*[,:]?|,\s*(?:eds?\.|editors?)\s*[,:]"
    r"|,\s*(?P<bare>eds?)\.(?=\s+[A-Z]))\s*",
    re.IGNORECASE,
)
_PAGES_IN_CHAPTER = re.compile(
    r"[,.]?\s*\(?(?:\b(?:[Pp]p\.|p\.|pages?)\s*|(?<=\()(?=\d+\s*[-–])|(?<=,\s|[a-z]\.)(?=\d+\s*[-–]{1,2}\s*\d+\b))"
    r"(?P<pages>[A-Z]?\d+\s*[-–]{1,2}\s*[A-Z]?\d+|[A-Z]?\d+)\)?"
)
#: A volume (and pages) closing a book's title: '(Vol. 4, pp. 643-691)', ', Vol. 7, pp. 231-238', ', Vol. 1.'
_VOLUME_AFTER_BOOK = re.compile(
    r"(?:[,.]?\s*\(|[,.]?\s+|[,.])(?:vol\.?|volume)\s*(?P<volume>\d+|[IVX]+\b)\.?"
    r"(?:,?\s*(?:pp?\.|pages?)\s*(?P<pages>\d+\s*[-–]{1,2}\s*\d+|\d+))?\)?$",
    re.IGNORECASE,
)
#: Pages after a book's name with nothing between them: 'In 11th Scandinavian Conference on Image Analysis 151--156'.
_RANGE_AFTER_BOOK = re.compile(r"(?<=[^\W\d_])\s+(\d+\s*[-–]{1,2}\s*\d+)$")
_NUMBER_AFTER_BOOK = re.compile(r",\s*(\d{1,3})$")
#: The numbered volume of a series the book is in: ', volume 989 of Lecture Notes in Computer Science'.
_VOLUME_OF_SERIES = re.compile(r"[,.]?\s+(?i:vol\.?|volume)\s*(?P<volume>\d+),?\s+of\s+[A-Z][^,()]{2,120}$")
#: The book's editors named after it: 'Automata, Languages, and Programming, F. Meyer and B. Monien, Eds.'.
_EDITORS_AFTER_BOOK = re.compile(r",\s+(?P<editors>[^,()]{3,120}?),?\s+(?:[Ee]ds?\.?|[Ee]ditors)$")
#: The chapter's number after its book: 'Mind as Motion: Explorations in Cognition, chapter 14'.
_CHAPTER_NUMBER_AFTER = re.compile(r"[,.]\s*(?:[Cc]hapter|[Cc]hap\.|[Cc]h\.)\s*\d{1,3}$")
#: The book's editors written after it: ', edited by Colin Renfrew', '(edited by S. Eliot and J. Rose)'.
_EDITED_BY_AFTER = re.compile(r"(?:[,.]?\s*\(?\bedited by|,\s*eds?\.)\s[^()]{2,200}\)?$", re.IGNORECASE)
#: An editor's 'ed.' closing a part of a chapter's book, not a sentence: 'In Theorizing Documentary, ed. Michael Renov'.
_EDITOR_BEFORE_STOP = re.compile(r",\s*eds?$")


def book_of_chapter(book: str, f: Fields) -> str:
    """The book or proceedings a chapter is in, without the pages, volume, editors or place written after it."""
    if ": " in book and not f.publisher:
        book = _without_imprint(book, f)
    trailing_pages = TRAILING_PAGES.search(book) if "p" in book else None
    if trailing_pages:
        f.pages = f.pages or page_range(trailing_pages.group("pages"))
        book = book[: trailing_pages.start()].rstrip(" ,.")
    if "ol" in book:  # 'Vol', 'vol', 'volume'
        in_series = _VOLUME_OF_SERIES.search(book)
        if in_series and in_series.start() > 0:
            f.volume = f.volume or in_series.group("volume")
            book = book[: in_series.start()].rstrip(" ,.")
        volume = _VOLUME_AFTER_BOOK.search(book)
        if volume and volume.start() > 0:
            f.volume = f.volume or volume.group("volume")
            if volume.group("pages"):
                f.pages = f.pages or page_range(volume.group("pages"))
            book = book[: volume.start()].rstrip(" ,.")
    if book[-1:].isdigit() and not f.pages:
        closing = _RANGE_AFTER_BOOK.search(book)  # 'In Proc. of the 17th Conference on Machine Learning 727--734'
        word_before = book[max(0, closing.start() - 10) : closing.start()].rsplit(" ", 1)[-1] if closing else ""
        if closing and not YEARS_SPAN.fullmatch(closing.group(1)) and not DATE_PART.fullmatch(word_before):
            # (not a meeting's days: 'Paris, France, January 15-17')
            f.pages = page_range(closing.group(1))
            book = book[: closing.start()]
    if book[-1:].isdigit():
        number = _NUMBER_AFTER_BOOK.search(book)  # 'Advances in Neural Information Processing Systems, 7'
        if number and LETTERS.search(book, 0, number.start()):
            f.volume = f.volume or number.group(1)
            book = book[: number.start()].rstrip(" ,.")
    if book.endswith(("ed", "ed.", "edn", "edition")):
        head, _, edition_word = book.rstrip(".").rpartition(" ")
        head, _, ordinal = head.rpartition(" ")
        if head and EDITION.match(f"{ordinal} {edition_word}"):
            book = head.rstrip(" ,.")  # 'Comprehensive Textbook of Psychiatry/VI 6th ed', not its editors
    if "edited by" in book or ", ed" in book:
        edited = _EDITED_BY_AFTER.search(book)
        if edited and edited.start() > 0:
            book = book[: edited.start()].rstrip(" ,.")
    if "ds" in book or "itor" in book or book.endswith(("Ed", "ed")):  # 'Eds', 'eds', 'editors', 'E. Neuhold, Ed'
        editors = _EDITORS_AFTER_BOOK.search(book)
        if editors and _names_alone(editors.group("editors")) and LETTERS.search(book, 0, editors.start()):
            f.editors = f.editors or parse_editor_phrase(editors.group("editors"))
            book = book[: editors.start()].rstrip(" ,.")
    if "ch" in book:
        chapter = _CHAPTER_NUMBER_AFTER.search(book)
        if chapter and chapter.start() > 0:
            book = book[: chapter.start()]
    if book.endswith(")") and not f.publisher and named_imprint(book[book.rfind("(") :]):
        # Chicago: 'in Peter Hill (ed.), The Messiaen Companion (London: Faber, 1995), pp. 488–509'
        split = imprint_in_closing_parens(book)
        if split:
            book, f.publisher = split
    if "," in book and MEETING.search(book):
        book = meeting_tail(book, f)
    return book


def _without_imprint(book: str, f: Fields) -> str:
    """The book without the 'Place: Publisher' (and pages) closing it, which go to `f`: 'Primate Anti-Predator
    Strategies. new York: Springer, 27-59' (a known city may be written in lower case)."""
    stop = imprint_start(book)
    if stop is None:
        return book
    imprint, pages = imprint_pages(book[stop.end() :])
    f.publisher = publisher_name(imprint)
    f.pages = f.pages or range_only(pages)
    return book[: stop.start()].rstrip(" .,")


_PAGES_ONLY = re.compile(r"(?i:pp?\.?|pages?)\s*(?P<pages>\d+\s*[-–]+\s*\d+)$")
#: The gap a taken year leaves: 'Austin, Texas, . ACM'. A run is tried from its start only (linear).
_YEAR_GAP = re.compile(r"(?<![\s,])[\s,]+\.(?=\s)")
_NAME_JOINERS = re.compile(r"[,;&]|\band\b")


def _names_alone(text: str) -> bool:
    """'K. Arrow, S. Bowles, and S. Durlauf', 'Chapman, J. A.; Feldhamer, G. A.': short names with initials,
    not a book's title ('Insular Latin Studies', 'Proceedings of the IFIP Conference on X, E. Neuhold')."""
    if "." not in text or title_like(text):
        return False
    return all(len(piece.split()) <= 4 for piece in _NAME_JOINERS.split(text))


def plain_chapter(after: str, f: Fields) -> bool:
    """A chapter or paper without italics: 'In Proceedings of X, pp. 3-9. Publisher, Place'."""
    m = PLAIN_CHAPTER.match(after)
    return m is not None and _chapter_body(after[m.end() :], f, m.group())


#: How far into a text a meeting's name is looked for: real names and the sentences before them are far shorter.
_MEETING_REACH = 400


def _meeting_opens(text: str) -> bool:
    """Whether a meeting's name opens `text`: 'Proceedings of the ACM SIGMOD Conference, pages 18-27, Chicago',
    'Paper presented at the IEEE Symposium on 3D User Interfaces' (not 'Meeting the Challenge. Routledge')."""
    head = text[:_MEETING_REACH].split(", ", 1)[0]
    stop = SENTENCE_SPLIT.search(head)
    if stop:
        head = head[: stop.start() + 1]
    return (head[:1].isupper() or head[:1].isdigit()) and not head.startswith("Meeting") and bool(MEETING.search(head))


def meeting_after_title(after: str, f: Fields) -> bool:
    """A paper's meeting after its title with no italics and no 'In' ('Title. Proceedings of X, pages 18-27,
    Chicago, IL, June'), or after sentences that the title lost ('Subtitle. In Proceedings of X, 1991')."""
    # the sentences a title lost are short: looking for the meeting only in the first few hundred characters
    # keeps a long text linear (each try reads the text after it)
    spans = [(0, 0)]
    for stop in SENTENCE_SPLIT.finditer(after):
        if stop.start() >= _MEETING_REACH:
            break
        spans.append(stop.span())
    for end, start in spans:
        if start and abbreviation_before(after, end):
            continue  # 'European Software Eng. Conf. and ACM Symp.': the stop of an abbreviation
        piece = after[start:]
        marker = PLAIN_CHAPTER.match(piece) if start else None
        venue = piece[marker.end() :] if marker else piece
        if _meeting_opens(venue) and _chapter_body(venue, f, marker.group() if marker else ""):
            leading = after[:start].strip(" .,")
            if leading and f.title:
                f.title = f"{f.title}{' ' if f.title.endswith(('?', '!')) else '. '}{leading}"
            return True
    return False


def book_then_editors(text: str) -> tuple[str, str] | None:
    """(book, names) for a book's title written before its editors' names where the names alone were expected:
    'Risques naturels, P. Gabert; J. Vaudour' (of '..., J. Vaudour (dir.), Editions du CTHS, pp. 145-157')."""
    title, comma, names = text.partition(", ")
    if comma and " " in title and "." not in title and " " in names and _names_alone(names):
        return title, names
    return None


def _without_editors_before(book: str, f: Fields, names_only: bool = False) -> str:
    """The book without the editors named before it, which go to `f`: 'G. Kahn and D. MacQueen, editors, Book'
    (with `names_only`, what precedes 'eds.' must read as names, not as a book: 'Automata, Languages, F. Meyer, Eds.')."""
    editors = _EDITORS_BEFORE.match(book) if may_hold(fold_case(book), *_EDITOR_WORDS) else None
    if editors and not editors.group("bare"):
        split = book_then_editors(editors.group("editors"))
        if split:
            # 'Risques naturels, P. Gabert; J. Vaudour (dir.), Editions du CTHS': the book, its editors, its imprint
            f.editors = parse_editor_phrase(split[1])
            return f"{split[0]}. {book[editors.end() :]}"
    if editors and (editors.group("bare") or names_only) and not _names_alone(editors.group("editors")):
        editors = None  # 'In Insular Latin Studies, ed. Michael Herren': the book, then who edited it
    if not editors:
        return book
    f.editors = parse_editor_phrase(editors.group("editors"))
    return book[editors.end() :]


def _book_with_imprint(f: Fields) -> None:
    """A chapter's book read as a journal before pages alone, with its editors or imprint inside: 'In What Are
    People For? New York: North Point Press, 1990, 197-203', 'In: French, B.M. and Short, N.M., eds., Shock
    Metamorphism of Natural Materials, p. 169-184'."""
    book = _without_editors_before(f.container, f, names_only=True)
    stop = imprint_start(book) if ": " in book else None
    title, _, imprint = book.rpartition(". ") if book is not f.container else ("", "", "")
    if title and _publisher_like(imprint):
        # 'Readings in Planning, J. Allen (eds.), Morgan-Kaufmann, 1990': the imprint after the editors
        f.publisher = f.publisher or publisher_name(imprint)
        book = title
    elif stop:
        f.publisher = f.publisher or publisher_name(book[stop.end() :])
        book = book[: stop.start()]
    elif ", " in book:
        # 'Shock Metamorphism of Natural Materials, Mono Book Corp., Baltimore, MD': the imprint after a comma
        parts = join_corporate_suffixes([part.strip() for part in book.split(",")], ", ")
        k = imprint_part(parts)
        if k < 0 and len(parts) > 1 and company_name(parts[-1]):
            k = len(parts) - 1  # its places read as a journal's: 'Natural Materials, Mono Book Corp.'
        if k > 0:
            f.publisher = f.publisher or publisher_name(", ".join(parts[k:]))
            book = ", ".join(parts[:k])
    book = book_of_chapter(book.strip(" .,"), f)
    if book != f.container:
        f.container, f.type = book, "chapter"


#: Pages closing a book before its imprint: 'Book, pp. 72-79. Longmans', 'Book (Vol. 1), (pp. 107-115). Denver, CO'.
_PAGES_BEFORE_IMPRINT = re.compile(
    r"[,.]?\s*\(?(?:pp?\.|pages)\s*(?P<pages>\d+\s*[-–]{1,2}\s*\d+)(?:,\s*\d+\s*[-–]{1,2}\s*\d+)*\)?\.\s+(?=[A-Z])"
)


def book_before_pages(after: str, f: Fields) -> bool:
    """A chapter's book with no 'In', its pages, then its imprint: 'Title. Essays in Radical Empiricism, pp. 72-79.
    Longmans, Green, and Co.', 'Title. Advances in X (Vol. 1), (pp. 107-115). San Mateo, CA: Morgan Kaufmann.'"""
    pages = _PAGES_BEFORE_IMPRINT.search(after)
    if not pages:
        return False
    book, imprint = after[: pages.start()], after[pages.end() :].strip(" .,")
    stops = [stop for stop in SENTENCE_SPLIT.finditer(book) if not abbreviation_before(book, stop.start())]
    leading = book[: stops[-1].start() + 1] if stops else ""
    book = book[stops[-1].end() :] if stops else book
    if not (book[:1].isupper() and LETTERS.search(book) and LETTERS.search(imprint)) or SENTENCE_SPLIT.search(imprint):
        return False
    f.pages = f.pages or page_range(pages.group("pages"))
    f.publisher = publisher_name(imprint)
    f.container, f.type = book_of_chapter(book.strip(" .,"), f), f.type or "chapter"
    if leading and f.title:
        f.title = f"{f.title}{' ' if f.title.endswith(('?', '!')) else '. '}{leading.strip(' .')}"
    return True


#: How long a publisher's name closing a chapter's book may be, so that its stop ends the book.
_SHORT_IMPRINT = 60


def _short_imprint_after(text: str, start: int) -> bool:
    """Whether a short publisher's name closes `text` from `start`, so that the stop before it ends a book whose last
    word reads as an abbreviation: 'In G. Bakir, editors, Predicting Structured Data. MIT Press, 2006'."""
    return len(text) - start <= _SHORT_IMPRINT and PUBLISHER_WORD.search(text, start) is not None


#: How far back the names before an editor's 'Ed.' are read.
_EDITOR_NAMES_REACH = 80


def _editors_closed(text: str, end: int) -> bool:
    """Whether the 'Ed.' closing `text[:end]` follows the editors' names, so that its stop ends the book: 'In
    Proceedings of X, E. Neuhold, Ed. North-Holland' (not 'In Theorizing Documentary, ed. Michael Renov')."""
    head = text[max(0, end - _EDITOR_NAMES_REACH) : end].rpartition(",")[0]
    names = head.rpartition(",")[2]
    return "," in head and _names_alone(names.strip())


#: The volume closing a chapter's imprint before the pages taken from it: ', T. 21:', ', Bd. 3:', ', vol. 2:'.
_VOLUME_CLOSING_IMPRINT = re.compile(
    r",\s*(?:T|Bd|Vol|vol|Tome|tome|Band)\.?\s*(?P<volume>\d{1,4})(?::\s*(?P<pages>\d+\s*[-–]\s*\d+))?$"
)


def without_closing_volume(imprint: str, f: Fields) -> str:
    """The imprint without the volume (and pages) closing it, which go to `f`: 'Gustav Fischer Verlag, Jena, T.
    21:181-398', 'Springer, Berlin, vol. 2' (when the pages were read before it)."""
    volume = _VOLUME_CLOSING_IMPRINT.search(imprint)
    if volume is None or not (f.pages or volume.group("pages")) or not LETTERS.search(imprint, 0, volume.start()):
        return imprint
    f.volume = f.volume or volume.group("volume")
    f.pages = f.pages or page_range(volume.group("pages"))
    return imprint[: volume.start()]


#: How far into a chapter's 'In ...' text the end of the book's title is looked for.
_BOOK_REACH = 1000
#: The book's editors and its year before its title, as French styles write them: 'Galland Olivier, Lemel Yannick,
#: 2011, '. The parts hold no comma, so the match cannot backtrack.
_EDITORS_YEAR = re.compile(
    r"(?P<names>[^,\d()]{3,40}(?:,\s*[^,\d()]{3,40}){0,3}),\s*(?:1[5-9]\d\d|20\d\d)[a-z]?,\s+(?=\S)"
)
_EDITORS_YEAR_REACH = 40


def _without_editors_and_year(rest: str, f: Fields) -> str:
    """The book without its editors and year written before it: 'in Galland Olivier, Lemel Yannick, 2011, La société
    française, Armand Colin, Paris, p. 13-41' (names of a few capitalised words each, not a book's title)."""
    editors = _EDITORS_YEAR.match(rest)
    if editors is None:
        return rest
    names = [name.split() for name in editors.group("names").split(",")]
    if not all(0 < len(words) <= 3 and all(word[:1].isupper() for word in words) for words in names):
        return rest
    f.editors = f.editors or parse_editor_phrase(editors.group("names"))
    return rest[editors.end() :]


def _chapter_body(rest: str, f: Fields, marker: str = "") -> bool:
    """The book or proceedings of a chapter after its 'In' (`marker`), with its editors, pages and imprint."""
    dated_editors = False
    if marker and rest[:1].isupper() and "," in rest[:_EDITORS_YEAR_REACH]:
        book = _without_editors_and_year(rest, f)
        rest, dated_editors = book, book is not rest
    article = Fields()
    if not dated_editors and parse_journal_tail(rest, article) and not imprint_in_tail(article):
        if marker == "In " and article.volume and article.container.isalpha() and article.container.istitle():
            article.container = "In " + article.container  # 'In Vivo 29, 619-636': a journal, not a chapter marker
        # 'In: Italienisch 66, S. 32-50' is an article; 'In Proceedings X. ACM, New York, 192-203' is not
        f.container, f.volume, f.issue, f.pages, f.type = (
            article.container,
            article.volume,
            article.issue,
            article.pages,
            f.type or article.type,
        )
        if "," in f.container and MEETING.search(f.container):
            # 'In Proceedings of X, Karlsruhe. pages 650-652', 'In Proceedings X (Atlanta, GA), ACM Press, pages 4-9'
            f.container = without_society_or_place(meeting_tail(f.container, f))
        venue, _, imprint = f.container.rpartition(", ")
        if "). " in imprint:  # 'Symposium X (Milwaukee, Wis.). ACM': the place in parentheses closes the venue
            place, _, imprint = imprint.rpartition("). ")
            venue = f"{venue}, {place})"
        if venue and len(imprint.split()) <= 4 and IMPRINT_WORD.search(imprint):
            # 'Proceedings of the ACM Conference X (Atlanta, GA, Mar. 22-27), ACM Press, New York, NY, pages 431-438'
            f.container, f.publisher = without_society_or_place(venue), f.publisher or publisher_name(imprint)
        if marker and (not f.volume or ": " in f.container):
            # a Vancouver book's volume is no journal's: 'In: Kaplan HI, eds. Book. Baltimore: Williams; 1995; 1:619-35'
            _book_with_imprint(f)
        return True
    rest = _without_editors_before(rest, f)
    tail = ""
    pages = _PAGES_IN_CHAPTER.search(rest)
    if pages:
        f.pages = page_range(pages.group("pages"))
        rest, tail = rest[: pages.start()], rest[pages.end() :]
    container = rest
    # a book closed by its imprint in parentheses ends there, not at a stop inside them (SBL: 'In Religions in
    # Antiquity (Numen supp. 14; ed. J. Neusner; Leiden: Brill, 1968)'); book_of_chapter reads the imprint
    closing = rest.rfind("(") if rest.endswith(")") else -1
    end = closing if closing > 0 and named_imprint(rest[closing:]) else len(rest)
    # the book's title ends within its first few hundred characters: a text of thousands of abbreviations'
    # stops ('Ab. Cd. Ef. ...') is not tried at each one
    for stop in SENTENCE_SPLIT.finditer(rest, 0, min(end, _BOOK_REACH)):
        # 'In Proc. Workshop on X' goes on; 'In The Book. London: Press' stops before the imprint
        before = rest[max(stop.start() - 6, 0) : stop.start()]
        if "ed" in before and _EDITOR_BEFORE_STOP.search(before) and not _editors_closed(rest, stop.start()):
            continue
        if (
            not abbreviation_before(rest, stop.start())
            or (before.endswith(("Ed", "Eds")) and _editors_closed(rest, stop.start()))
            or opens_with_place_colon(rest, stop.end())
            or _short_imprint_after(rest, stop.end())
        ):
            end = stop.start() + (rest[stop.start()] in "?!")  # 'In Where Do Rivers Go? Boston: ...' keeps its '?'
            container, tail = rest[:end], f"{rest[stop.end() :]} {tail}"
            break
    else:
        # 'In Advances in X, 7. San Mateo: Morgan Kaufmann', 'In Book, New York: Plenum Press': no sentence ends the book
        opening = imprint_start(rest) if ": " in rest else None
        cut = rest.rfind(". ", max(0, len(rest) - _SHORT_IMPRINT))
        if opening:
            container, tail = rest[: opening.start()], f"{rest[opening.end() :]} {tail}"
        elif dated_editors and ", " in rest:
            # 'in Galland Olivier, 2011, La société française, Armand Colin, Paris, p. 13-41': a book, then its imprint
            parts = rest.split(", ")
            k = imprint_part(parts)
            if k > 0:
                container, tail = ", ".join(parts[:k]), f"{', '.join(parts[k:])} {tail}"
        elif cut > 0 and _publisher_like(rest[cut + 2 :]) and LETTERS.search(rest, 0, cut):
            # 'In Symposium on X, LNCS. Springer', 'In Proceedings of X (Sept.). IEEE, New York': the stop of an
            # acronym or an abbreviation ends the book before a publisher's name
            container, tail = rest[:cut], f"{rest[cut + 2 :]} {tail}"
    tail = strip_italics(tail).strip(" .,:;")
    if "ublished" in tail:
        reprint = _REPRINT_NOTE.search(tail)
        tail = tail[: reprint.start()] if reprint else tail  # 'Macmillan. New York. Originally published 1772'
    if tail[-1:].isdigit():
        tail = without_closing_volume(tail, f)
        head, full_stop, number = tail.rpartition(". ")
        if full_stop and number.isdigit() and LETTERS.search(head):
            tail = head  # a bare number after the imprint: 'Detroit. Morgan Kaufmann. 415'
    if " ." in tail:
        tail = _YEAR_GAP.sub(".", tail)  # 'Austin, Texas, 1984. ACM Press' without its year: 'Austin, Texas,  . ACM'
    not_yet = NOT_YET_PUBLISHED.search(tail) if tail[-1:].lower() in "sgrtwdne)" else None  # how those notes end
    if not_yet:
        tail = tail[: not_yet.start()].rstrip(" .,")  # 'AAAI Press, 1999. To appear.'
    sentences = _tail_sentences(tail)
    pages_only = _PAGES_ONLY.match(sentences[-1])
    if pages_only:  # 'Wild mammals of North America. Pp. 326 - 353.'
        f.pages = f.pages or page_range(pages_only.group("pages"))
        sentences = sentences[:-1]
        tail = ". ".join(sentences)
    imprint = _imprint_sentence(sentences) if LETTERS.search(tail) else ""
    if imprint:
        place, place_stop, name = imprint.rpartition(". ") if ". " in imprint else ("", "", "")
        if place_stop and name[:1].isupper() and place_and_date_only(place):
            imprint = name  # 'pages 377-388, Washington, DC, USA, 2008. IEEE Computer Society': the place first
        numbered = _NUMBERED_SERIES.fullmatch(imprint)
        if numbered:  # 'pages 172-206, LNCS 1192': the book's volume in its series, no publisher
            f.volume, imprint = f.volume or numbered.group("volume"), ""
        name, semicolon, series = imprint.partition("; ")
        numbered = _NUMBERED_SERIES.fullmatch(series) if semicolon and series[-1:].isdigit() else None
        if numbered and _publisher_like(name):
            # the series after it: 'Springer-Verlag; Lecture Notes in Computer Science 3089'
            f.volume, imprint = f.volume or numbered.group("volume"), name
        f.publisher = publisher_name(imprint)
        if not f.pages:
            f.pages = range_only(imprint_pages(tail)[1])
    f.container = book_of_chapter(strip_italics(container).strip(" .,:;"), f)
    f.type = f.type or "chapter"
    return bool(f.container)


#: A series and the book's number in it, closing a chapter's tail: 'LNCS 2825', 'Lecture Notes in Mathematics 1540'.
_NUMBERED_SERIES = re.compile(
    r"(?:[A-Z]{2,6}|[A-Z][\w ]{0,60}\b(?:Notes|Series)(?: in [\w ]{1,60})?)\s+(?P<volume>\d{1,5})"
)
#: A reprint's note closing a chapter's tail, its year taken: '. Originally published', '. First published in 1901'.
_REPRINT_NOTE = re.compile(r"(?<![.,;])[.,;]\s*\(?(?i:originally|first) published\b[^.]{0,40}$")
#: How many sentences closing a chapter's tail are read for its imprint: a place or a note may follow it.
_TAIL_SENTENCES = 8
#: An abbreviation after an abbreviation's stop: 'Math.' of 'Amer. Math. Soc.' (not 'Available' of 'June. Available').
_ABBREVIATION_NEXT = re.compile(r"[A-Z][a-z]{0,4}\.|[A-Z][a-z]{0,2}$")


def _tail_sentences(tail: str) -> list[str]:
    """The sentences of a chapter's tail, not cut inside a run of abbreviations: 'Amer. Math. Soc., 1998' stays whole.
    Only the last few are kept whole, so that a tail of thousands of stops stays linear."""
    stops = [
        stop
        for stop in SENTENCE_SPLIT.finditer(tail)
        if not (abbreviation_before(tail, stop.start()) and _ABBREVIATION_NEXT.match(tail, stop.end()))
    ][-_TAIL_SENTENCES:]
    starts = [0, *(stop.end() for stop in stops)]
    ends = [*(stop.start() for stop in stops), len(tail)]
    return [tail[start:end] for start, end in zip(starts, ends, strict=True)]


def _publisher_like(sentence: str) -> bool:
    """Whether a sentence opens with a publisher's name: 'ACM, June 1994', 'Springer-Verlag, 1998', 'MIT Press'."""
    first = sentence.split(",", 1)[0].strip()
    return bool(PUBLISHER_ACRONYM.match(first) or IMPRINT_WORD.search(first) or PUBLISHER_WORD.search(first))


def _imprint_sentence(sentences: list[str]) -> str:
    """The sentence of a chapter's tail that names its publisher: the last one, unless a place or a note follows
    the publisher ('Macmillan. New York', 'ACM, ACM Press, May 1996. Philadelphia PA', 'ACM, June 1994. Available
    via WWW', 'Springer-Verlag, 1998. method wrappers'); none if only where and when the meeting was held."""
    last = sentences[-1].strip()
    before = sentences[-2].strip() if len(sentences) > 1 else ""
    if place_and_date_only(last):
        named = len(before) > 3 and len(before.split()) <= 6 and LETTERS.search(before)  # not 'St' of 'St. Charles'
        return before if named and not place_and_date_only(before) else ""
    if (
        before
        and _publisher_like(before)
        and (last[:1].islower() or not _publisher_like(last))
        and not place_and_date_only(before)
    ):
        return before
    series, comma, name = last.partition(", ")
    if comma and series[-1:].isdigit() and LETTERS.search(series) and name[:1].isupper():
        last = name  # a numbered series before the publisher: 'Contemporary Mathematics vol. 230, Amer. Math. Soc.'
    name, comma, date = last.rpartition(", ")
    if comma and DATE_PART.fullmatch(date.strip(" .")) and LETTERS.search(name):
        last = name  # the month of a meeting whose year was taken: 'ACM SIGCHI, ACM Press, May'
    head, gap, name = last.rpartition("  ")  # the year taken from 'Montreal, Canada, April 2001 ACM Press'
    if gap and name.strip()[:1].isupper() and place_and_date_only(head.strip(" ,")):
        return name.strip()
    return last


#: A proceedings after a comma that closes the title: 'Title, Proceedings of X', 'Title, in: Proceedings of X'.
_COMMA_PROCEEDINGS = re.compile(r",\s+(?:[Ii]n:?\s+)?(?=Proc(?:eedings\b|\.\s))")
#: Where a meeting was held: ', at Vienna, Austria'.
_AT_PLACE = re.compile(r",\s+at\s+[A-Z].*$")
#: Pages closing a venue: labelled ('pp. 319327', 'pages 70-78') or an unlabelled range ('. 509-12').
_CLOSING_RANGE = re.compile(
    r"[.,]\s*(?:(?:pp?\.?\s*|pages\s+)(?P<pages>\d+(?:\s*[-–]{1,2}\s*\d+)?)|(?P<range>\d+\s*[-–]{1,2}\s*\d+))$"
)


def comma_proceedings(f: Fields) -> bool:
    """A paper's proceedings the title swallowed, with no full stop before it: 'Title, Proceedings of the Eighth
    International Conference X (ISMIR), at Vienna, Austria. 509-12.', 'Title, in: Proceedings of X, UNESCO.'"""
    cuts = list(_COMMA_PROCEEDINGS.finditer(f.title))
    if not cuts or not LETTERS.search(f.title, 0, cuts[-1].start()):
        return False
    cut = cuts[-1]  # the last one
    title, venue = f.title[: cut.start()].strip(" .,:"), f.title[cut.end() :]
    date = TRAILING_DATE.search(venue) if venue[-1:].isalpha() else None
    if date:  # 'pages 70-78, May 1989' without its year
        venue = venue[: date.start()].rstrip(" ,")
    pages = _CLOSING_RANGE.search(venue) if venue[-1:].isdigit() else None
    if pages:
        f.pages = f.pages or page_range(pages.group("pages") or pages.group("range"))
        venue = venue[: pages.start()]
    if ", at " in venue:
        venue = _AT_PLACE.sub("", venue)
    if "," in venue:
        venue = meeting_tail(venue, f)
    f.title, f.container, f.type = title, venue.strip(" .,"), f.type or "chapter"
    return True
