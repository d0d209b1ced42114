"""The parser's pipeline: lift identifiers, take the year, split names from the work, read the title, then what
follows it (journal, chapter's book or imprint), and build the Reference."""

from __future__ import annotations

import re
import unicodedata

from biblio_cli.markup import strip_italics
from biblio_cli.model import Reference
from biblio_cli.names import (
    names_before_role,
    names_before_title_piece,
    names_prefix,
    parse_authors,
    parse_editor_phrase,
    strip_role,
    vancouver_prefix,
)
from biblio_cli.normalize import fold_typography, is_valid_doi
from biblio_cli.references.chapters import (
    book_before_pages,
    book_of_chapter,
    book_then_editors,
    comma_proceedings,
    imprint_after_venue,
    imprint_closing_venue,
    meeting_after_title,
    plain_chapter,
    without_closing_volume,
)
from biblio_cli.references.fields import Fields
from biblio_cli.references.identifiers import lift_identifiers
from biblio_cli.references.imprints import (
    comma_imprint,
    dated_imprint_in_parens,
    imprint_in_title_parens,
    imprint_pages,
    imprint_then_cited,
    published_as_note,
    publisher_name,
    punctuated_bare_imprint,
    range_only,
    split_publisher,
    without_edition_year,
    year_closes_after,
)
from biblio_cli.references.journals import (
    comma_journal,
    comma_journal_before_note,
    journal_alone,
    journal_before_doi,
    journal_from_title,
    journal_sentences,
    journal_without_numbers,
    numbers_close,
    parse_journal_tail,
    title_into_journal,
    titleless_journal,
    venue_after_quoted_title,
)
from biblio_cli.references.titles import (
    abbreviated_journal_start,
    comma_venue,
    split_title,
    take_descriptors,
    without_contributors,
)
from biblio_cli.references.vocabulary import (
    ABBREVIATED,
    ABBREVIATION_FIRST,
    CITED_REACH,
    FIRST_DIGIT,
    IMPRINT_PARENS,
    ITALIC,
    LETTERS,
    MEETING,
    PLAIN_CHAPTER,
    REPORT_WORDS,
    THESIS_WORDS,
    TRAILING_DATE,
    TRAILING_PAGES,
    page_range,
)
from biblio_cli.references.years import take_year
from biblio_cli.sections import RawEntry

#: A citation number left before the first author: '33 ', '[5] ', '(36) ', '5. ' (never a four-digit year), one
#: glued to the name by a hyphen ('32-Sharma D, Jelacic J.'), a list's bullet ('- A.-C. Jucobin, (dir.).', '• Cornwall,
#: Mark.', or a symbol font's, in the private use area: '\uf02d P. Bourdieu'), or a stray stop and comma ('., Carla').
_LEADING_NUMBER = re.compile(
    r"^\s*(?:\[\d{1,4}\]\s*|\(\d{1,3}\)\s*|\d{1,3}\.?\s+|\d{1,3}-(?=[A-ZÀ-Þ][a-zà-ÿ])|[-–]\s+|[•▪\ue000-\uf8ff]\s*|\.,\s+)"
    r"(?=[^\W\d_]|\*)"
)
#: The characters _LEADING_NUMBER can start with, but digits and the private use area's: a cheap test first.
_LEADING_NUMBER_FIRST = frozenset("[( \t-–•▪.")
_CHAPTER = re.compile(
    r"^(?:Dans|In|in|dans|en|En)\s*:?\s+(?P<editors>.*?\((?:dir\.?|eds?\.?|éds?\.?|hrsg\.?|coord\.?|sous la dir[^)]*)\))\s*,?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_CHAPTER_NO_EDITORS = re.compile(r"^(?:Dans|In|in|dans)\s*:?\s+(?P<rest>\*.*)$")
_PAGES_PARENS = re.compile(
    # APA gives the volume of a multivolume book there too: '(Vol. 3, pp. 1017-1095)', '(Vol. 3, Part A, pp. 1-9)'
    r"\(\s*(?:(?i:vols?\.?|volume)\s*(?P<volume>\d+|[IVXLC]+)\s*,\s*(?:Part\s+\w+\s*,\s*)?)?"
    r"(?:(?:pp?\.|S\.)\s*(?=\d)|(?=\d+\s*[-–]\s*\d+\s*\)))(?P<pages>\d+\s*[-–]\s*\d+|\d+)\s*\)"
)
_LEADING_ROLE = re.compile(r"^[\s.,]*(\([^)]{2,30}\))[\s.,]*")
_TWELVE_LETTERS = re.compile(r"(?:[\W\d_]*[^\W\d_]){12}")
#: How far from the end of a title a journal cut off with it is looked for.
_JOURNAL_IN_TITLE_REACH = 120
_COMMA_AND_QUOTE = tuple("," + q for q in "”\"'’»") + tuple(q + "," for q in "”\"'’»")
#: A note of when the work was read online, after its venue: 'Research Information. Retrieved 2010-08-07'.
_RETRIEVED_NOTE = re.compile(r"[.,]\s*(?:[Rr]etrieved|[Aa]ccessed)(?:\s+on)?[\s\d,/\-]*$")
_DAY = re.compile(r"\d{1,2}")


def _without_closing_note(after: str) -> str:
    """The venue without the day it appeared or the day it was read, which read as its volume or pages: 'The New
    York Times, March 17' (the year taken), 'Proceedings of X, August 28-30', 'Research Information. Retrieved 2010-08-07'."""
    note = _RETRIEVED_NOTE.search(after) if "etrieved" in after or "ccessed" in after else None
    if note:
        after = after[: note.start()]
    date = TRAILING_DATE.search(after) if after[-1:].isdigit() else None
    if date and _DAY.fullmatch(after[-2:].lstrip(" -–")) and not FIRST_DIGIT.search(after, 0, date.start()):
        after = after[: date.start()]
    return after


def _parse_after_title(after: str, f: Fields, quoted: bool = False) -> None:
    after = after.strip(" .,;:")
    if not after:
        return
    if after[-1:].isdigit():
        end = after[-8:]  # a day after a word: 'March 17', 'August 28-30' (at most six characters of it)
        head = end.rstrip("0123456789-– ")
        day = len(head) >= len(end) - 6 and head[-1:].isalpha()
        if day or "etrieved" in after or "ccessed" in after:
            after = _without_closing_note(after)
    if after[:1] in "FOP" and published_as_note(after, f):
        return
    if f.year is not None and after[-1:].isdigit() and ": " in after:
        after = without_edition_year(after)
    chapter = _CHAPTER.match(after) or _CHAPTER_NO_EDITORS.match(after)
    if chapter:
        f.type = "chapter"
        rest = chapter.group("rest")
        if "editors" in chapter.groupdict() and chapter.group("editors"):
            f.editors = parse_editor_phrase(chapter.group("editors"))
            split = book_then_editors(chapter.group("editors").rpartition(" (")[0])
            if split:  # 'in Risques naturels, P. Gabert; J. Vaudour (dir.), Editions du CTHS, pp. 145-157'
                f.editors = parse_editor_phrase(split[1])
                rest = f"{split[0]}. {rest}"
        pages = _PAGES_PARENS.search(rest)
        if pages:
            f.pages = page_range(pages.group("pages"))
            f.volume = pages.group("volume") or f.volume
            rest = rest[: pages.start()] + rest[pages.end() :]
        book, publisher = split_title(rest)
        if publisher[:1] == "(" or (rest.endswith(")") and book.count("(") > book.count(")")):
            # (or a stop inside it: '(Numen supp. 14; ed. J. Neusner; Leiden: Brill, 1968)')
            book, publisher = rest, ""  # '2 vols. (New York, NY: Norton, 1986), vol. ii': the book's imprint in parens
        f.container = book_of_chapter(strip_italics(book).strip(" .,"), f)
        if publisher.rstrip(" .")[-1:].isdigit():
            publisher = without_closing_volume(publisher.rstrip(" ."), f)
        trailing_pages = TRAILING_PAGES.search(publisher)
        if trailing_pages and not f.pages:
            f.pages = page_range(trailing_pages.group("pages"))
            publisher = publisher[: trailing_pages.start()]
        f.publisher = publisher_name(strip_italics(publisher)) or f.publisher
        if not f.pages:
            f.pages = range_only(imprint_pages(strip_italics(publisher))[1])
        return
    if after[:3] in ("Pp.", "pp.", "Pag") and " in " in after[:30]:
        # ASA: 'Pp. 1-18 in Configurational Comparative Methods, edited by B. Rihoux. Thousand Oaks, CA: Sage.'
        pages_first = _PAGES_BEFORE_BOOK.match(after)
        if pages_first and plain_chapter(after[pages_first.end() :], f):
            f.pages = page_range(pages_first.group("pages"))
            return
    if after.startswith(_LANGUAGE_CODES):
        after = after[4:].lstrip()  # bioRxiv exports: '"Title". eng. In:Cell 148. 6., pp. 1293-1307'
    if after[:2] in {"In", "in", "Da", "da"} and plain_chapter(after, f):
        return
    italic = ITALIC.search(after)
    if italic and italic.start() <= 2:
        # '*Journal*, 12(3), 4-5' or '*Journal, 39,* 213-228' or '*Book title*. Publisher.'
        if parse_journal_tail(after, f, notes=True):
            return
        f.container = strip_italics(italic.group(1)).strip(" .,")
        remainder = after[italic.end() :].strip(" .,")
        if remainder:
            split_publisher(strip_italics(remainder), f)
        f.type = f.type or ("article-journal" if not f.publisher else "chapter")
        return
    if parse_journal_tail(after, f, notes=True):
        if ": " in f.container:
            imprint_after_venue(f)
        elif not (f.volume or f.issue) and f.pages:
            imprint_closing_venue(f)
        return
    journal = journal_without_numbers(strip_italics(after))
    if journal:
        f.container, f.type = journal, f.type or "article-journal"
        return
    venue = venue_after_quoted_title(strip_italics(after)) if quoted else ""
    if not venue and f.doi and not f.publisher:
        venue = journal_before_doi(strip_italics(after))
    if venue:
        f.container, f.type = venue, f.type or ("chapter" if MEETING.search(venue) else "article-journal")
        return
    if MEETING.search(after) and meeting_after_title(strip_italics(after), f):
        return
    if ("pp" in after or "pages" in after) and book_before_pages(strip_italics(after), f):
        return
    split_publisher(strip_italics(after), f)


_PAGES_BEFORE_BOOK = re.compile(r"(?:[Pp]p\.|Pages)\s*(?P<pages>\d+\s*[-–]{1,2}\s*\d+|\d+)\s+(?=in\s)")
#: A language code before the journal, as reference managers export it: 'eng. In:Genome research 21. 2.'
_LANGUAGE_CODES = ("eng. In", "eng.In", "fre. In", "fre.In", "ger. In", "ger.In")
#: One to three capitalised words ('Stochastic Process'), and an abbreviation opening a text ('Appl. 65').
_CAPITALISED_NAME = re.compile(r"^(?:[A-Z][A-Za-z]{0,11}\.?\s){0,2}[A-Z][A-Za-z]{0,11}$")
#: Where the names may end in 'X.-G. Wen, Phys. Rev. Lett. 66, 802': after a comma or 'et al.'.
_NAMES_END = re.compile(r",\s+|\bet\s+al\.?,?\s+")


def _names_before_journal(block: str, rest: str) -> tuple[str, bool]:
    """The names of a title-less entry whose year comes last: 'X.-G. Wen, Phys. Rev. Lett. 66, 802 (1991)',
    'Beutler, et al., Science 234, 470-474 (1985)', 'Dean C. et al., Plant Journal, 2, 69-81, 1992'; or '',
    and whether the names are in natural order (given names first).

    The names end where what follows them (with the text after the year, which may split the tail:
    'J. Phys. G, 31 (2005) S741') is a journal, volume and pages alone. Every name must be a person's,
    with initials unless joined by 'and' ('Yamada and Araki'): 'Smith, J., Gene Regulation, Cell, 12, 3-4'
    and 'J. Anderson, "Composite Registers", Distributed Computing' have a title.
    """
    if titleless_journal(rest):
        return "", False  # 'Bender C M, Boettcher S 1998 Phys. Rev. Lett. 80 5243': the year split names and journal
    for cut in _NAMES_END.finditer(block, max(0, len(block) - 130)):
        if not titleless_journal(f"{block[cut.end() :]} {rest}"):
            continue
        names = block[: cut.start()] if block[cut.start()] == "," else block[: cut.end()]
        for natural in (False, True):  # 'Dean C. et al.', then 'K. Osterwalder and E. Seiler'
            if _only_names(names, natural):
                return names, natural
        return "", False
    return "", False


#: A quotation mark opening or closing a title ("O'Brien" holds an apostrophe, not a quote).
_QUOTED = re.compile(r"[\"“”«»‘’]|(?:^|\s)'(?!t\s)|'(?:,|$)")  # not "G. 't Hooft"


def _only_names(names: str, natural: bool) -> bool:
    """Every piece of `names` is a person's name: 'X.-G. Wen', 'Dean C. et al.', 'Yamada and Araki'."""
    if _QUOTED.search(names) or any(c in names for c in ":;()[]?!") or any(c.isdigit() for c in names):
        return False
    authors, et_al, problems = parse_authors(names, natural=natural)
    if not authors or any(not p.startswith("no comma between") for p in problems):  # 'Dean C.' is a name
        return False
    if any(len(a.full_family.split()) > 2 for a in authors):
        return False  # 'L. Diósi. Models for universal reduction ...': a title
    if len(authors) == 1 and (" and " in names or "&" in names):
        return False  # two names read as one ('Yamada and Araki'): leave them to names_prefix
    joined = et_al or " and " in names or "&" in names or len(authors) == 1
    return all(a.given for a in authors) or (joined and all(len(a.full_family.split()) == 1 for a in authors))


#: A lowercase word of four letters or more: titles have them, name lists hardly ever ('and', 'van', 'de' are short).
_LOWERCASE_WORD = re.compile(r"\s[a-zà-ÿ]{4,}")
#: A sentence's end after a lowercase word: 'Firms. Minnesota', 'Churches. Shanghai' (not 'J. Lee. ').
_WORD_STOP = re.compile(r"[a-zà-ÿ]{4}\.\s")
_TITLE_MARK = re.compile(r"[.?!:]\s|[\"“”«»]|[^\s)][.?!]$")
_FINAL_INITIAL_AT_END = re.compile(r"(?:^|[\s.\-])[^\W\d_]{1,2}\.$")


def _title_case_sentence(block: str) -> bool:
    """Whether a sentence ends inside `block` with more words after it, as a title in title case and its
    imprint do before a closing note: 'Nevius, John L. The Planting of Churches. Shanghai, Presbyterian Press.
    1886. ...'; a name list before its year ends at the block's end ('..., Cancer Genome Consortium. 2012.')."""
    stop = _WORD_STOP.search(block)
    return stop is not None and bool(_TWELVE_LETTERS.match(block, stop.end()))


#: Names that close on an initial ('Kohonen, T. ', 'Fujimura, K. '): a title never does.
_NAMES_CLOSE_ON_INITIAL = re.compile(r"(?:^|[\s.\-])[A-ZÀ-Þ]\.$")


def _names_then_bare_title(block: str) -> str:
    """The names before a title in title case that runs into its year with no stop, as GROBID's training
    styles write it ('Spence, R. Information Visualization 2000 Addison Wesley'), or ''.

    Such a title has no long lowercase word to show it, so the names must: they end on an initial, and the
    year follows a word of the title ('Kenyon, Thomas 1983 Title' holds names only before its year).
    """
    if len(block) < 20 or not block[-2:-1].isalpha() or block[-1:] != " ":
        return ""
    names = names_prefix(block)
    closing = names.rstrip()
    if not _NAMES_CLOSE_ON_INITIAL.search(closing, len(closing) - 3) or not _TWELVE_LETTERS.match(block, len(names)):
        return ""
    return names


def _names_before_title(block: str, parenthesised: bool) -> str:
    """The names that open `block`, the text before a year that comes neither first nor last, when a title
    follows them there: 'Dittenbach, M., Rauber, A. The growing map. 2000 In Proc. ...', or ''.

    An author-year block ('Smith, J., & Lee, K. (') holds names only; a title shows by a long lowercase
    word, tested before the far dearer names_prefix, and by the letters left after the names. Before a year
    in parentheses, APA's place, the text after the names must show a sentence's end, a quotation mark or a
    subtitle's colon: 'Arcep, Arcom, Conseil général de l'économie (CGE) (2025)' lists names up to the year.
    """
    if len(block) < 30 or not (_LOWERCASE_WORD.search(block) or (not parenthesised and _title_case_sentence(block))):
        return "" if parenthesised else _names_then_bare_title(block)
    names = names_prefix(block)
    if not names or not _TWELVE_LETTERS.match(block, len(names)):
        return ""
    tail = block.rstrip(" ,(")
    if parenthesised and (", &" in tail or not _TITLE_MARK.search(tail, len(names))):
        return ""  # 'Arcep, Arcom, Conseil ... (CGE), & Agence ... (ANCT). (2025)': APA's last name after ', &'

    # '..., The O. fasciatus curation community, Richards, S., & Panfilio, K. A. (2015)': names go on to the year
    return "" if _FINAL_INITIAL_AT_END.search(tail) else names


#: What follows a year inside a journal tail: only volume, issue and pages ('; 40(2): 500-3', ', 55, (8), R4921').
_NUMBERS_ONLY = re.compile(
    r"^\s*[,;:]?\s*(?:(?i:vol\.?)\s*)?\d+[A-Z]?(?:\s*\(\s*[\w\s-]{1,12}\))?(?:\s*[,:;]\s*(?:\(\s*\d+\s*\)\s*[,:]\s*)?"
    r"(?:pp?\.\s*)?[A-Za-z]?\d+[A-Z]?(?:\s*[-–]{1,2}\s*[A-Za-z]?\d+[A-Z]?)?)?\s*\.?\s*$"
)
#: Signs that flag an entry in a list or CV ('*' a student, '†' a corresponding author): no part of the work.
_FOOTNOTE_MARKS = "*†‡§¶"


#: A comma that text extraction glued to the next word: 'dark matter,Phys.Lett.B 418'.
_GLUED_MARK = re.compile(r",(?<=[a-z]{2},)(?=[A-Z][a-z]*[.,\s])")  # the comma first: a fast literal scan


def _unglued(rest: str) -> str:
    """`rest` with a space after each comma glued to a capitalised word, as PDF extraction leaves them
    ('Q-ballsas dark matter,Phys.Lett.B 418,46'): the title then ends there as it would in the printed text."""
    return _GLUED_MARK.sub(", ", rest)


def parse_entry(raw: RawEntry, ref_id: str, source: str = "list", footnote: str = "") -> Reference:
    """Parse a raw entry into a Reference. Never raises; problems are recorded instead."""
    f = Fields()
    text = lift_identifiers(fold_typography(raw.text), f)
    if text[-1:] in _FOOTNOTE_MARKS:  # a CV's marks after an entry: '... 144-145. 2009. *†' (student co-author)
        head = text.rstrip(_FOOTNOTE_MARKS + " ")
        if text[len(head) : len(head) + 1] == " ":  # standing apart, not the star closing an italic title ('*Title*')
            text = head
    first = text[:1]
    if first.isdigit() or first in _LEADING_NUMBER_FIRST or "\ue000" <= first <= "\uf8ff":  # how _LEADING_NUMBER starts
        text = _LEADING_NUMBER.sub("", text, count=1)
    block, rest = take_year(text, f)
    if _NUMBERS_ONLY.match(rest) and LETTERS.search(block):
        # 'Title. Physical Review B 1997, 55, (8), R4921-R4924': the year sits inside the journal tail, whose
        # name ends the block; read the entry as if the year came last (names, title and journal, then numbers)
        block, rest = f"{block.rstrip()} {rest.lstrip(' ,')}", ""
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        # 'Ce\u0301line': a letter then a combining accent, which the name patterns do not read as a letter
        text, block, rest = (unicodedata.normalize("NFC", part) for part in (text, block, rest))
    names_only = vancouver_prefix(block)
    # fewer than 12 letters after the year (without listing them all): the year closes the entry
    year_last = not names_only and not _TWELVE_LETTERS.match(rest)
    # A role before the title inside the block needs the title there: the year closes the entry, or is missing
    by_role = not names_only and (year_last or f.year is None)
    names_by_role, after_role = names_before_role(block) if by_role else ("", "")
    natural = False  # names in natural order are likely ('Avrim Blum and Jo Lee. Title. Venue, 1990.')
    if names_by_role:  # 'Brown, Charles S., and Ted Toadvine, eds. Eco-Phenomenology. Albany: SUNY Press, 2003.'
        block, rest, natural = names_by_role, f"{after_role} {rest}", True
    elif f.year is None and not f.label and not names_only:
        # No year: the block is the text up to the first sentence's end, which may cut the names ('D. M.
        # Chiarulli, ...') or hold the title too ('Nickle, K.F., The Collection (London: SCM)'): read the
        # names from the whole entry, as when the year closes it
        opening = text[:3000]  # far more than any name list: huge inputs must not be read twice
        names_only = vancouver_prefix(opening)
        names = "" if names_only else names_prefix(opening)
        if names:
            block, rest, natural = names, text[len(names) :], True
        elif names_only:  # cut from the whole entry, which may run past the old block: split the entry there
            block, rest = names_only, text[len(names_only) :]
    if names_only:
        # 'Bae E, Calhoun V. Title. Journal 2012;157:250-261.': the names end at the first full stop.
        block, rest = names_only, f"{block[len(names_only) :]} {rest}"
    elif names_by_role:
        pass  # the role closed the names: block and rest are already split
    elif year_last if f.year is not None else not _TWELVE_LETTERS.match(rest):  # no year: `rest` may be new
        # The year closes the entry (IEEE, Elsevier, Chicago notes): the block holds names and the work.
        names, natural = _names_before_journal(block, rest)
        if not names and journal_alone(f"{block} {rest}"):
            block, rest = "", f"{block} {rest}"  # 'Nucl. Acid Res. 16: 1043-1061 (1988)': no names at all
        elif not names:
            names, natural = names_prefix(block), True
        pieces = None if names else names_before_title_piece(block)
        if pieces is not None:  # "Marc Lee, 'Title', Venue, Vol. 9 No. 5, 2001": the names are not the whole block
            names, natural = pieces
            block, rest = names, f"{block[len(names) :]} {rest}"
        elif names:
            block, rest = names, f"{block[len(names) :]} {rest}"
    else:
        names = _names_before_title(block, text[len(block) : len(block) + 1] == "(")
        if names:  # 'Ancona, D., and Zucca, E. An algebraic approach. In Proc. ALP 1990, pages 2-3': year inside
            title = block[len(names) :].strip()
            if title[-1:].isalnum() and ". " not in title:
                title += "."  # 'Breiman, L. Bagging predictors 1996 Machine Learning 24': the year ends the title
            block, rest, natural = names, f"{title} {punctuated_bare_imprint(rest)}", True
    block, role = strip_role(block)
    role = role or bool(names_by_role)
    # A role written after the year: 'Poirier, J. (2002). (Eds.). Histoire ...'
    leading_role = _LEADING_ROLE.match(rest)
    role_after = bool(leading_role and strip_role(leading_role.group(1))[1])
    if leading_role and role_after:
        rest = rest[leading_role.end() :]
    f.authors, et_al, name_problems = parse_authors(block, natural=natural)
    f.problems.extend(name_problems)
    if et_al:
        f.problems.append("'et al.' in a reference list: list the authors")
    if role or role_after:
        f.editors = f.authors
        f.type = "book"
    # What opens the title: a quoted or italic title ends where its marks do
    title_mark = rest.lstrip(" .,:;")[:1]
    delimited = title_mark in "*«“\"'‘"
    titleless = titleless_journal(rest)
    if titleless:
        title, after = "", rest.strip(" .,:;")
    else:
        if "," in rest:
            rest = _unglued(rest)
        title, after = split_title(rest)
        title, after = without_contributors(rest, title, after)
        if not delimited:
            title, after = comma_venue(title, after)
        title = take_descriptors(title, f)
        if ", " in title and after[:1].isupper() and "." in after[:9]:
            title, after = abbreviated_journal_start(title, after)
    if not title and after and not titleless:
        title, after = split_title(after)
    f.title = strip_italics(title).strip(" .,:")
    comma_cut = False
    if not after.strip(" .,;") and "Proc" in f.title:
        comma_cut = comma_proceedings(f)
    opening = after[:1]
    if ((opening == "[" or not after.strip(" .,;")) and ")" in f.title[-CITED_REACH:]) or opening == "(":
        # 'Minima Moralia, trans. E.F.N. Jephcott (London: NLB, 1974), p. 19.': the imprint, then what is cited
        whole = f"{f.title} {after}" if after else f.title
        if imprint_then_cited(f, whole):
            after, comma_cut = "", True
    if not after.strip(" .,;") and not comma_cut and ")" in f.title[-CITED_REACH:] and ":" in f.title:
        comma_cut = imprint_in_title_parens(f)
    if not after.strip(" .,;") and not comma_cut and numbers_close(f.title) and not f.title.startswith("*"):
        after = comma_journal(f)
        comma_cut = bool(after) or title_into_journal(f)
    elif not after.strip(" .,;") and not comma_cut and f.title.endswith(")") and ", " in f.title:
        after = comma_journal_before_note(f)
        comma_cut = bool(after)
    if not after.strip(" .,;") and not comma_cut and ("," in f.title or "; " in f.title):
        # 'B. Fenik, Studies in the Odyssey, Wiesbaden 1974.': the year closes the entry right after the title
        comma_imprint(f, year_closes_after(text, f))
    title_was_italic = rest.strip().startswith("*")
    if not after.strip(" .,;") and f.title.endswith(")"):
        # 'The Theory of Autonomy (Cambridge: Cambridge University Press)': the imprint in parentheses
        imprint = IMPRINT_PARENS.search(f.title)
        if imprint:
            f.title, f.publisher = f.title[: imprint.start()].strip(" .,"), imprint.group("name").strip()
        else:
            dated_imprint_in_parens(f)
    # a quoted title set off by a comma ('"Title," Venue', '"Title", Venue'): what follows is what it is part of
    quoted = False
    if after and title_mark in "«“\"'‘":  # the quote first: most titles have none
        whole = rest.rstrip(" .,:;")
        head = whole[: len(whole) - len(after)].rstrip() if whole.endswith(after) else ""
        # (not when it names the author: 'Le Monde. 2016. "Title," Le Monde.' publishes its own work)
        quoted = head.endswith(_COMMA_AND_QUOTE) and after not in block
    _parse_after_title(after, f, quoted=quoted)
    if f.type == "article-journal" and f.container and ", " in f.title[-_JOURNAL_IN_TITLE_REACH:]:
        journal_from_title(f)
    italic_journal = after.lstrip().startswith("*")  # 'Title. *Journal* 12': the italics end the title
    if f.type == "article-journal" and ", " in f.title and not italic_journal and not comma_cut:
        # 'Title, Class. Quantum Grav., 4, 893-898': the title stopped inside an abbreviated journal name
        head, _, last = f.title.rpartition(", ")
        if ABBREVIATED.match(last) or (_CAPITALISED_NAME.match(last) and ABBREVIATION_FIRST.match(after.lstrip())):
            # 'Title, Stochastic Process. Appl. 65', 'Title, Electrochem. Energ. Rev., Vol. 3'
            f.title, f.container = head, f"{last}. {f.container}"
    if (
        f.type == "article-journal"
        and f.title
        and ". " in f.container
        and not delimited
        and not italic_journal
        and not after.startswith(("In", "in"))
    ):
        # 'Title. Subtitle. Brain Research Reviews 12, 117-165': the title's last sentences went with the journal
        lead, journal = journal_sentences(f.container)
        if lead and not THESIS_WORDS.search(lead) and not REPORT_WORDS.search(lead) and "edit" not in lead:
            f.title = f"{f.title}{'' if f.title.endswith(('?', '!')) else '.'} {lead}"
            f.container = journal
            chapter = PLAIN_CHAPTER.match(journal)
            if chapter:  # 'Title. In Proceedings of X, pages 15-26'
                f.container, f.type = journal[chapter.end() :], "chapter"
    if not f.type:
        if THESIS_WORDS.search(after) and "[" in raw.text:
            f.type = "thesis"
        elif REPORT_WORDS.search(after):
            f.type = "report"
        elif f.publisher or title_was_italic:
            f.type = "book"
        elif f.url and not f.container:
            f.type = "webpage"
        else:
            f.type = "misc"
    if f.type == "book" and f.container and not f.publisher and title_was_italic:
        f.publisher, f.container = f.container, ""
    if not f.authors:
        f.problems.append("no authors")
    if not f.title and not (titleless and f.container):  # physics and astronomy styles give no titles
        f.problems.append("no title")
    if f.raw_doi and not is_valid_doi(f.doi):
        f.problems.append("invalid DOI")
    return Reference(
        id=ref_id,
        line=raw.line,
        end_line=raw.end_line,
        text=raw.original,
        authors=f.authors,
        year=f.year,
        year_suffix=f.suffix,
        year_label=f.label,
        title=f.title,
        container=f.container,
        editors=f.editors,
        volume=f.volume,
        issue=f.issue,
        pages=f.pages,
        publisher=f.publisher,
        doi=f.doi,
        raw_doi=f.raw_doi,
        url=f.url,
        identifiers=tuple(f.identifiers),
        type=f.type,
        group=raw.group,
        source=source,
        footnote=footnote,
        problems=tuple(f.problems),
    )
