"""Parse one reference entry into fields (authors, year, title, container, ...).

The parser reads the entry left to right the way a person does: identifiers and links
are lifted out first, then the year anchors the entry (authors before it, the work
after it), then italics and punctuation separate the title from the journal or book.
It never drops an entry: what it cannot make sense of is recorded in `problems`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from biblio_cli.markup import strip_italics
from biblio_cli.model import Person, Reference
from biblio_cli.names import (
    names_before_role,
    names_before_title_piece,
    names_prefix,
    parse_authors,
    parse_editor_phrase,
    strip_role,
    vancouver_prefix,
)
from biblio_cli.normalize import canonical_year_label, fold_typography, is_valid_doi, normalize_doi
from biblio_cli.sections import RawEntry

#: A DOI in running text. SICI DOIs hold '<...>': '10.1002/(SICI)1096-9861(19980907)398:4<515::AID-CNE4>3.0.CO;2-5'.
_DOI_IN_TEXT = re.compile(r"10\.\d{4,9}/(?:[^\s<>\"]|<[^\s<>\"]*>)+")
#: What may introduce a DOI, right before it: 'https://doi.org/', 'doi: ', 'DOI: https://dx.doi.org/'.
_DOI_LABEL_BEFORE = re.compile(
    r"(?:\bdoi:?\s*(?=https?://|doi\.org/))?"  # 'DOI: https://doi.org/...': the label goes with the link
    r"(?:https?://(?:dx\.)?doi\.org/|doi\.org/|\bdoi:\s*|\bDOI:?\s+)\Z",
    re.IGNORECASE,
)
#: How far before a DOI its label may start ('DOI: https://dx.doi.org/' and some spaces).
_DOI_LABEL_REACH = 64


def _find_doi(text: str) -> tuple[int, int, int] | None:
    """(start of the DOI with its label, start of the DOI, end) of the first DOI in `text`, or None.

    The DOI is searched first (a literal '10.' the regex engine finds fast), its label after, in the
    few characters before it: one pattern with the label optional in front tried the label at every
    position of every entry.
    """
    doi = _DOI_IN_TEXT.search(text)
    if doi is None:
        return None
    label = _DOI_LABEL_BEFORE.search(text, max(0, doi.start() - _DOI_LABEL_REACH), doi.start())
    return (label.start() if label else doi.start()), doi.start(), doi.end()


#: A publisher item id marked as such: 'S0168-9525(03)00073-8 [pii]', 'doi:S0304-3959(13)00330-8[pii];'.
_PII = re.compile(r"(?<![^\s;])(?:doi:\s*)?[^\s;]+\s*\[pii\];?", re.IGNORECASE)  # tried once per word
#: A DOI marker without a well-formed DOI: 'doi:S0907444910007493', 'doi: 10. 1101/gr.107854.110' (space inside).
_DOI_MARKER_WITHOUT_DOI = re.compile(
    r"(?:https?://(?:dx\.)?doi\.org/|\bdoi:\s*)(?!10\.\d{4,9}/)(10\.\s*\d{4,9}\s*/\s*\S+|\S+)", re.IGNORECASE
)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
_HAL = re.compile(
    r"\b((?:hal|halshs|tel|inria|cea|sic|dumas|ijn|hceres|insu|in2p3|pastel|inserm|hal-\w+)-\d{8})(?:v\d+)?\b"
)
_ISBN = re.compile(r"\bISBN(?:-1[03])?:?\s*((?:97[89][\s-]?)?\d[\d\s-]{8,15}[\dXx])\b")
_ARXIV = re.compile(r"\barXiv:\s*(\d{4}\.\d{4,5}(?:v\d+)?|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})", re.IGNORECASE)
_RETRIEVAL = re.compile(
    r"\s*(?:\[en ligne\]|\[online\]|récupéré (?:de|sur)|retrieved (?:on [^,]*, )?from|disponible (?:sur|à l'adresse)"
    r"|available (?:at|from)|consulté le [^.,]*|accessed [^.,]*)\s*[:.,]?",
    re.IGNORECASE,
)
_YEAR_IN_PARENS = re.compile(
    r"\(\s*(?:[A-Z][a-zé]{2,8}\.?\s+(?:\d{1,2},?\s+)?)?"  # '(December 1998)', '(May 3, 2001)'
    r"(?P<year>1[5-9]\d\d|20\d\d)(?P<suffix>[a-z]?)(?<!0s)(?:\s*[-/]\s*\d{2,4})?(?:\s*\[[^\]]{1,12}\])?(?:\s*,\s*[^)]{0,40})?\s*\)"
    r"|\(\s*(?P<label>n\.\s?d\.|s\.\s?d\.|sans date|o\.\s?j\.|in press|sous presse|forthcoming|à paraître|im druck)\s*\)",
    re.IGNORECASE,
)
_YEAR_BARE = re.compile(
    r"(?:(?<=[.,])|(?<=[.,]\s)|(?<=\s))"
    # '[1752] 1955.': the original year in brackets before the edition's; the first written is cited
    r"(?:\[(?=(?:1[5-9]\d\d|20\d\d)\]\s*(?:1[5-9]\d\d|20\d\d)[.,;:]))?"
    r"(?P<year>1[5-9]\d\d|20\d\d)(?P<suffix>[a-z]?)(?<!0s)"  # '1850s' is a decade, not a year
    # '2001[1953].' (a reprint and its original year), or the close of '[1752] 1955.'
    r"(?:\s*\[(?:1[5-9]\d\d|20\d\d)\]|\]\s*(?:1[5-9]\d\d|20\d\d))?(?=[.,;:]|\s*$)"
    # 'n.d.', 'N.d.', but not the capital initials in 'White, S. D. M.' or 'Booth, S.D.J.'
    r"|(?<=[.,]\s)(?P<label>(?-i:[ns]\.\s?[dD]|[NS]\.\s?d)\.|in press|sous presse|forthcoming)",
    re.IGNORECASE,
)
#: A citation number left before the first author: '33 ', '[5] ', '(36) ', '5. ' (never a four-digit year), one
#: glued to the name by a hyphen ('32-Sharma D, Jelacic J.'), a list's bullet ('- A.-C. Jucobin, (dir.).', '• Cornwall,
#: Mark.', or a symbol font's, in the private use area: '\uf02d P. Bourdieu'), or a stray stop and comma ('., Carla').
_LEADING_NUMBER = re.compile(
    r"^\s*(?:\[\d{1,4}\]\s*|\(\d{1,3}\)\s*|\d{1,3}\.?\s+|\d{1,3}-(?=[A-ZÀ-Þ][a-zà-ÿ])|[-–]\s+|[•▪\ue000-\uf8ff]\s*|\.,\s+)"
    r"(?=[^\W\d_]|\*)"
)
#: The characters _LEADING_NUMBER can start with, but digits and the private use area's: a cheap test first.
_LEADING_NUMBER_FIRST = frozenset("[( \t-–•▪.")
_SENTENCE_SPLIT = re.compile(r"(?<=[^\s.][^\s.A-Z])[.?!]\s+(?=[A-ZÀ-ÖØ-Þ])")
_ITALIC = re.compile(r"\*([^*]+)\*")
#: End of a title: '.', '?' or '!' followed by a space and something that starts a new part.
_TITLE_END = re.compile(
    r"(?<![\s.][A-Z])(?<!\b[Vv]ol)(?<!\bno)(?<!\bed)(?<!\bp)(?<!\bpp)([.?!])\s+"
    # a capital (Latin or Cyrillic), a quote or bracket, 'In', an ordinal ('12th International Conference'),
    # or an ABNT edition ('Título do livro. 2. ed. São Paulo: Atlas, 2005.')
    r"(?=[*«\"A-ZÀ-ÖØ-ÞА-ЯЁ(\[]|Dans\b|In\b|in\b|[a-z]{1,2}[A-Z]|\d{1,3}(?:st|nd|rd|th)\s|\d{1,2}\.\s?ed\.\s)"
)
_CHAPTER = re.compile(
    r"^(?:Dans|In|in|dans|en|En)\s*:?\s+(?P<editors>.*?\((?:dir\.?|eds?\.?|éds?\.?|hrsg\.?|coord\.?|sous la dir[^)]*)\))\s*,?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_CHAPTER_MARKER = re.compile(r"[.,]\s+(?:Dans|In|in)\s*:?\s")
_CHAPTER_NO_EDITORS = re.compile(r"^(?:Dans|In|in|dans)\s*:?\s+(?P<rest>\*.*)$")
_PAGES_PARENS = re.compile(
    # APA gives the volume of a multivolume book there too: '(Vol. 3, pp. 1017-1095)', '(Vol. 3, Part A, pp. 1-9)'
    r"\(\s*(?:(?i:vols?\.?|volume)\s*(?P<volume>\d+|[IVXLC]+)\s*,\s*(?:Part\s+\w+\s*,\s*)?)?"
    r"(?:(?:pp?\.|S\.)\s*(?=\d)|(?=\d+\s*[-–]\s*\d+\s*\)))(?P<pages>\d+\s*[-–]\s*\d+|\d+)\s*\)"
)
_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
)
#: A month or the season of a quarterly's issue: 'Radical History Review 76 (Winter): 136-168'.
_MONTH_OR_SEASON = rf"{_MONTH}|spring|summer|fall|autumn|winter"
#: A month (or two) before the pages: 'No 4, October, 1970, pages 589-602', 'No.2. 1 April 1989, pages 21-31'.
_MONTH_BEFORE_PAGES = rf"(?i:{_MONTH})\.?(?:\s*[-/–]\s*(?i:{_MONTH})\.?)?[\s,]*(?=(?i:pp?\.|pages))"
_JOURNAL_TAIL = re.compile(
    # the journal ends in a letter or a stop, but not one inside a number ('Impact Factor: 4.220'), or in a
    # year that is part of its name, before the volume and issue ('Periodontology 2000, 71(1), 164-184')
    # (at the end of a word: the lazy match then tries each word, not each letter, which halves its cost)
    r"^(?P<container>.*?(?:[^\d\s,.](?![^\W\d_])|[^\w\s,.](?=[A-Z]{1,2}-\d)|(?<!\d)\.|\.(?!\d)"
    r"|(?<=\s)(?:\d{4}(?=,\s*\d+\s*\()|\d{1,4}(?=,\s*(?i:vol)))))"  # 'MARXISM 21, Vol. 9'
    # (a cheap test of the container's end, since the lazy match tries every word: what follows it, spaces aside,
    # is the end, punctuation, a digit, a series letter or roman number, or one of the words the parts below
    # start with; but after a ')' or a digit, where pages may start with letters: 'Nature 12 ra66'. Any other
    # word fails the rest of the pattern too, so this test changes no match, only skips those tries early)
    rf"(?:(?<=[)\d])|(?=\s*(?:$|[,.:(\d]|[A-Z]{{1,2}}-|[IVXLC]+\b|S\.|(?i:{_MONTH}|vol|volume|t\.|tome|bd|band|v\.|nr"
    r"|n[°o.]|nos?\.|num\.|issue|heft|suppl|supplement|pp|p\.|pages|seiten))))"
    r"\s*,{0,2}\s*"
    # a month (its year was taken as the entry's): 'L'Aide-soignante, septembre 2004, n°59. p. 24-25'
    rf"(?:(?<=,\s)(?i:{_MONTH})\.?(?:\s+(?:1[5-9]|20)\d\d)?\s*,\s*(?=n|\d))?"
    r"(?:(?<![^\W\d_])(?P<label>(?i:vol\.?|volume|t\.|tome|bd\.?|band|v\.|nr\.?))\s*)?"
    # a number, a range, a series letter ('IEEE Trans. Comput. C-26(3)') or a roman number ('XII:757', 'Vol. XV')
    r"(?P<volume>(?:(?<![^\W\d_])[A-Z]{1,2}-)?\d+(?:\s*[-–/]\s*\d+)?|(?<![^\W\d_])[IVXLC]+(?=\s*:)"
    rf"|(?(label)[IVXLC]+\b|(?!))|(?<![^\W\d_])[IVXLC]+(?=\s*\((?i:{_MONTH_OR_SEASON})))?"  # 'XLI (July-August, 1963)', 'IX (Fall, 1967)'
    # MLA's volume.issue: 'Critical Inquiry 37.2 (2011): 315-347', 'ACS nano 5.1: 26-41'
    r"(?:(?<=\d)\.(?P<issue5>\d{1,3})(?=\s*[(:,]))?\s*"
    # 'Environmental Science and Technology, 43:17: 6691', 'Journal of Finance, 50: 2, pp.679- 698'
    r"(?:(?<=\d):\s*(?P<issue3>\d+(?:[-–]\d+)?)(?=\s*[:,]\s*(?:pp?\.\s*)?\d))?"
    # ACM's 'volume, issue (date), pages' whose year was taken: 'Operations Research 36, 3 (1988), 454-469',
    # Chicago's 'Economic Innovation and New Technology 13, 5 (2004): 399-415' (its year taken leaves a space before
    # the colon: 'Serie 3, 316: 1194-1199' is no issue), 'Acadiensis, 18, 2 (Spring 1989)'
    r"(?:(?<=\d),\s*(?P<issue6>\d{1,3}(?:/\d{1,3})?)"
    rf"(?=(?:\s*,|\s+:)\s*(?:pp?\.\s*|pages\s+)?\d+\s*[-–]|\s*\(\s*(?i:{_MONTH_OR_SEASON})))?"
    # bioRxiv exports: 'Genome research 21. 2., pp. 315-324'
    r"(?:(?<=\d)\.\s+(?P<issue4>\d+)\.?(?=\s*,\s*(?:pp?\.\s*)?[A-Z]?\d))?"
    # '(12)', '84, (12)', '40(c)', '18-19 (IX)'; never the pages or a date in parentheses ('(pp. 3-9)', '(May 1990)')
    rf"(?:,?\s*\((?!\s*p|\s*(?i:{_MONTH_OR_SEASON}))"
    r"\s*(?P<issue>(?=[^)]{0,19}\d)[^)]{1,20}|(?(volume)(?:[A-Za-z]|[IVXLC]+)|(?!)))\s*\))?"
    r"(?:\s*,?\s*(?i:\bn[°o]\.?\s*|\bnos?\.\s*|\bn\.\s*(?=\d)|\bnum\.\s*|\bissue\s+|\bheft\s+|\bnr\.\s*)(?P<issue2>\d[\w\-–/]*))?"
    r"(?:(?<=\))\s*(?i:suppl\.?|supplement)(?=\s*,))?"  # 'Bone, 23 (5) Suppl., S594'
    rf"(?:[,.]?\s*\(\s*(?i:{_MONTH_OR_SEASON})[^()]{{0,30}}\))?"  # a date: 'No. 6 (July / August 1992), pp. 388-395'
    # a word between the numbers and the pages: ', suppl,', a month ('No 4, October, 1970, pages 589-602', 'Vol.19,
    # No.2. 1 April 1989, pages 21-31')
    rf"\s*(?:,\s*(?:[a-zéû]+\s*|(?:\d{{1,2}}\s+)?{_MONTH_BEFORE_PAGES})?(?:,\s*)?|\.\s*\d{{1,2}}\s+{_MONTH_BEFORE_PAGES})?"
    # pages after ',' or ':', after ')' or the volume and a space ('Communications of the ACM 38 39-41'),
    # after the volume and a full stop ('Studies in African Linguistics 42. 101-132'), or labelled
    # right after the journal ('Southern Economic Journal pp. 191-204')
    r"(?:(?:[,:]|(?<=[)\d])(?=\s)|(?<=\d)\.(?=\s+(?:\d|pp?\.))|(?<=\s)(?=(?i:pp?\.\s*\d|pp\s?\d|pages\s|seiten\s)))"
    r"\s*(?:(?i:pp?\.\s*|pp\s?(?=\d)|pages\s+|seiten\s+)|S\.\s*)?"
    r"(?P<pages>(?:(?!pp|[A-Z][a-z]{2,3}\d{4}\b)[A-Za-z]{1,4})?\d+[A-Z]?(?:\s*[-–]{1,2}\s*[A-Za-z]{0,2}\d+[A-Z]?)?(?:\.e\d+)?)"  # article ids: 'ra66', 'eaat4422'
    r"(?:,\s*\d{1,4}\s*pp\.?)?"  # and the article's length (AMS): 'J. Math. Phys. 54 (2013), no. 6, 061504, 10 pp.'
    r"|[,.]\s*(?:Article|article|art\.|e)\s*(?:no\.\s*)?(?P<article>[\w.]+))?"
    r"\s*\.?\s*$"
)
_THESIS_WORDS = re.compile(
    r"\b(?:th[eè]se|thesis|dissertation|habilitation|hdr|doctora[lt]|mémoire|phd|master)\b", re.IGNORECASE
)
_REPORT_WORDS = re.compile(
    r"\b(?:rapport|report|working paper|document de travail|note de synthèse|white paper|technical report)\b",
    re.IGNORECASE,
)
#: What _descriptors() finds (kept as the reference for tests): a bracketed or parenthesised descriptor.
_DESCRIPTOR = re.compile(
    r"\s*\[(?P<bracket>[^\]]{3,200})\]|\s*\((?P<paren>(?:rapport[^)]*|report[^)]*|vols?\.[^)]*|\d+(?:e|th|nd|rd|st|ème)? (?:éd|ed)[^)]*|[^)]*thèse[^)]*|[^)]*thesis[^)]*))\)",
    re.IGNORECASE,
)

#: Patterns used in the functions below, compiled once (re's own cache costs a lookup per call).
_ISBN_JOINERS = re.compile(r"[\s-]")
_MULTISPACE = re.compile(r"\s{2,}")
_LEADING_ITALIC = re.compile(r"^\*(?P<t>[^*]+)\*(?P<r>.*)$")
_LEADING_ROLE = re.compile(r"^[\s.,]*(\([^)]{2,30}\))[\s.,]*")
_DESCRIPTOR_OPENING = re.compile(r"[\[(]")
_DESCRIPTOR_KIND = re.compile(r"rapport|report|vols?\.|\d+(?:e|th|nd|rd|st|ème)? (?:éd|ed)", re.IGNORECASE)
_DESCRIPTOR_WORD = re.compile(r"thèse|thesis", re.IGNORECASE)
_TWELVE_LETTERS = re.compile(r"(?:[\W\d_]*[^\W\d_]){12}")
_HAL_HINT = re.compile(r"-\d{8}")  # every HAL id has it; a search for it is far cheaper than _HAL's
#: Database numbers and an ISSN after the work: 'PubMed PMID:24022070; PubMed Central PMCID:PMC3916368', 'issn: 1549-5469'.
_INDEX_NUMBERS = re.compile(
    r"\s*\[?(?:PubMed\s*(?:Central\s*)?(?:\[journal\]\s*)?)?(?:PMID|PMCID|NIHMSID)\s*:?\s*(?:PMC|NIHMS)*\d+\b"
    r"(?:\s*[/;,]\s*(?:PubMed\s*(?:Central\s*)?)?(?:PMID|PMCID|NIHMSID)\s*:?\s*(?:PMC|NIHMS)*\d+\b)*\]?"
    r"|\s*\bissn\s*:?\s*\d{4}\s*[-–]?\s*\d{3}[\dXx]\b"
    # PubMed's online date: 'Epub 2012/05/18.', 'Epub 2012 Mar 3.', 'Epub ahead of print.'
    r"|\s*\bEpub\b(?:\s*ahead of print)?(?:\s*\d{4}\s*/\s*\d{1,2}\s*/\s*\d{1,2}|\s*\d{4}(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?)?\.?",
    re.IGNORECASE,
)


@dataclass
class _Fields:
    """Mutable scratch record filled stage by stage, frozen into a Reference at the end."""

    authors: tuple[Person, ...] = ()
    year: int | None = None
    suffix: str = ""
    label: str = ""
    title: str = ""
    container: str = ""
    editors: tuple[Person, ...] = ()
    volume: str = ""
    issue: str = ""
    pages: str = ""
    publisher: str = ""
    doi: str = ""
    raw_doi: str = ""
    url: str = ""
    identifiers: list[tuple[str, str]] = field(default_factory=list)
    type: str = ""
    problems: list[str] = field(default_factory=list)
    lone_range: bool = False  # the pages were a range alone after the journal, without label or volume


#: The only non-ASCII characters that re.IGNORECASE matches with an ASCII letter
#: (found by trying every code point against [a-z]): folded before the substring tests below.
_ASCII_CASE_TWINS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"})
_CASE_TWIN = re.compile("[İıſ\u212a]")
#: Words without which _RETRIEVAL, _INDEX_NUMBERS and _EDITORS_BEFORE cannot match (tests check it).
_RETRIEVAL_WORDS = (
    "[en ligne]",
    "[online]",
    "récupéré",
    "retrieved",
    "disponible",
    "available",
    "consulté",
    "accessed",
)
_INDEX_WORDS = ("pmid", "pmcid", "nihmsid", "issn", "epub")
_EDITOR_WORDS = ("ed", "éd", "dir", "hrsg")


def _folded(text: str) -> str:
    """Lowercase `text` as re.IGNORECASE sees ASCII letters, for the `_may_hold` tests."""
    if not text.isascii() and _CASE_TWIN.search(text):
        text = text.translate(_ASCII_CASE_TWINS)
    return text.lower()


def _may_hold(folded: str, *words: str) -> bool:
    """False only if no case-insensitive pattern needing one of the lowercase `words` can match.

    A cheap test run before the identifier patterns, which most entries do not hold: re.IGNORECASE
    matches an ASCII letter only with its other case or one of _ASCII_CASE_TWINS, so in the
    `_folded` text a missing word rules the pattern out (accented text included).
    """
    for word in words:  # noqa: SIM110 (a plain loop: twice as fast as any() over a generator; runs per entry)
        if word in folded:
            return True
    return False


def _lift_identifiers(text: str, f: _Fields) -> str:
    """Take DOIs, URLs, HAL ids, ISBNs and arXiv ids out of the text, recording them."""
    low = _folded(text)  # folded again after each removal, which may join new words
    found = _find_doi(text) if "10." in text else None  # every DOI starts with '10.'
    if found:
        start, doi_start, doi_end = found
        end = doi_end - 5 if text.endswith("[doi]", 0, doi_end) else doi_end  # PubMed's '10.1038/nrn2947[doi]'
        f.raw_doi = text[start:end]
        f.doi = normalize_doi(text[doi_start:end])
        text = text[:start] + text[doi_end:]
        if "[pii]" in text:  # PubMed's publisher item ids beside the DOI: 'doi: nrn2947 [pii]; 10.1038/...'
            text = _PII.sub("", text)
        low = _folded(text)
    else:
        bad = _DOI_MARKER_WITHOUT_DOI.search(text) if "doi" in low else None
        if bad:
            f.raw_doi = bad.group(0).rstrip(".,;")
            text = text[: bad.start()] + text[bad.end() :]
            low = _folded(text)
    has_arxiv = "arxiv:" in low
    if "-" in text and _HAL_HINT.search(text):
        _record(_HAL, "hal", text, f)
    if has_arxiv:
        _record(_ARXIV, "arxiv", text, f)
    if "ISBN" in text:
        _record(_ISBN, "isbn", text, f)
        text = _ISBN.sub("", text)
        low = _folded(text)
    if "http" in low or "www." in low:
        urls = [u.rstrip(".,;)>*") for u in _URL.findall(text)]
        if urls:
            f.url = urls[0]
            text = _URL.sub("", text)
            low = _folded(text)
    if "arxiv:" in low:
        text = _ARXIV.sub("", text)
        low = _folded(text)
    if _may_hold(low, *_RETRIEVAL_WORDS):
        text = _RETRIEVAL.sub(" ", text)
        low = _folded(text)
    if _may_hold(low, *_INDEX_WORDS):
        text = _INDEX_NUMBERS.sub("", text)
    if "()" in text or "[]" in text or "( " in text or "[ " in text or text.rstrip().endswith(("(", "[")):
        text = _EMPTY_BRACKETS.sub("", text).rstrip()
        if text.endswith(("(", "[")):
            text = text[:-1]
    return _MULTISPACE.sub(" ", text).strip(" ,;<>")


#: Brackets a lifted identifier left empty: 'Journal 57(73), 39-46 (doi:10.1017/...)', '[DOI: https://...]'.
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")


def _record(pattern: re.Pattern[str], kind: str, text: str, f: _Fields) -> None:
    """Record every identifier of one kind found in `text`, once each."""
    for found in pattern.finditer(text):
        value = _ISBN_JOINERS.sub("", found.group(1)) if kind == "isbn" else found.group(1)
        if (kind, value) not in f.identifiers:
            f.identifiers.append((kind, value))


#: How far into an entry the year may be: consortium papers list hundreds of authors before it.
_YEAR_REACH = 5000


#: A year with no punctuation after it, when no other will do: 'Kenyon, Thomas 1983 Nineteenth ...', '[1994].'
_YEAR_LOOSE = re.compile(
    # 'Leenaarts J2017 A&A': a year glued to the last initial
    r"(?:(?<=\s)|(?<=\s[A-Z]))\[?(?P<year>1[5-9]\d\d|20\d\d)(?P<suffix>[a-z]?)(?<!0s)"
    # or before a bare volume and page range: 'Title 2004 3315 841--850 Springer'
    r"(?:\]|(?=\s+[\[*\"“«'A-ZÀ-Þ(]|\s+\d{1,5}\s+\d{1,5}\s*[-–]{1,2}\s*\d))(?P<label>)"
)


#: A year glued to the word before it that closes the entry: 'Springer1998'.
_YEAR_GLUED_CLOSING = re.compile(r"(?<=[a-z])(?P<year>1[5-9]\d\d|20\d\d)(?P<suffix>)(?P<label>)\.?$")


def _find_year(text: str) -> re.Match[str] | None:
    """The year that separates authors from the work: parenthesised first, else bare, else loose."""
    m = _YEAR_IN_PARENS.search(text)
    if m and m.start() < _YEAR_REACH:
        return m
    bare = _YEAR_BARE.search(text)
    if bare and bare.start() < _YEAR_REACH:
        return bare
    loose = _YEAR_LOOSE.search(text, 0, _YEAR_REACH + 10)
    if loose is None and m is None and text[-1:] in "0123456789.":
        # 'Singularity Theory I, Springer1998': text extraction glued the closing year to the publisher
        return _YEAR_GLUED_CLOSING.search(text, max(0, len(text) - 8))
    return loose if loose and m is None else m


#: A year that closes the entry, after its imprint: 'New York: The Macmillan Company, 1967.'
_YEAR_CLOSING = re.compile(r"(?<=[\s,])(?P<year>1[5-9]\d\d|20\d\d)(?P<suffix>)(?P<label>)\.?\s*$")


def _closing_year(text: str, m: re.Match[str]) -> re.Match[str] | None:
    """The year closing `text` when the year `m` found first is a number in the title, or None:
    'Kahn, Herman and Anthony J. Wiener. The Year 2000. New York: The Macmillan Company, 1967.' (Chicago, MLA).

    The first year follows a word of the title, not the names' stop or comma ('Smith, J. 2000. Title'):
    the names, then a word, come before it.
    """
    start = m.start()
    if start < 2 or text[start - 1] not in " (" or not text[start - 2].isalpha() or m.end() + 12 > len(text):
        return None
    closing = _YEAR_CLOSING.search(text, len(text) - 7)
    if closing is None or closing.start() <= m.end():
        return None
    names = names_prefix(text[:start])
    return closing if names and _LETTERS.search(text, len(names), start) else None


def _take_year(text: str, f: _Fields) -> tuple[str, str]:
    """Split the entry at its year; returns (author block, rest)."""
    m = _find_year(text)
    if m is None:
        f.problems.append("no year")
        cut = _TITLE_END.search(text)
        if cut:
            return text[: cut.start()], text[cut.end() :]
        return "", text
    year, start = m.group("year"), m.start()
    if year and start >= 2 and text[start - 2].isalpha():  # a word, then the year: maybe a number in the title
        closing = _closing_year(text, m)
        if closing:
            m, year, start = closing, closing.group("year"), closing.start()
    if year:
        f.year = int(year)
        f.suffix = (m.group("suffix") or "").lower()
    else:
        f.label = canonical_year_label(m.group("label"))
    return text[:start], text[m.end() :]


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


def _take_descriptors(title: str, f: _Fields) -> str:
    """'[Thèse de doctorat, Université X]', '(rapport)', '(Vols. 1-3)' describe the work, not its title."""
    found = _descriptors(title)
    for _, _, described in found:
        if _THESIS_WORDS.search(described):
            f.type = "thesis"
            if "," in described:
                f.publisher = described.rsplit(",", 1)[1].strip()
        elif _REPORT_WORDS.search(described):
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


def _split_title(rest: str) -> tuple[str, str]:
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
    if star > 0 and not _CHAPTER_MARKER.search(rest[:star]):
        return rest[:star].strip(" .,:"), rest[star:]
    m = _TITLE_END.search(rest)
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
    if city > 0 and rest[city:colon] in _PUBLISHING_CITIES and rest[city - 2 : city - 1].isalpha():
        return city
    return -1


def _title_then_run_on_imprint(rest: str) -> tuple[str, str]:
    """Title and what follows it when no stop ends the title: a thesis's kind and institution run on after it
    ('Banking in Texas PhD thesis University of North Texas.'), or an imprint glued to it by text extraction
    ('Zeta Regularization withApplications.World Scientific,Singapore', 'for spatialdata.CRC Press');
    (`rest`, '') otherwise."""
    if "hesis" in rest or "issertation" in rest:
        thesis = _THESIS_RUN_ON.search(rest)
        if thesis and _UNIVERSITY.search(rest, thesis.end()):
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
    if _IMPRINT_WORD.search(name) or (place and _place_alone(place.strip())):
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
    return m if closing < 0 else _TITLE_END.search(rest, closing)


#: A parenthesised note closing an entry: '(in German)', '(in Korean with English abstract)'.
_TRAILING_NOTE = re.compile(r"[.,]?\s*\((?:[^()\d]{2,60})\)$")
_DASHES = re.compile(r"[-–]+")
#: A date closing a journal tail whose year was taken: ', December', ', Jul. 1977', ', April-June', ' Sept. 26-28'.
_TRAILING_DATE = re.compile(
    rf"(?:(?<=\d)|[,.;])\s*\(?(?:\d{{1,2}}\s+)?(?:{_MONTH})\.?(?:\s*[-–/]\s*(?:{_MONTH})\.?)?"
    r"(?:\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?)?,?\s*(?:(?:1[5-9]|20)\d\d)?\)?$",
    re.IGNORECASE,
)


def _page_range(pages: str) -> str:
    """'175 – 204' -> '175-204': one plain hyphen, no spaces, however the list wrote the range."""
    pages = pages.replace(" ", "")
    return _DASHES.sub("-", pages) if "–" in pages or "--" in pages else pages  # most already are


#: The longest text read as a journal tail (journal name, numbers, and a title around it for _comma_journal):
#: real ones are a few hundred characters; a longer text is no tail, and matching it would only cost time.
_TAIL_MAX = 2000


def _tail_match(plain: str) -> re.Match[str] | None:
    if len(plain) > _TAIL_MAX:
        return None
    m = _JOURNAL_TAIL.match(plain)
    if m and (m.group("volume") or m.group("issue") or m.group("issue2") or m.group("pages") or m.group("article")):
        return m
    return None


#: Where a note may follow a complete journal tail: after a number, a full stop and a space, or an opening bracket.
_AFTER_TAIL = re.compile(r"(?<=\d)(?:[A-Z]?\.\s+|\s*[(\[;])")


#: A range of numbers ('3-9', '1993-1994'), not a series letter before a volume ('C-26').
_RANGE = re.compile(r"\d\s*[-–/]")
#: Pages closing a sentence inside what was read as a journal's name: '...40(2): 500-3. IF'.
_TAIL_INSIDE = re.compile(r"\d\s*[-–]\s*\d+[.;]\s")
#: How long a journal tail followed by a note may be (journal, volume, issue and pages).
_TAIL_REACH = 300


def _tail_before_note(plain: str) -> re.Match[str] | None:
    """The journal tail that opens `plain`, before a note: 'Artificial Intelligence, 2, 189-208. Also in ...',
    'Australian Journal of Family Law, 23, 194. Retrieved January 22, 2010, from LexisNexis AU',
    'Palliative medicine, 29(8), 703-710. JCR two-year Impact Factor: 4.220'. It needs a volume and pages."""
    for cut in _AFTER_TAIL.finditer(plain, 0, _TAIL_REACH):
        m = _tail_match(plain[: cut.start() + 1].rstrip(" .,"))
        if m and m.group("volume") and m.group("pages") and not _RANGE.search(m.group("volume")):
            # not a paper in proceedings with its publisher after ('Title. In Symposium X, volume 30, pages 153-167. ACM')
            return None if _CHAPTER_MARKER.search(m.group("container")) else m
    return None


#: Countries written after a journal's name, with or without its city ('La Houille Blanche, Paris, France').
_COUNTRIES = frozenset(
    [
        "USA",
        "U.S.A.",
        "UK",
        "U.K.",
        "England",
        "France",
        "Germany",
        "Japan",
        "Korea",
        "China",
        "Italy",
        "Spain",
        "Belgium",
        "Switzerland",
        "Canada",
        "Australia",
        "India",
        "Brazil",
        "Mexico",
        "Monaco",
        "Netherlands",
        "Sweden",
        "Russia",
    ]
)


def _without_society_or_place(container: str) -> str:
    """The journal or venue without its society or place after a comma: 'J. Struct. Eng., ASCE' -> 'J. Struct.
    Eng.', 'Bulletin du Museum National d'Histoire Naturelle, Paris', 'Proceedings of the National Academy of
    Sciences, USA', '14th World Conference on Earthquake Engineering, Beijing, China', 'X Conference, San Diego, CA'."""
    if container.endswith((")", ").")) and "(" in container:
        container = _PLACE_IN_PARENS.sub("", container)  # '(Atlanta, GA, Mar. 22-27)'
    if ", " not in container:
        return container
    parts = container.split(", ")
    last = parts[-1].rstrip(".")
    if last in _COUNTRIES or _STATE.fullmatch(last):
        drop = 2 if len(parts) > 2 and _PLACE_NAME.fullmatch(parts[-2]) else 1  # the city before the country
    elif (
        last in _PUBLISHING_CITIES
        or (_SOCIETY.fullmatch(last) and last not in {"IEEE", "ACM"})
        or (last[-3:] in {"ity", "ute"} and _INSTITUTION.fullmatch(last))  # 'Rep. Fac. Sci. Eng., Saga University'
    ):
        drop = 1  # not 'Signal Processing Magazine, IEEE', where the society is part of the name
    else:
        return container  # 'Journal of Money, Credit and Banking'
    head = ", ".join(parts[:-drop])
    return container if len(head.split()) < 2 else head.rstrip(" ,")


#: A university or an institute that publishes the journal: 'Saga University', 'Gyeonggi Research Institute'.
_INSTITUTION = re.compile(r"(?:[A-Z][\w'’\-]*\s+){1,3}(?:University|Institute)")
#: A society after a journal's name ('ASCE', 'AMS', 'KICEM'); a state ('CA', 'N.J.').
_SOCIETY = re.compile(r"[A-Z]{3,6}")
_STATE = re.compile(r"[A-Z]{2}|[A-Z]\.\s?[A-Z]")
#: A city: one to three capitalised words ('San Diego', 'Salt Lake City').
_PLACE_NAME = re.compile(r"[A-ZÀ-Þ][\w.'’\-]*(?:\s+[A-ZÀ-Þ][\w.'’\-]*){0,2}")
#: Where and when a conference met, in parentheses at the end of its name: '(Atlanta, GA, Mar. 22-27)'.
_PLACE_IN_PARENS = re.compile(rf"\s*\((?=[^()]*(?:,\s*[A-Z]{{2}}\b|\b(?:{_MONTH})\.?\s+\d))[^()]*\)\.?$", re.IGNORECASE)


#: A year between a journal's name and its volume, with no comma (Vancouver): 'Military Medicine. 2013 178(3) 246-253',
#: 'Prehosp Disaster Med. 2007;22(1): 86-88' ('Periodontology 2000, 71(1)' keeps its year: a comma follows it).
_YEAR_BEFORE_VOLUME = re.compile(r"(?<=[^\W\d_]|\.)\s+((?:1[5-9]|20)\d\d)\s*;?\s*(?=\d{1,4}[A-Z]?\s*[(:])")
#: Vancouver's date before the volume, its year taken (leaving its spaces) or not: 'Oncogene. 2010 Mar 18;29(11)',
#: 'Diabetes Care. 2010 Oct;33(10)', 'Nurs Stand. 2009 Jul-Aug;23(2)' (but a journal's 'Sci Mar 2000; 64' keeps its name)
_DATE_BEFORE_VOLUME = re.compile(
    rf"(?<=[^\W\d_]|\.)(?:\s+(?:1[5-9]|20)\d\d\s+|\s\s+)(?i:{_MONTH_OR_SEASON})\.?(?:[-–/](?i:{_MONTH})\.?)?"
    r"(?:\s+\d{1,2}(?:[-–]\d{1,2})?)?\s*;\s*(?=\d{1,4}[A-Z]?\s*[(:])"
)
#: Cairn's 'year/issue' before the volume: 'Ethnologie française, 2004/1 Vol. 34, p. 5-12', 'Revue, 2010/2 (Vol. 60)'.
_YEAR_SLASH_ISSUE = re.compile(r"(?<=,\s)((?:1[5-9]|20)\d\d)/(\d{1,3})\s+\(?((?i:vol\.?|volume)\s*\d+)\)?")
#: A supplement in the issue's parentheses that the tail pattern cannot read as an issue: '76(3 Suppl)', '47 (suppl)',
#: '1 (suppl D)' ('29(suppl 3)' it reads: the issue is 'suppl 3').
_SUPPLEMENT_IN_PARENS = re.compile(
    r"\(\s*(?:(?i:suppl\.?|supplement)\s*[A-Za-z]{0,4}|(?P<before>\d{1,4})\s+(?i:suppl\.?))\s*\)"
)
#: A supplement after the volume, before the pages: '24 Suppl 6:vi51-6', '29 suppl:308-24', '14: Suppl 2:99-106'.
_SUPPLEMENT_AFTER_VOLUME = re.compile(r"(?<=\d)[\s:;,]+(?i:suppl\.?|supplement)(?:\s*(?P<n>\d{1,4}))?(?=\s*:)")
#: A supplement closing the journal's name: 'J Hypertens Suppl', 'BICS suppl.'.
_SUPPLEMENT_AT_END = re.compile(r"\s+(?i:suppl)\.?$")


#: A full stop between an issue's parentheses and the closing page range.
_STOP_AFTER_ISSUE = re.compile(r"(?<=\d\))\.(?=\s+\d+\s*[-–]{1,2}\s*\d+$)")
_DAY_MONTH_END = re.compile(rf"(?<![\s,])[\s,]+\d{{1,2}}\s+(?i:{_MONTH})$")


#: What a date in parentheses leaves once its year is taken: '16, 1, (May 1988), 104-113' -> '16, 1,  , 104-113'.
_EMPTIED_DATE = re.compile(r"(?<![\s,])[\s,]*\s\s,")
#: A month in numbers closing the tail after its pages, its year taken: 'pp. 1833-1841, 10 2018' -> 'pp. 1833-1841, 10'.
_NUMERIC_MONTH_AFTER_PAGES = re.compile(r"(?<=\d)(\s*[-–]\s*\d+)\s*,\s*(?:0?[1-9]|1[0-2])$")


def _supplement_as_issue(plain: str) -> str:
    """The supplement written as the issue, as the tail pattern reads it: '76(3 Suppl):S145' -> '76(3):S145',
    '24 Suppl 6:vi51' -> '24(Suppl 6):vi51', '47 (suppl): A99' -> '47 : A99'."""

    plain = _SUPPLEMENT_IN_PARENS.sub(lambda m: f"({m.group('before')})" if m.group("before") else "", plain)
    return _SUPPLEMENT_AFTER_VOLUME.sub(lambda m: f"(Suppl {m.group('n')})" if m.group("n") else "", plain)


#: A special issue named after the journal, before its numbers or as a note after them: 'IEEE Transactions on X,
#: Special Issue on Y, 21(6), 1462-1477', 'IEEE Transactions on X, 985-987. Special Issue on Y'.
_SPECIAL_ISSUE = re.compile(r"[.,]\s+[Ss]pecial [Ii]ssue\b")
#: A series number between a journal's name and its volume: 'Bulletin X, ser.2, 1(3):120-132', 'Bulletin X Ser. 2, 1:
#: 686-687', 'Bulletin X, Serie 2 6: 18-22' (the series stays in the name, as the journal's own title has it).
_SERIES_BEFORE_VOLUME = re.compile(r"(?<=[^\W\d_])[,.]?\s+(?:[Ss]er\.|[Ss]erie|[Ss]eries)\s*\d{1,2}(?=[,.]?\s+\d)")
#: 'No pages' closing an online journal's tail: 'Gestalt!, 4(2), NP'.
_NO_PAGES = re.compile(r",\s*NP$")
#: A language note closing a journal's name: 'Combust. Science and Technology (in Japanese), Vol. 4'.
_LANGUAGE_NOTE = re.compile(r"\s*\((?:in|In) [A-Z][a-z]+\)$")
#: An article number after the page range: 'Cell Stem Cell 27: 50-63 e55'; a list of pages: '76(1), pp. 1,3'.
_ARTICLE_AFTER_RANGE = re.compile(r"(?<=\d)\s+e\d{1,6}$")
_PAGES_LIST = re.compile(r"(?<=pp\.)(\s*\d+)(?:,\d+)+$")


def _series_tail(plain: str) -> tuple[str, re.Match[str] | None]:
    """The journal's name with its series ('Bulletin X, ser.2') and the tail after it, read with a stand-in name."""
    series = _SERIES_BEFORE_VOLUME.search(plain)
    if series is None:
        return "", None
    return plain[: series.end()], _tail_match("J " + plain[series.end() :].lstrip(" ,."))


#: What parts a journal's name from its publisher and the publisher's places: 'Appl Soil Ecol. Elsevier B.V.',
#: 'Computer Communication Review, ACM, New York, USA', 'Journal of X,. X University' (a run counts once).
_JOURNAL_PUBLISHER_SEPARATOR = re.compile(r"(?<![.,;])[.,;]+\s+")
#: How far from the end of a journal's name its publisher and places are looked for, and in how many parts.
_JOURNAL_PUBLISHER_REACH = 200
_JOURNAL_PUBLISHER_PARTS = 6
_JOURNAL_PUBLISHER_WORDS = 8
#: Vancouver's date and citation note after the publisher of an online journal, its year taken:
#: 'Knee Surg [Internet]. Springer Verlag; 2017 Feb 1 [cited 2020 Sep 10]'.
_CITED_NOTE = re.compile(r";[^;\[\]]{0,30}\[cited[^\[\]]{0,40}\]$")
_INTERNET_MARK = " [Internet]"


def _name_words(part: str) -> bool:
    """Whether every word of `part` is capitalised or joins two that are: 'Pusan National University of Education'."""
    return all(
        word[:1].isupper() or word in _NAME_CONNECTORS or word in _NAME_CONNECTORS_SHORT for word in part.split()
    )


def _strong_publisher(part: str) -> bool:
    """A company's name by its last word: 'Elsevier B.V', 'Springer Verlag', 'MCB University Press'."""
    return part.rsplit(" ", 1)[-1].replace(".", "") in _CORPORATE_SUFFIXES or _IMPRINT_WORD.search(part) is not None


def _publisher_of_journal(part: str, places: int, separator: str, after_sentence: bool) -> bool:
    """Whether `part`, closing a journal's name, names who publishes it: a company ('Elsevier B.V', 'Elsevier Science
    Publishers BV'), an acronym after a comma and before its place ('X, ACM, New York'), a society, university or institute after a full
    stop or before its place ('Journal of X. Korean Nuclear Society'); not a part of the name ('Proc. IEEE', 'Theory,
    Culture and Society', 'Signal Processing Magazine, IEEE', 'Akad. Wiss. DDR. Berlin', 'Special Publications')."""
    words = part.split()
    if not (0 < len(words) <= _JOURNAL_PUBLISHER_WORDS and part[:1].isupper()) or not _name_words(part):
        return False
    if _FIRST_DIGIT.search(part) or "(" in part or _JOURNAL_WORD.search(part) or _MEETING.search(part):
        return False
    if _SOCIETY.fullmatch(part):
        return places > 0 and "," in separator
    if _strong_publisher(part):
        return True
    return (places > 0 or after_sentence) and _PUBLISHER_HINT.search(part) is not None


def _journal_place(part: str, places: int) -> bool:
    """A place after a journal's publisher: a country, a state, a publishing city, or a city before a country."""
    return (
        part in _COUNTRIES
        or part in _PUBLISHING_CITIES
        or _STATE.fullmatch(part) is not None
        or (places > 0 and _PLACE_NAME.fullmatch(part) is not None)
    )


def _journal_and_publisher(container: str) -> tuple[str, str]:
    """The journal's name and the publisher written after it (with its places, which are dropped):
    'Appl Soil Ecol. Elsevier B.V' -> ('Appl Soil Ecol', 'Elsevier B.V'), 'Computer Communication Review, ACM, New
    York, USA' -> ('Computer Communication Review', 'ACM'), 'Engineering Journal, American Institute of Steel
    Construction, Inc.'. ('', '') when no publisher closes it (a publisher alone, 'Title', MCB University Press, Vol.
    9, is left as the journal: journals are named like publishers, 'Blood Press', 'Angewandte Chemie International
    Edition')."""
    if container.endswith("]") and "[cited" in container:
        note = _CITED_NOTE.search(container)
        container = container[: note.start()] if note else container
    last = container[max(container.rfind(", "), container.rfind(". ")) + 2 :].strip(" .,;")
    if not (last[:1].isupper() and (_journal_place(last, 0) or _publisher_word_in(last))):
        return "", ""  # (most journals: their last part is neither a place nor a publisher's name)
    start = max(0, len(container) - _JOURNAL_PUBLISHER_REACH)
    cuts = list(_JOURNAL_PUBLISHER_SEPARATOR.finditer(container, start))[-_JOURNAL_PUBLISHER_PARTS:]
    places = 0
    end = len(container)
    for k in range(len(cuts) - 1, -1, -1):
        part = container[cuts[k].end() : end].strip(" .,;")
        if _is_corporate_suffix(part) and k > 0 and "," in cuts[k].group():
            continue  # 'American Institute of Steel Construction, Inc.': the suffix goes with the name before it
        journal = container[: cuts[k].start()].strip(" ,;")
        # a sentence's stop, not an abbreviation's: 'Journal of X. Korean Nuclear Society', not 'Proc. Royal Society'
        abbreviated = _abbreviation_before(journal, len(journal))
        if _publisher_of_journal(part, places, cuts[k].group(), "." in cuts[k].group() and not abbreviated):
            if _FIRST_DIGIT.search(journal[-20:]) or _REPORT_WORDS.search(container) or _THESIS_WORDS.search(container):
                return "", ""  # numbers the tail did not read ('vol. 1. IEEE'), a report's or thesis's institution
            if not _LETTERS.search(journal):
                return "", ""
            if abbreviated and cuts[k].group()[0] == "." and ". " in journal:
                journal += "."  # the abbreviation's stop: 'Rep. Fac. Sci. Eng., Saga University'
            if journal.endswith(_INTERNET_MARK):
                journal = journal[: -len(_INTERNET_MARK)]
            return journal, part
        if not _journal_place(part, places):
            return "", ""
        places += 1
        end = cuts[k].start()
    return "", ""


def _publisher_word_in(part: str) -> bool:
    """A cheap first test of a publisher's name: a company suffix, an acronym, or a word that names a publisher."""
    return _strong_publisher(part) or part.isupper() or _PUBLISHER_HINT.search(part) is not None


#: An issue written with its label inside the parentheses: 'No. 3', 'no 7', 'serial no. 220', 'Nr. 4', 'n° 12'.
_LABELLED_ISSUE = re.compile(r"(?:serial\s+)?(?:no|nr|num|n°)\.?\s*(\d+(?:\s*[-–/]\s*\d+)?)", re.IGNORECASE)


#: A word that only a company's name ends with ('Inc', 'et Cie', 'Verlag', 'Publishing Company', 'University Press'),
#: unlike a journal's 'Press' or 'Edition' ('Blood Press', 'Angewandte Chemie International Edition').
_COMPANY_WORD = re.compile(
    r"\b(?:Inc|Ltd|Co|Corp|Cie|Sons|GmbH|LLC|Verlag\w*|Publishers|Publishing(?: Company)?|University Press)\b\.?(?=,|$)"
)
#: The longest journal name read as a publisher and its places.
_IMPRINT_AS_JOURNAL_MAX = 120
#: A volume label left after a publisher by the journal reader: 'John Wiley and Sons, Vols. 1-9'.
_VOLUME_LABEL = frozenset(["Vol", "Vols", "Vol.", "Vols."])


def _imprint_as_journal(container: str) -> str:
    """The publisher when what the journal reader took for a journal is a company's name and its places: 'MacMillan,
    Inc., Greenwich, Conn', 'Gustav Fischer Verlag, Jena', 'Masson et Cie'; '' for a journal ('Blood Press', 'Journal
    of X Publishing, London')."""
    parts = _join_corporate_suffixes([part.strip() for part in container.split(", ")], ", ")
    if parts[-1] in _VOLUME_LABEL and len(parts) > 1:
        parts.pop()
    name = parts[0]
    if (
        not (_COMPANY_WORD.search(name) and _name_words(name.replace(" et ", " & ")))
        or _JOURNAL_WORD.search(name)
        or _MEETING.search(name)
    ):
        return ""
    if not all(_journal_place(part, 1) or _place_alone(part) for part in parts[1:]):
        return ""
    return publisher_name(name)


#: How far from the end of a title a journal cut off with it is looked for.
_JOURNAL_IN_TITLE_REACH = 120
#: A journal's name with its volume and issue: 'Journal of Korea Planning Association 44(7)'.
_JOURNAL_VOLUME_ISSUE = re.compile(r"(?P<journal>[A-Z][^()\d]{2,100}?)\s+(?P<volume>\d{1,4})\s*\((?P<issue>\d{1,4})\)")


def _journal_from_title(f: _Fields) -> None:
    """A journal that the title's split kept, its publisher then read as the journal: 'Title, J. of atmos. and ocean.,
    AMS 16, 1017-1024' (an abbreviated name, then the society's acronym), 'Title, Journal of X Association 44(7), X
    Association, 97-108' (the journal's volume and issue, then its publisher and the pages)."""
    head, _, last = f.title.rpartition(", ")
    if not (head and last[:1].isupper() and len(last.split()) <= _JOURNAL_PUBLISHER_WORDS):
        return
    if ". " in last and _SOCIETY.fullmatch(f.container) and f.container not in _COUNTRIES and not f.publisher:
        f.title, f.container, f.publisher = head, f"{last}.", f.container
        return
    numbers = _JOURNAL_VOLUME_ISSUE.fullmatch(last) if last.endswith(")") else None
    if (
        numbers
        and f.pages
        and not (f.volume or f.issue or f.publisher)
        and _JOURNAL_WORD.search(numbers.group("journal"))
        and _name_words(f.container)
        and _PUBLISHER_HINT.search(f.container)
    ):
        f.publisher = f.container
        f.title, f.container, f.volume, f.issue = head, *numbers.group("journal", "volume", "issue")


def _parse_journal_tail(segment: str, f: _Fields, notes: bool = False) -> bool:
    """'*Revue X*, 13(1), 119-136' -> container, volume, issue, pages. False if it does not fit.

    With `notes`, a complete tail (volume and pages) may be followed by a note, which is dropped.
    """
    italic = _ITALIC.search(segment)
    plain = strip_italics(segment).strip(" .,")
    if "uppl" in plain:
        plain = _supplement_as_issue(plain)
    if "). " in plain:
        plain = _STOP_AFTER_ISSUE.sub(",", plain)  # 'Литературна мисъл, 20 (4). 148 - 151'
    if "  ," in plain:
        plain = _EMPTIED_DATE.sub(",", plain)
    if ", " in plain[-4:] and plain[-1:].isdigit():
        plain = _NUMERIC_MONTH_AFTER_PAGES.sub(r"\1", plain)
    if "\u201a" in plain:  # a low quote written as a comma: 'Atmospheric Chemistry and Physics\u201a 10(15)'
        plain = plain.replace("\u201a", ",")
    # (searched for only where it can be: the entry's year is still there, or a year follows a stop)
    maybe_year = f.year is None or str(f.year) in plain or ". 19" in plain or ". 20" in plain
    year = _YEAR_BEFORE_VOLUME.search(plain) if maybe_year else None
    # another year than the entry's only after a journal's stop: 'Periodontol 2000 2003;33:36-53' keeps its 2000
    if year and (f.year is None or f.year == int(year.group(1)) or plain[year.start() - 1] == "."):
        plain = plain[: year.start()] + " " + plain[year.end() :]
    elif ";" in plain:
        plain = _DATE_BEFORE_VOLUME.sub(" ", plain)
    cairn = _YEAR_SLASH_ISSUE.search(plain) if "/" in plain else None
    if cairn:
        plain = f"{plain[: cairn.start()]}{cairn.group(3)} ({cairn.group(2)}){plain[cairn.end() :]}"
    if "NP" in plain[-2:]:
        plain = _NO_PAGES.sub("", plain)
    elif " e" in plain[-8:]:
        plain = _ARTICLE_AFTER_RANGE.sub("", plain)
    elif "pp." in plain[-16:]:
        plain = _PAGES_LIST.sub(r"\1", plain)
    if "pecial" in plain:
        special = _SPECIAL_ISSUE.search(plain)
        if special and plain[special.start() - 1].isdigit():
            plain = plain[: special.start()]  # the special issue is a note after the pages
    series_name, m = _series_tail(plain) if "ser" in plain or "Ser" in plain else ("", None)
    if m is None:
        series_name, m = "", _tail_match(plain)
    if m and notes and _TAIL_INSIDE.search(m.group("container")):
        # 'European Respiratory Journal. 2012 ;40(2): 500-3. IF: 5,895': a whole tail, then a note with numbers
        m = _tail_before_note(plain) or m
    if m is None and plain.endswith(")"):
        # A note after the pages: 'Journal 11: 348-363. (in German)'
        note = _TRAILING_NOTE.search(plain)
        if note:
            m = _tail_match(plain[: note.start()].strip(" .,"))
    if m is None and (plain[-1:].isalpha() or plain.endswith(")")):
        # A month or a season after the pages: 'Journal, 10(12) 1952-1962, December', 'vol. 7, no. 3, pp. 305-317,
        # Jul.', 'Electronic Networking: Research, Applications and Policy, 2(1) 52-58, Spring 1992'
        date = _TRAILING_DATE.search(plain) or _SEASON.search(plain)
        if date:
            m = _tail_match(plain[: date.start()].strip(" .,"))
    if m is None and notes:
        m = _tail_before_note(plain)
    if m is None:
        return False
    container = series_name.strip(" ,.;:") if series_name else m.group("container").strip(" ,.;:")
    if "pecial" in container:
        special = _SPECIAL_ISSUE.search(container)
        if special and " " in container[: special.start()].strip():  # not 'Computer, Special Issue on X
            container = container[: special.start()]  # 'IEEE Transactions on X, Special Issue on Y'
    if container.endswith(")") and "(in " in container.lower():
        container = _LANGUAGE_NOTE.sub("", container)
    if (
        container[-3:-1] == ", "
        and container[-1].isupper()
        and plain[m.start("volume") - 1 : m.start("volume")].isupper()
    ):
        container = container[
            :-3
        ]  # 'Proceedings of the Royal Society of London, B200': the series letter of the volume
    if len(m.group("volume") or "") == 4 and container[-1:].isalpha() and _DAY_MONTH_END.search(container):
        return False  # 'The Guardian, 2 September 2015': a newspaper's date, not a volume
    if "uppl" in container[-7:]:
        container = _SUPPLEMENT_AT_END.sub("", container)
    volume = (m.group("volume") or "").replace(" ", "")
    if container.endswith("-") and volume.isdigit() and plain[m.start("volume") - 1] == "-":
        container, volume = container + volume, ""  # 'Proceedings of IJCAI-95, 1088-1094': the venue's year

    if year and f.year is None:
        f.year = int(year.group(1))
    elif cairn and f.year is None:
        f.year = int(cairn.group(1))
    if italic and strip_italics(italic.group(1)).strip(" ,.") and len(container) > len(italic.group(1)) + 3:
        return False  # more than an italic journal name: a publisher sentence with numbers
    if (
        not f.publisher
        and (", " in container or ". " in container)
        and (volume or m.group("issue") or m.group("issue2"))
    ):
        journal, publisher = _journal_and_publisher(container)
        if journal:
            container, f.publisher = journal, publisher
    if not f.publisher and len(container) <= _IMPRINT_AS_JOURNAL_MAX and _COMPANY_WORD.search(container):
        publisher = _imprint_as_journal(container)
        if publisher:  # 'Title, MacMillan, Inc., Greenwich, Conn., 192, 129-140': a book's imprint, no journal
            container, f.publisher, f.type = "", publisher, f.type or "book"
    f.container = _without_society_or_place(container)
    if len(f.container) < len(container) and not f.publisher:
        dropped = container[len(f.container) :].strip(" ,.")
        if (_SOCIETY.fullmatch(dropped) and dropped not in _COUNTRIES) or _INSTITUTION.fullmatch(dropped):
            f.publisher = dropped  # 'J. Struct. Eng., ASCE': the society publishes the journal
    f.volume = volume
    issue5, issue1, issue2, issue3, issue4, issue6 = m.group("issue5", "issue", "issue2", "issue3", "issue4", "issue6")
    f.issue = (issue5 or issue1 or issue2 or issue3 or issue4 or issue6 or "").strip()
    if f.issue[:1].isalpha():
        labelled = _LABELLED_ISSUE.fullmatch(f.issue)
        if labelled:  # '12 (No. 3)', '54 (serial no. 220)': the number, without its label
            f.issue = labelled.group(1)
    f.pages = _page_range(m.group("pages") or "") or (m.group("article") or "")
    if not m.group("pages") and _lone_range(m):
        f.volume, f.pages = "", _page_range(f.volume)  # 'IEEE Transactions on X, 985-987': the pages
        f.lone_range = True
    if not f.volume and "), " in f.container:  # before a lone range or labelled pages ('..., pp. 103-110')
        numbers = _NUMBERS_THEN_PUBLISHER.fullmatch(f.container)
        if numbers and _PUBLISHER_HINT.search(numbers.group("publisher")):
            f.container, f.volume, f.issue = numbers.group("journal", "volume", "issue")
            f.publisher = f.publisher or numbers.group("publisher").strip()
    elif not f.volume and not f.issue and "°" in f.container:
        _issue_then_publisher(f)
    f.type = f.type or "article-journal"
    return True


#: A journal's name opening with what it is, right after a title with no stop before it: ' Bulletin de la Société X',
#: ' International Journal of X', ' The Journal of X' (an adjective ending in -an or -al, or 'The', may come first).
_JOURNAL_OPENING = re.compile(
    r"\s(?=(?:The\s+|[A-Z][a-z]+(?:an|al)\s+)?(?:Journal|Bulletin|Annals|Annales|Revue|Transactions|Archives)"
    r"\s+(?:of|de|du|des|on|for|d')\s)"
)


def _title_into_journal(f: _Fields) -> bool:
    """A journal tail the title swallowed that _comma_journal could not cut: the journal after no stop ('Title
    Bulletin de la Société X, 3(7): 275-294', 'Title Sloan Management Review, 30(3), 63-74') or pages with no
    volume ('Title, Harvard Business Review (Jan.-Feb.), pp. 71-79', 'Title, Review of X, n. 2, 51-56'). The
    journal starts at a word that names it ('Journal of', 'Bulletin de') or after the title's last comma; where
    neither shows, the boundary is unsure and only the numbers are read, the journal left in the title."""
    text = _EMPTIED_DATE.sub(",", f.title) if "  ," in f.title else f.title
    first_digit = _FIRST_DIGIT.search(text)
    name = text[: first_digit.start()] if first_digit else ""
    opening = _JOURNAL_OPENING.search(name)
    if opening:
        title = name[: opening.start()]
        if len(title.split()) > 1 and ", " not in title and _parse_journal_tail(text[opening.end() :], f):
            f.title = title.rstrip(" .,:-")
            return True
    m = _tail_match(text)
    if m is None or not m.group("pages"):
        return False
    issue = m.group("volume") or m.group("issue") or m.group("issue2")
    if not (issue or text[: m.start("pages")].rstrip(" .").endswith(("pp", "pages"))):
        return False  # 'Title, Part 2, 34': a number closing the title
    head = m.group("container").rstrip(" ,.;:")
    date = _TRAILING_DATE.search(head)
    head = head[: date.start()].rstrip(" ,.;:") if date else head  # 'Journal, June 1987, pp 520-524'
    numbers = _Fields()
    if len(head.split()) < 2 or not _parse_journal_tail(text, numbers):
        return False
    cut = head.rfind(", ")
    while cut > 0 and not head[cut + 2 : cut + 3].isupper():
        cut = head.rfind(", ", 0, cut)
    if cut > 0 and (_PUBLISHER_WORD.search(head, cut) or _SPECIAL_ISSUE.search(head, cut - 1)):
        cut = 0  # 'Title, Macmillan, pp. 396-399', 'Title. 7(3), Special Issue on X pages 287-298': no journal
    f.title, f.container = (head[:cut], head[cut + 2 :]) if cut > 0 else (head, "")
    f.volume, f.issue, f.pages = numbers.volume, numbers.issue, numbers.pages
    if issue or f.container:
        f.type = numbers.type
    return True


def _venue_after_quoted_title(after: str) -> str:
    """The journal or meeting that follows a quoted title with no numbers but its year: '"Title," Advances in
    Neural Information Processing Systems, 2011.', '"Title", Advanced Software Development Series, England'. A quoted
    title is a part of something, so what follows names that, unless it is a publisher, a place and publisher, a
    thesis or a report ('"Title", Academic Press', '"Title," Ph.D. thesis, MIT')."""
    text = after.strip(" .,;")
    date = _TRAILING_DATE.search(text) or _DATE_IN_PARENS.search(text)
    if date:
        text = text[: date.start()].strip(" .,;")
    if (
        not text
        or len(text) > 150
        or not text[0].isupper()
        or any(c in ':;()[]"“”' for c in text)
        or _FIRST_DIGIT.search(text[-12:])  # numbers or pages the journal pattern could not read
        or " pages " in text  # 'Proceedings of X, pages 31-40, Denver, CO': a meeting's pages, then its place
        or _SENTENCE_SPLIT.search(text)
        or _THESIS_WORDS.search(text)
        or _REPORT_WORDS.search(text)
        or (_PUBLISHER_HINT.search(text) and not (_JOURNAL_WORD.search(text) or _MEETING.search(text)))
        or _IMPRINT_WORD.search(text)
        or _PUBLISHER_WORD.search(text)
        or any(part.strip() in _PUBLISHING_CITIES for part in text.split(","))
    ):
        return ""
    venue = _without_society_or_place(text)
    name, comma, _ = venue.partition(",")
    if comma and len(name.split()) <= 3 and not (_JOURNAL_WORD.search(name) or _MEETING.search(name)):
        return ""  # a short name and a place: 'Wiley, New York'
    return venue


_COMMA_AND_QUOTE = tuple("," + q for q in "”\"'’»") + tuple(q + "," for q in "”\"'’»")


#: French 'éditions' abbreviated before a publisher's name: 'Ed. De Boeck université', 'Éd. du Seuil'.
_EDITIONS_ABBREVIATED = ("Ed. ", "Éd. ", "Ed ", "Éd ")


def _imprint_closing_venue(f: _Fields) -> None:
    """A publisher (and its place) read as the end of a journal's name before pages alone: 'Academic Press, pp. 97-135',
    'Academic Press, New York, pp. 175-203', 'Proceedings of X, AAAI Press, pp 263-266', 'Book. Springer-Verlag, Berlin'."""
    container = f.container
    if container.endswith(" pp"):
        container = container[:-3].rstrip(" ,.")  # 'pp 263-266' without its stop
    venue, _, last = container.rpartition(", ")
    if venue and (last in _PUBLISHING_CITIES or _STATE.fullmatch(last)):
        container = venue  # the publisher's place
    if container.startswith(_EDITIONS_ABBREVIATED) and len(container.split()) <= 5:
        f.container, f.publisher, f.type = "", container.split(" ", 1)[1], "book"  # 'Ed. De Boeck université, 273-292'
        return
    if not (_IMPRINT_WORD.search(container) or _company_name(container[container.rfind(" ", 0, -4) + 1 :])):
        return  # 'Academic Press', 'Elsevier Science BV' (the last word or two tell)
    cut = max(container.rfind(", "), container.rfind(". "))
    imprint = container[cut + 2 :] if cut >= 0 else container
    if len(imprint.split()) <= 3 and not _JOURNAL_WORD.search(imprint):
        f.container, f.publisher, f.type = container[: max(cut, 0)].strip(" ,."), imprint, "chapter"


#: A journal's volume and issue, then its publisher, read as the journal's name before a lone page range:
#: 'Journal of Korea Planning Association 44(7), Korea Planning Association, 97-108', or labelled pages ('IE interfaces
#: 16(1), Korean Institute Of Industrial Engineers, pp. 103-110').
_NUMBERS_THEN_PUBLISHER = re.compile(
    r"(?P<journal>.*?[^\W\d_])\s+(?P<volume>\d{1,4})\s*\((?P<issue>\d{1,3})\),\s+(?P<publisher>[A-Z][^,()\d]{2,80})"
)


#: A journal's numbered issue, then its publisher and maybe its place, read as the journal's name before the
#: pages: 'Politiques sociales et familiales, n°106, Cnaf', 'Notas de Población N°63, año XXIV, CELADE, Santiago'.
_ISSUE_THEN_PUBLISHER = re.compile(
    r"(?P<journal>.*?[^\W\d_])[,\s]+[Nn]°\s*(?P<issue>\d{1,4})(?:,\s+[^\W\d_]+\.?\s+[IVXLC]{1,6})?"
    r",\s+(?P<publisher>[A-ZÀ-Þ][^,()\d]{1,80}?)(?:,\s+[A-ZÀ-Þ][^,()\d]{1,40})?"
)


def _issue_then_publisher(f: _Fields) -> None:
    """Split the publisher off a journal read with its issue and imprint before the pages ('Politiques sociales
    et familiales, n°106, Cnaf, 2011, pp. 25-38'): the journal, its issue and who publishes it."""
    numbers = _ISSUE_THEN_PUBLISHER.fullmatch(f.container)
    if numbers and numbers.group("publisher") not in _PUBLISHING_CITIES:  # not 'Revue X, n°5, Paris'
        f.container, f.issue = numbers.group("journal", "issue")
        f.publisher = f.publisher or numbers.group("publisher").strip()


#: A note of when the work was read online, after its venue: 'Research Information. Retrieved 2010-08-07'.
_RETRIEVED_NOTE = re.compile(r"[.,]\s*(?:[Rr]etrieved|[Aa]ccessed)(?:\s+on)?[\s\d,/\-]*$")
_DAY = re.compile(r"\d{1,2}")


def _without_closing_note(after: str) -> str:
    """The venue without the day it appeared or the day it was read, which read as its volume or pages: 'The New
    York Times, March 17' (the year taken), 'Proceedings of X, August 28-30', 'Research Information. Retrieved 2010-08-07'."""
    note = _RETRIEVED_NOTE.search(after) if "etrieved" in after or "ccessed" in after else None
    if note:
        after = after[: note.start()]
    date = _TRAILING_DATE.search(after) if after[-1:].isdigit() else None
    if date and _DAY.fullmatch(after[-2:].lstrip(" -–")) and not _FIRST_DIGIT.search(after, 0, date.start()):
        after = after[: date.start()]
    return after


#: A note that the work also came out under another title: 'Published 1935 in Britain under the title of X, ...'.
_PUBLISHED_AS = re.compile(
    r"(?:(?:First|Originally)\s+)?[Pp]ublished\s+(?:in\s+)?(?:1[5-9]|20)\d\d\b[^,.:;]{0,60}?\s(?:as|under\s+the\s+title(?:\s+of)?)\s+"
)


def _published_as_note(after: str, f: _Fields) -> bool:
    """Whether `after` is a note naming the title the work came out under elsewhere, with that edition's imprint
    ('Published 1935 in Britain under the title of Stable Money: A History, Allen & Unwin, London.'); if so, the
    imprint is read as a title's run-on imprint would be ('Stable Money: A History, Allen & Unwin, London')."""
    note = _PUBLISHED_AS.match(after)
    if note is None:
        return False
    edition = _Fields(year=f.year, title=after[note.end() :])
    _comma_imprint(edition)
    f.publisher = edition.publisher
    return bool(edition.publisher)


#: A year closing an imprint: 'Cambridge, MA: Blackwell, 1991'.
_IMPRINT_CLOSING_YEAR = re.compile(r"(?<![\s,])[\s,]+(?:1[5-9]\d\d|20\d\d)$")


def _without_edition_year(after: str) -> str:
    """The imprint without the year of the edition read when the entry opened with the original's: 'The
    Production of Space. 1974. Trans. X. Cambridge, MA: Blackwell, 1991.' (the year taken is 1974), which the
    journal reader took for a volume."""
    year = _IMPRINT_CLOSING_YEAR.search(after, max(0, len(after) - 7))
    if year is None:
        return after
    place, _, name = after[: year.start()].rpartition(": ")
    place = place.rpartition(". ")[2]
    if (
        name
        and not any(c.isdigit() for c in name)
        and all(_PLACE_PART.match(part.strip()) for part in place.split(","))
    ):
        return after[: year.start()].rstrip(":;")
    return after


def _parse_after_title(after: str, f: _Fields, quoted: bool = False) -> None:
    after = after.strip(" .,;:")
    if not after:
        return
    if after[-1:].isdigit():
        end = after[-8:]  # a day after a word: 'March 17', 'August 28-30' (at most six characters of it)
        head = end.rstrip("0123456789-– ")
        day = len(head) >= len(end) - 6 and head[-1:].isalpha()
        if day or "etrieved" in after or "ccessed" in after:
            after = _without_closing_note(after)
    if after[:1] in "FOP" and _published_as_note(after, f):
        return
    if f.year is not None and after[-1:].isdigit() and ": " in after:
        after = _without_edition_year(after)
    chapter = _CHAPTER.match(after) or _CHAPTER_NO_EDITORS.match(after)
    if chapter:
        f.type = "chapter"
        rest = chapter.group("rest")
        if "editors" in chapter.groupdict() and chapter.group("editors"):
            f.editors = parse_editor_phrase(chapter.group("editors"))
            split = _book_then_editors(chapter.group("editors").rpartition(" (")[0])
            if split:  # 'in Risques naturels, P. Gabert; J. Vaudour (dir.), Editions du CTHS, pp. 145-157'
                f.editors = parse_editor_phrase(split[1])
                rest = f"{split[0]}. {rest}"
        pages = _PAGES_PARENS.search(rest)
        if pages:
            f.pages = _page_range(pages.group("pages"))
            f.volume = pages.group("volume") or f.volume
            rest = rest[: pages.start()] + rest[pages.end() :]
        book, publisher = _split_title(rest)
        if publisher[:1] == "(" or (rest.endswith(")") and book.count("(") > book.count(")")):
            # (or a stop inside it: '(Numen supp. 14; ed. J. Neusner; Leiden: Brill, 1968)')
            book, publisher = rest, ""  # '2 vols. (New York, NY: Norton, 1986), vol. ii': the book's imprint in parens
        f.container = _book_of_chapter(strip_italics(book).strip(" .,"), f)
        if publisher.rstrip(" .")[-1:].isdigit():
            publisher = _without_closing_volume(publisher.rstrip(" ."), f)
        trailing_pages = _TRAILING_PAGES.search(publisher)
        if trailing_pages and not f.pages:
            f.pages = _page_range(trailing_pages.group("pages"))
            publisher = publisher[: trailing_pages.start()]
        f.publisher = publisher_name(strip_italics(publisher)) or f.publisher
        if not f.pages:
            f.pages = _range_only(_imprint_pages(strip_italics(publisher))[1])
        return
    if after[:3] in ("Pp.", "pp.", "Pag") and " in " in after[:30]:
        # ASA: 'Pp. 1-18 in Configurational Comparative Methods, edited by B. Rihoux. Thousand Oaks, CA: Sage.'
        pages_first = _PAGES_BEFORE_BOOK.match(after)
        if pages_first and _plain_chapter(after[pages_first.end() :], f):
            f.pages = _page_range(pages_first.group("pages"))
            return
    if after.startswith(_LANGUAGE_CODES):
        after = after[4:].lstrip()  # bioRxiv exports: '"Title". eng. In:Cell 148. 6., pp. 1293-1307'
    if after[:2] in {"In", "in", "Da", "da"} and _plain_chapter(after, f):
        return
    italic = _ITALIC.search(after)
    if italic and italic.start() <= 2:
        # '*Journal*, 12(3), 4-5' or '*Journal, 39,* 213-228' or '*Book title*. Publisher.'
        if _parse_journal_tail(after, f, notes=True):
            return
        f.container = strip_italics(italic.group(1)).strip(" .,")
        remainder = after[italic.end() :].strip(" .,")
        if remainder:
            _split_publisher(strip_italics(remainder), f)
        f.type = f.type or ("article-journal" if not f.publisher else "chapter")
        return
    if _parse_journal_tail(after, f, notes=True):
        if ": " in f.container:
            _imprint_after_venue(f)
        elif not (f.volume or f.issue) and f.pages:
            _imprint_closing_venue(f)
        return
    journal = _journal_without_numbers(strip_italics(after))
    if journal:
        f.container, f.type = journal, f.type or "article-journal"
        return
    venue = _venue_after_quoted_title(strip_italics(after)) if quoted else ""
    if not venue and f.doi and not f.publisher:
        venue = _journal_before_doi(strip_italics(after))
    if venue:
        f.container, f.type = venue, f.type or ("chapter" if _MEETING.search(venue) else "article-journal")
        return
    if _MEETING.search(after) and _meeting_after_title(strip_italics(after), f):
        return
    if ("pp" in after or "pages" in after) and _book_before_pages(strip_italics(after), f):
        return
    _split_publisher(strip_italics(after), f)


_PAGES_BEFORE_BOOK = re.compile(r"(?:[Pp]p\.|Pages)\s*(?P<pages>\d+\s*[-–]{1,2}\s*\d+|\d+)\s+(?=in\s)")
_CHAPTER_WORDS = frozenset(["In", "in", "Dans", "dans"])
_IMPRINT_OPENING = re.compile(r"(?:[.,]|(?<=[?!]))\s+(?=[A-ZÀ-Þ])")


#: How much of the text after 'Place:' is read as the publisher's name: real names and years are far shorter.
_IMPRINT_NAME_REACH = 300
#: How many 'Place:' stops are tried before giving up: real entries have one or two.
_IMPRINT_TRIES = 20
#: The longest publisher's word that can close a text ('Publishers') and the space before it.
_IMPRINT_WORD_REACH = 12


def _imprint_start(text: str) -> re.Match[str] | None:
    """The stop or comma before a 'Place: Publisher' closing a venue or book: 'Proceedings of X. Irvine, CA: Morgan
    Kaufmann', 'Probabilistic Methods, New York: Plenum Press'. The place must be a publishing city or carry a
    state, or the name a publisher's word, so that 'Title. Politikon: South African Journal' stays whole."""
    closing_word: bool | None = None  # the name runs to the end of `text`: whether a publisher's word ends it
    tries = 0
    for stop in _IMPRINT_OPENING.finditer(text):
        if not _opens_with_place_colon(text, stop.end()):
            continue
        tries += 1
        if tries > _IMPRINT_TRIES:
            return None  # no imprint among the first 'Place:' stops: not one that a list would write
        colon = text.index(":", stop.end())  # within 40 characters: _opens_with_place_colon found it
        places = [part.strip() for part in text[stop.end() : colon].split(",")]
        # the name is read only so far: a text of many 'Place:' stops must not be searched whole at each one
        name = text[colon + 1 : colon + 1 + _IMPRINT_NAME_REACH].strip(" .,")
        if (
            places[0] in _CHAPTER_WORDS
            or not name
            or _JOURNAL_WORD.search(name)
            or not _LETTERS.search(text, 0, stop.start())
        ):
            continue
        known_place = places[0] in _PUBLISHING_CITIES or any(_STATE.fullmatch(part) for part in places[1:])
        if known_place or _PUBLISHER_HINT.search(name) or _PUBLISHER_WORD.search(name):
            return stop
        if closing_word is None:
            closing = text.rstrip(" .,")
            closing_word = bool(_IMPRINT_WORD.search(closing, max(0, len(closing) - _IMPRINT_WORD_REACH)))
        if closing_word:
            return stop
    return None


def _imprint_after_venue(f: _Fields) -> None:
    """A venue read as a journal whose imprint followed it: 'Proceedings of X. Irvine, CA: Morgan Kaufmann, pp. 24-30'."""
    stop = _imprint_start(f.container)
    if stop:
        venue = f.container[: stop.start()].strip(" .,")
        f.publisher = f.publisher or publisher_name(f.container[stop.end() :])
        f.container = venue
        if _MEETING.search(venue):
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


def _imprint_before_pages(f: _Fields) -> None:
    """MLA and Harvard chapters whose pages follow the book's imprint, which no known city or publisher's word
    tells: 'Anglistentag 1999: Proceedings. Eds. B. Reitz. Trier: WVT, 2000. 345-73.', 'Book. Bielefeld:
    transcript. 259-90.' Pages alone after a short 'Place: Name' sentence are a chapter's, not an article's."""
    cut = f.container.rfind(". ")
    imprint = _PLACE_COLON_NAME.fullmatch(f.container, cut + 2 if cut >= 0 else 0)
    if imprint is None or _JOURNAL_WORD.search(imprint.group("name")):
        return
    book = f.container[: max(cut, 0)].strip(" .,")
    editors = _EDITORS_SENTENCE.search(book) if ". E" in book or ". Hrsg" in book else None
    if not (editors and editors.start() > 0 and _capitalised_names(editors.group("editors"))):
        editors = None
        if cut >= 0 and _abbreviation_before(f.container, cut):
            return  # 'Adv. Phys: Materials': a stop inside a name (but a short name may close the editors: 'Ed. O. Berg')
    if editors:
        f.editors = f.editors or parse_editor_phrase(editors.group("editors"))
        book = book[: editors.start()]
    f.publisher = imprint.group("name").rstrip(" .")
    f.container, f.type = book, "chapter" if book else "book"


#: A paper not yet in an issue: 'Journal of the American Statistical Association, in press', 'SIAM J. Discr. Math., to appear'.
_NOT_YET_PUBLISHED = re.compile(
    r"[.,;]?\s*\(?(?:in press|to appear|forthcoming|ahead of print|early view|online first|submitted|under review"
    r"|in preparation|sous presse|à paraître)\)?\.?$",
    re.IGNORECASE,
)
#: A word only journals, newspapers and preprint servers have in their names.
_JOURNAL_WORD = re.compile(
    r"\b(?:Journal|Review|Revue|Bulletin|Quarterly|Letters|Transactions|Annals|Annales|Magazine|Zeitschrift"
    r"|Times|Post|Guardian|Herald|Tribune|Gazette|bioRxiv|medRxiv|arXiv|PsyArXiv|SSRN)\b"
    r"|^[A-Z][a-z]+olog(?:y|ie|ia)$",  # 'Geomorphology', 'Anesthesiology'
    re.IGNORECASE,
)
_PUBLISHER_HINT = re.compile(
    r"\b(?:Press|Presses|Verlag|Publishers?|Publishing|Books|Editions?|Éditions|University|Université|Universität"
    r"|Inc|Ltd|GmbH|Company|Institute|Office|Department|Ministry|Council|Association|Society)\b",
    re.IGNORECASE,
)


_SEASON = re.compile(r",?\s*(?:Spring|Summer|Fall|Autumn|Winter)$")
_DATE_IN_PARENS = re.compile(rf"\s*\((?i:{_MONTH})\.?[^()]{{0,30}}\)$")  # 'Financial Executive (November, 1965)'


#: The longest text read as a journal named without numbers: its name (100 characters) and a note or a date.
_JOURNAL_NOTE_MAX = 300


def _journal_without_numbers(after: str) -> str:
    """A journal named after the title with no volume or pages: 'Geomorphology.', 'Regional Studies. In press.',
    'IEEE Software.', 'The New York Times' (a publisher, 'Oxford University Press', is not one)."""
    text = after.strip(" .,;")
    if len(text) > _JOURNAL_NOTE_MAX:
        return ""  # a name of at most 100 characters and a short note or date: not worth four end-anchored searches
    in_press = _NOT_YET_PUBLISHED.search(text)
    if in_press:
        text = text[: in_press.start()].strip(" .,;")
    not_yet = bool(in_press)
    if text[:12].lower() == "to appear in":
        not_yet, text = True, text[12:].strip()  # 'To appear in the special issue on X in Y Review'
    date = _TRAILING_DATE.search(text) or _SEASON.search(text) or _DATE_IN_PARENS.search(text)
    if date:
        text = text[: date.start()].strip(" .,;")  # 'IEEE Transactions on Computers, June', 'Review, Fall'

    if not text or len(text) > 100 or any(c.isdigit() or c in ":;()[]" for c in text):
        return ""
    for stop in _SENTENCE_SPLIT.finditer(text):
        # 'SIAM J. Discr. Math., to appear': a journal not yet out may have an abbreviated name
        if not (not_yet and _abbreviation_before(text, stop.start())):
            return ""
    if not (text[0].isupper() or text[:2].lower() in {"bi", "me", "ar", "ps"}):
        return ""
    if _PUBLISHER_HINT.search(text) and not _JOURNAL_WORD.search(text.split()[0]):
        return ""  # 'Society for Research in Child Development' is a publisher; 'Journal of the ... Society' is not
    # a dated issue names a journal too: 'Financial Executive (November, 1965)'
    return text if not_yet or date or _JOURNAL_WORD.search(text) else ""


def _journal_before_doi(after: str) -> str:
    """A name alone after the title of a work with a DOI: its journal ('Regional Studies. https://doi.org/...',
    'Neuron. 10.1016/...'), unless it reads as a publisher or an imprint ('Routledge', 'Oxford: Blackwell')."""
    text = after.strip(" .,;")
    if (
        not text
        or len(text) > 60
        or not text[0].isupper()
        or len(text.split()) > 6
        or any(c.isdigit() or c in ',:;()[]"“”' for c in text)
        or _SENTENCE_SPLIT.search(text)
        or _PUBLISHER_HINT.search(text)
        or _PUBLISHER_WORD.search(text)
        or _IMPRINT_WORD.search(text)
        or _THESIS_WORDS.search(text)
        or _REPORT_WORDS.search(text)
        or text in _PUBLISHING_CITIES
    ):
        return ""
    return text


#: A language code before the journal, as reference managers export it: 'eng. In:Genome research 21. 2.'
_LANGUAGE_CODES = ("eng. In", "eng.In", "fre. In", "fre.In", "ger. In", "ger.In")


#: 'In Proceedings of X, pp. 3-9.', 'In: Journal 66, S. 32-50', 'In T. Moore (ed.), Book (111-144).'
_PLAIN_CHAPTER = re.compile(r"(?:In|in|Dans|dans)(?:\s*:\s*|\s+(?=[\w*]))")
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
_LETTERS = re.compile(r"[^\W\d_]{2}")
_ABBREVIATION_BEFORE = re.compile(r"(?:^|\s)[A-Z][a-z]{0,4}$")
#: How far back an abbreviation before a stop can start: ' Abcde' is six characters.
_ABBREVIATION_REACH = 6


def _abbreviation_before(text: str, end: int) -> bool:
    """Whether a short capitalised word ('Proc', 'Conf', 'Eng') closes `text[:end]`. Only the few characters
    before `end` are searched, so that loops over a long text's full stops stay linear."""
    return _ABBREVIATION_BEFORE.search(text, max(0, end - _ABBREVIATION_REACH), end) is not None


#: Labelled pages, which no journal's name holds: 'pp. 813-818', 'pages 31–45', 'pp 876-889'.
#: (Not IEEE Xplore's 'pp. 4228–4233 vol.5', whose volume repeats the one read before the pages.)
_LABELLED_PAGES = re.compile(r"(?<![^\s,.(])(?:pp\.?|pages)\s*\d+\s*[-–]{1,2}\s*\d+(?![\d\s,]*vol)")


def _imprint_in_tail(article: _Fields) -> bool:
    """A 'journal tail' that is a paper's venue, imprint and pages: a lone range read as the volume
    ('Proceedings X. ACM, New York, 192-203'), or no volume after a full stop ('Proceedings X. ACM, pages 5-9')."""
    if article.lone_range:
        return True
    if "p" in article.container and _LABELLED_PAGES.search(article.container):
        return True  # 'In Proceedings of X, pp. 813-818 Detroit. Morgan Kaufmann. 415': no journal's name holds pages
    if article.container.endswith(("'", "’")):
        return True  # 'In Proceedings of OOPSLA'99, pages 187-206': the volume is the year of a venue
    if article.volume:
        return False
    return any(
        not _abbreviation_before(article.container, stop.start())
        for stop in _SENTENCE_SPLIT.finditer(article.container)
    )


#: A volume (and pages) closing a book's title: '(Vol. 4, pp. 643-691)', ', Vol. 7, pp. 231-238', ', Vol. 1.'
_VOLUME_AFTER_BOOK = re.compile(
    r"(?:[,.]?\s*\(|[,.]?\s+|[,.])(?:vol\.?|volume)\s*(?P<volume>\d+|[IVX]+\b)\.?"
    r"(?:,?\s*(?:pp?\.|pages?)\s*(?P<pages>\d+\s*[-–]{1,2}\s*\d+|\d+))?\)?$",
    re.IGNORECASE,
)
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
#: What names a meeting, whose place, dates and publisher often follow its name.
_MEETING = re.compile(r"\b(?:Proc|Proceedings|Conference|Conf|Symposium|Workshop|Congress|Meeting|Colloquium)\b")
_MONTH_DATE = re.compile(rf"^(?:{_MONTH})\.?\s*\d{{1,2}}(?:\s*[-–]+\s*\d{{1,2}})?$", re.IGNORECASE)
#: A publisher's acronym: 'ACM', 'IEEE', 'SIAM' (two letters are a state: 'CA').
_PUBLISHER_ACRONYM = re.compile(r"^[A-Z]{3,6}(?:\s+Press)?$")


def _meeting_tail(container: str, f: _Fields) -> str:
    """A meeting's name without the place, dates and publisher after it.

    'Proceedings of X (Arlington, VA, Dec 3-6)', 'Conference on Y, Tokyo, Japan', 'Symposium Z, ACM, New York'.
    """
    if container.endswith(")"):
        opening = container.rfind("(")
        inside = container[opening + 1 : -1]
        if opening > 0 and "," in inside and _PLACE_PART.match(inside.split(",", 1)[0].strip()):
            container = container[:opening].rstrip(" ,")
    parts = [part.strip() for part in container.split(",")]
    keep = len(parts)
    while keep > 1 and not _MEETING.search(parts[keep - 1]):
        place, stop, part = parts[keep - 1].rpartition(". ")  # 'Boston, MA. IEEE Press'
        if stop and not _PLACE_PART.match(place):
            break
        if part in _COUNTRIES:
            pass  # 'Los Angeles, USA': a place, not a publisher's acronym
        elif (
            _PUBLISHER_ACRONYM.match(part)
            or _PUBLISHER_WORD.search(part)
            or (_STATE.fullmatch(place) and part[:1].isupper())
        ):
            f.publisher = f.publisher or part  # 'Chicago, IL. Chicago Linguistic Society': a name after the place
        elif not (_PLACE_PART.match(part) or _MONTH_DATE.match(part)):
            break
        keep -= 1
    return ", ".join(parts[:keep])


def _book_of_chapter(book: str, f: _Fields) -> str:
    """The book or proceedings a chapter is in, without the pages, volume, editors or place written after it."""
    trailing_pages = _TRAILING_PAGES.search(book) if "p" in book else None
    if trailing_pages:
        f.pages = f.pages or _page_range(trailing_pages.group("pages"))
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
                f.pages = f.pages or _page_range(volume.group("pages"))
            book = book[: volume.start()].rstrip(" ,.")
    if book[-1:].isdigit():
        number = _NUMBER_AFTER_BOOK.search(book)  # 'Advances in Neural Information Processing Systems, 7'
        if number and _LETTERS.search(book, 0, number.start()):
            f.volume = f.volume or number.group(1)
            book = book[: number.start()].rstrip(" ,.")
    if book.endswith(("ed", "ed.", "edn", "edition")):
        head, _, edition_word = book.rstrip(".").rpartition(" ")
        head, _, ordinal = head.rpartition(" ")
        if head and _EDITION.match(f"{ordinal} {edition_word}"):
            book = head.rstrip(" ,.")  # 'Comprehensive Textbook of Psychiatry/VI 6th ed', not its editors
    if "edited by" in book or ", ed" in book:
        edited = _EDITED_BY_AFTER.search(book)
        if edited and edited.start() > 0:
            book = book[: edited.start()].rstrip(" ,.")
    if "ds" in book or "itor" in book or book.endswith(("Ed", "ed")):  # 'Eds', 'eds', 'editors', 'E. Neuhold, Ed'
        editors = _EDITORS_AFTER_BOOK.search(book)
        if editors and _names_alone(editors.group("editors")) and _LETTERS.search(book, 0, editors.start()):
            f.editors = f.editors or parse_editor_phrase(editors.group("editors"))
            book = book[: editors.start()].rstrip(" ,.")
    if "ch" in book:
        chapter = _CHAPTER_NUMBER_AFTER.search(book)
        if chapter and chapter.start() > 0:
            book = book[: chapter.start()]
    if book.endswith(")") and not f.publisher and _named_imprint(book[book.rfind("(") :]):
        # Chicago: 'in Peter Hill (ed.), The Messiaen Companion (London: Faber, 1995), pp. 488–509'
        split = _imprint_in_closing_parens(book)
        if split:
            book, f.publisher = split
    if "," in book and _MEETING.search(book):
        book = _meeting_tail(book, f)
    return book


def _opens_with_place_colon(text: str, start: int) -> bool:
    """'London: Chancellor Press', 'Cambridge, MA: MIT Press': an imprint starts at `start`."""
    place, colon, _ = text[start : start + 40].partition(":")
    return bool(colon) and all(_PLACE_PART.match(part.strip()) for part in place.split(","))


#: A word that makes a name a publisher's, not a journal's or a venue's.
_IMPRINT_WORD = re.compile(r"\b(?:Press|Verlag|Publishers?|Publishing|Kaufmann|Springer|Elsevier|Wiley|ACM|AAAI|IEEE)$")


_PAGES_ONLY = re.compile(r"(?i:pp?\.?|pages?)\s*(?P<pages>\d+\s*[-–]+\s*\d+)$")
#: The gap a taken year leaves: 'Austin, Texas, . ACM'. A run is tried from its start only (linear).
_YEAR_GAP = re.compile(r"(?<![\s,])[\s,]+\.(?=\s)")


_NAME_JOINERS = re.compile(r"[,;&]|\band\b")


def _names_alone(text: str) -> bool:
    """'K. Arrow, S. Bowles, and S. Durlauf', 'Chapman, J. A.; Feldhamer, G. A.': short names with initials,
    not a book's title ('Insular Latin Studies', 'Proceedings of the IFIP Conference on X, E. Neuhold')."""
    if "." not in text or _title_like(text):
        return False
    return all(len(piece.split()) <= 4 for piece in _NAME_JOINERS.split(text))


def _plain_chapter(after: str, f: _Fields) -> bool:
    """A chapter or paper without italics: 'In Proceedings of X, pp. 3-9. Publisher, Place'."""
    m = _PLAIN_CHAPTER.match(after)
    return m is not None and _chapter_body(after[m.end() :], f, m.group())


#: A date left where a meeting's year was taken: 'June', 'Sept. 26-28', '8 May'.
_DATE_PART = re.compile(rf"(?:\d{{1,2}}\s+)?(?:{_MONTH})\.?(?:\s*\d{{1,2}}(?:\s*[-–]+\s*\d{{1,2}})?)?", re.IGNORECASE)


#: A city and its state code without a comma between them: 'Philadelphia PA', 'New Haven CT'.
_CITY_STATE = re.compile(r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s[A-Z]{2}")


def _place_and_date_only(text: str) -> bool:
    """Where and when a meeting was held, which names no publisher: 'Chicago, IL, June', 'Helsinki, Finland',
    'Seattle, Washington, 8 May' (but not 'Springer, Berlin' or 'Petersburg', whose shape does not tell)."""
    parts = [part.strip(" .") for part in text.split(",")]
    for k, part in enumerate(parts):
        following = parts[k + 1] if k + 1 < len(parts) else ""
        if not (
            _DATE_PART.fullmatch(part)
            or _STATE.fullmatch(part)
            or part in _COUNTRIES
            or part in _PUBLISHING_CITIES
            or _CITY_STATE.fullmatch(part)
            or (
                (_STATE.fullmatch(following) or following in _COUNTRIES)
                and _PLACE_PART.match(part)
                and not (_PUBLISHER_WORD.search(part) or _IMPRINT_WORD.search(part))  # 'ACM Press, NY'
            )
        ):
            return False
    return True


#: How far into a text a meeting's name is looked for: real names and the sentences before them are far shorter.
_MEETING_REACH = 400


def _meeting_opens(text: str) -> bool:
    """Whether a meeting's name opens `text`: 'Proceedings of the ACM SIGMOD Conference, pages 18-27, Chicago',
    'Paper presented at the IEEE Symposium on 3D User Interfaces' (not 'Meeting the Challenge. Routledge')."""
    head = text[:_MEETING_REACH].split(", ", 1)[0]
    stop = _SENTENCE_SPLIT.search(head)
    if stop:
        head = head[: stop.start() + 1]
    return (head[:1].isupper() or head[:1].isdigit()) and not head.startswith("Meeting") and bool(_MEETING.search(head))


def _meeting_after_title(after: str, f: _Fields) -> bool:
    """A paper's meeting after its title with no italics and no 'In' ('Title. Proceedings of X, pages 18-27,
    Chicago, IL, June'), or after sentences that the title lost ('Subtitle. In Proceedings of X, 1991')."""
    # the sentences a title lost are short: looking for the meeting only in the first few hundred characters
    # keeps a long text linear (each try reads the text after it)
    spans = [(0, 0)]
    for stop in _SENTENCE_SPLIT.finditer(after):
        if stop.start() >= _MEETING_REACH:
            break
        spans.append(stop.span())
    for end, start in spans:
        if start and _abbreviation_before(after, end):
            continue  # 'European Software Eng. Conf. and ACM Symp.': the stop of an abbreviation
        piece = after[start:]
        marker = _PLAIN_CHAPTER.match(piece) if start else None
        venue = piece[marker.end() :] if marker else piece
        if _meeting_opens(venue) and _chapter_body(venue, f, marker.group() if marker else ""):
            leading = after[:start].strip(" .,")
            if leading and f.title:
                f.title = f"{f.title}{' ' if f.title.endswith(('?', '!')) else '. '}{leading}"
            return True
    return False


def _book_then_editors(text: str) -> tuple[str, str] | None:
    """(book, names) for a book's title written before its editors' names where the names alone were expected:
    'Risques naturels, P. Gabert; J. Vaudour' (of '..., J. Vaudour (dir.), Editions du CTHS, pp. 145-157')."""
    title, comma, names = text.partition(", ")
    if comma and " " in title and "." not in title and " " in names and _names_alone(names):
        return title, names
    return None


def _without_editors_before(book: str, f: _Fields, names_only: bool = False) -> str:
    """The book without the editors named before it, which go to `f`: 'G. Kahn and D. MacQueen, editors, Book'
    (with `names_only`, what precedes 'eds.' must read as names, not as a book: 'Automata, Languages, F. Meyer, Eds.')."""
    editors = _EDITORS_BEFORE.match(book) if _may_hold(_folded(book), *_EDITOR_WORDS) else None
    if editors and not editors.group("bare"):
        split = _book_then_editors(editors.group("editors"))
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


def _named_imprint(text: str) -> bool:
    """Whether `text` names a publisher by a place and colon or a publisher's word ('London: Faber', 'University
    of Chicago Press'), unlike a meeting's acronym or place after its name ('ION GPS 2000', 'Durham, NC, 1987')."""
    return ": " in text or _PUBLISHER_WORD.search(text) is not None


def _company_name(text: str) -> bool:
    """A short name closed by a publisher's word or a company suffix: 'Mono Book Corp.', 'North-Holland Pub. Co.'."""
    words = text.split()
    return 0 < len(words) <= 4 and (words[-1].rstrip(".") in _CORPORATE_SUFFIXES or bool(_IMPRINT_WORD.search(text)))


def _book_with_imprint(f: _Fields) -> None:
    """A chapter's book read as a journal before pages alone, with its editors or imprint inside: 'In What Are
    People For? New York: North Point Press, 1990, 197-203', 'In: French, B.M. and Short, N.M., eds., Shock
    Metamorphism of Natural Materials, p. 169-184'."""
    book = _without_editors_before(f.container, f, names_only=True)
    stop = _imprint_start(book) if ": " in book else None
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
        parts = _join_corporate_suffixes([part.strip() for part in book.split(",")], ", ")
        k = _imprint_part(parts)
        if k < 0 and len(parts) > 1 and _company_name(parts[-1]):
            k = len(parts) - 1  # its places read as a journal's: 'Natural Materials, Mono Book Corp.'
        if k > 0:
            f.publisher = f.publisher or publisher_name(", ".join(parts[k:]))
            book = ", ".join(parts[:k])
    book = _book_of_chapter(book.strip(" .,"), f)
    if book != f.container:
        f.container, f.type = book, "chapter"


#: Pages closing a book before its imprint: 'Book, pp. 72-79. Longmans', 'Book (Vol. 1), (pp. 107-115). Denver, CO'.
_PAGES_BEFORE_IMPRINT = re.compile(
    r"[,.]?\s*\(?(?:pp?\.|pages)\s*(?P<pages>\d+\s*[-–]{1,2}\s*\d+)(?:,\s*\d+\s*[-–]{1,2}\s*\d+)*\)?\.\s+(?=[A-Z])"
)


def _book_before_pages(after: str, f: _Fields) -> bool:
    """A chapter's book with no 'In', its pages, then its imprint: 'Title. Essays in Radical Empiricism, pp. 72-79.
    Longmans, Green, and Co.', 'Title. Advances in X (Vol. 1), (pp. 107-115). San Mateo, CA: Morgan Kaufmann.'"""
    pages = _PAGES_BEFORE_IMPRINT.search(after)
    if not pages:
        return False
    book, imprint = after[: pages.start()], after[pages.end() :].strip(" .,")
    stops = [stop for stop in _SENTENCE_SPLIT.finditer(book) if not _abbreviation_before(book, stop.start())]
    leading = book[: stops[-1].start() + 1] if stops else ""
    book = book[stops[-1].end() :] if stops else book
    if not (book[:1].isupper() and _LETTERS.search(book) and _LETTERS.search(imprint)) or _SENTENCE_SPLIT.search(
        imprint
    ):
        return False
    f.pages = f.pages or _page_range(pages.group("pages"))
    f.publisher = publisher_name(imprint)
    f.container, f.type = _book_of_chapter(book.strip(" .,"), f), f.type or "chapter"
    if leading and f.title:
        f.title = f"{f.title}{' ' if f.title.endswith(('?', '!')) else '. '}{leading.strip(' .')}"
    return True


#: How long a publisher's name closing a chapter's book may be, so that its stop ends the book.
_SHORT_IMPRINT = 60


def _short_imprint_after(text: str, start: int) -> bool:
    """Whether a short publisher's name closes `text` from `start`, so that the stop before it ends a book whose last
    word reads as an abbreviation: 'In G. Bakir, editors, Predicting Structured Data. MIT Press, 2006'."""
    return len(text) - start <= _SHORT_IMPRINT and _PUBLISHER_WORD.search(text, start) is not None


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


def _without_closing_volume(imprint: str, f: _Fields) -> str:
    """The imprint without the volume (and pages) closing it, which go to `f`: 'Gustav Fischer Verlag, Jena, T.
    21:181-398', 'Springer, Berlin, vol. 2' (when the pages were read before it)."""
    volume = _VOLUME_CLOSING_IMPRINT.search(imprint)
    if volume is None or not (f.pages or volume.group("pages")) or not _LETTERS.search(imprint, 0, volume.start()):
        return imprint
    f.volume = f.volume or volume.group("volume")
    f.pages = f.pages or _page_range(volume.group("pages"))
    return imprint[: volume.start()]


#: How far into a chapter's 'In ...' text the end of the book's title is looked for.
_BOOK_REACH = 1000


#: The book's editors and its year before its title, as French styles write them: 'Galland Olivier, Lemel Yannick,
#: 2011, '. The parts hold no comma, so the match cannot backtrack.
_EDITORS_YEAR = re.compile(
    r"(?P<names>[^,\d()]{3,40}(?:,\s*[^,\d()]{3,40}){0,3}),\s*(?:1[5-9]\d\d|20\d\d)[a-z]?,\s+(?=\S)"
)
_EDITORS_YEAR_REACH = 40


def _without_editors_and_year(rest: str, f: _Fields) -> str:
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


def _chapter_body(rest: str, f: _Fields, marker: str = "") -> bool:
    """The book or proceedings of a chapter after its 'In' (`marker`), with its editors, pages and imprint."""
    dated_editors = False
    if marker and rest[:1].isupper() and "," in rest[:_EDITORS_YEAR_REACH]:
        book = _without_editors_and_year(rest, f)
        rest, dated_editors = book, book is not rest
    article = _Fields()
    if not dated_editors and _parse_journal_tail(rest, article) and not _imprint_in_tail(article):
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
        if "," in f.container and _MEETING.search(f.container):
            # 'In Proceedings of X, Karlsruhe. pages 650-652', 'In Proceedings X (Atlanta, GA), ACM Press, pages 4-9'
            f.container = _without_society_or_place(_meeting_tail(f.container, f))
        venue, _, imprint = f.container.rpartition(", ")
        if "). " in imprint:  # 'Symposium X (Milwaukee, Wis.). ACM': the place in parentheses closes the venue
            place, _, imprint = imprint.rpartition("). ")
            venue = f"{venue}, {place})"
        if venue and len(imprint.split()) <= 4 and _IMPRINT_WORD.search(imprint):
            # 'Proceedings of the ACM Conference X (Atlanta, GA, Mar. 22-27), ACM Press, New York, NY, pages 431-438'
            f.container, f.publisher = _without_society_or_place(venue), f.publisher or publisher_name(imprint)
        if marker and (not f.volume or ": " in f.container):
            # a Vancouver book's volume is no journal's: 'In: Kaplan HI, eds. Book. Baltimore: Williams; 1995; 1:619-35'
            _book_with_imprint(f)
        return True
    rest = _without_editors_before(rest, f)
    tail = ""
    pages = _PAGES_IN_CHAPTER.search(rest)
    if pages:
        f.pages = _page_range(pages.group("pages"))
        rest, tail = rest[: pages.start()], rest[pages.end() :]
    container = rest
    # a book closed by its imprint in parentheses ends there, not at a stop inside them (SBL: 'In Religions in
    # Antiquity (Numen supp. 14; ed. J. Neusner; Leiden: Brill, 1968)'); _book_of_chapter reads the imprint
    closing = rest.rfind("(") if rest.endswith(")") else -1
    end = closing if closing > 0 and _named_imprint(rest[closing:]) else len(rest)
    # the book's title ends within its first few hundred characters: a text of thousands of abbreviations'
    # stops ('Ab. Cd. Ef. ...') is not tried at each one
    for stop in _SENTENCE_SPLIT.finditer(rest, 0, min(end, _BOOK_REACH)):
        # 'In Proc. Workshop on X' goes on; 'In The Book. London: Press' stops before the imprint
        before = rest[max(stop.start() - 6, 0) : stop.start()]
        if "ed" in before and _EDITOR_BEFORE_STOP.search(before) and not _editors_closed(rest, stop.start()):
            continue
        if (
            not _abbreviation_before(rest, stop.start())
            or (before.endswith(("Ed", "Eds")) and _editors_closed(rest, stop.start()))
            or _opens_with_place_colon(rest, stop.end())
            or _short_imprint_after(rest, stop.end())
        ):
            end = stop.start() + (rest[stop.start()] in "?!")  # 'In Where Do Rivers Go? Boston: ...' keeps its '?'
            container, tail = rest[:end], f"{rest[stop.end() :]} {tail}"
            break
    else:
        # 'In Advances in X, 7. San Mateo: Morgan Kaufmann', 'In Book, New York: Plenum Press': no sentence ends the book
        opening = _imprint_start(rest) if ": " in rest else None
        cut = rest.rfind(". ", max(0, len(rest) - _SHORT_IMPRINT))
        if opening:
            container, tail = rest[: opening.start()], f"{rest[opening.end() :]} {tail}"
        elif dated_editors and ", " in rest:
            # 'in Galland Olivier, 2011, La société française, Armand Colin, Paris, p. 13-41': a book, then its imprint
            parts = rest.split(", ")
            k = _imprint_part(parts)
            if k > 0:
                container, tail = ", ".join(parts[:k]), f"{', '.join(parts[k:])} {tail}"
        elif cut > 0 and _publisher_like(rest[cut + 2 :]) and _LETTERS.search(rest, 0, cut):
            # 'In Symposium on X, LNCS. Springer', 'In Proceedings of X (Sept.). IEEE, New York': the stop of an
            # acronym or an abbreviation ends the book before a publisher's name
            container, tail = rest[:cut], f"{rest[cut + 2 :]} {tail}"
    tail = strip_italics(tail).strip(" .,:;")
    if "ublished" in tail:
        reprint = _REPRINT_NOTE.search(tail)
        tail = tail[: reprint.start()] if reprint else tail  # 'Macmillan. New York. Originally published 1772'
    if tail[-1:].isdigit():
        tail = _without_closing_volume(tail, f)
        head, full_stop, number = tail.rpartition(". ")
        if full_stop and number.isdigit() and _LETTERS.search(head):
            tail = head  # a bare number after the imprint: 'Detroit. Morgan Kaufmann. 415'
    if " ." in tail:
        tail = _YEAR_GAP.sub(".", tail)  # 'Austin, Texas, 1984. ACM Press' without its year: 'Austin, Texas,  . ACM'
    not_yet = _NOT_YET_PUBLISHED.search(tail) if tail[-1:].lower() in "sgrtwdne)" else None  # how those notes end
    if not_yet:
        tail = tail[: not_yet.start()].rstrip(" .,")  # 'AAAI Press, 1999. To appear.'
    sentences = _tail_sentences(tail)
    pages_only = _PAGES_ONLY.match(sentences[-1])
    if pages_only:  # 'Wild mammals of North America. Pp. 326 - 353.'
        f.pages = f.pages or _page_range(pages_only.group("pages"))
        sentences = sentences[:-1]
        tail = ". ".join(sentences)
    imprint = _imprint_sentence(sentences) if _LETTERS.search(tail) else ""
    if imprint:
        place, place_stop, name = imprint.rpartition(". ") if ". " in imprint else ("", "", "")
        if place_stop and name[:1].isupper() and _place_and_date_only(place):
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
            f.pages = _range_only(_imprint_pages(tail)[1])
    f.container = _book_of_chapter(strip_italics(container).strip(" .,:;"), f)
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
        for stop in _SENTENCE_SPLIT.finditer(tail)
        if not (_abbreviation_before(tail, stop.start()) and _ABBREVIATION_NEXT.match(tail, stop.end()))
    ][-_TAIL_SENTENCES:]
    starts = [0, *(stop.end() for stop in stops)]
    ends = [*(stop.start() for stop in stops), len(tail)]
    return [tail[start:end] for start, end in zip(starts, ends, strict=True)]


def _publisher_like(sentence: str) -> bool:
    """Whether a sentence opens with a publisher's name: 'ACM, June 1994', 'Springer-Verlag, 1998', 'MIT Press'."""
    first = sentence.split(",", 1)[0].strip()
    return bool(_PUBLISHER_ACRONYM.match(first) or _IMPRINT_WORD.search(first) or _PUBLISHER_WORD.search(first))


def _imprint_sentence(sentences: list[str]) -> str:
    """The sentence of a chapter's tail that names its publisher: the last one, unless a place or a note follows
    the publisher ('Macmillan. New York', 'ACM, ACM Press, May 1996. Philadelphia PA', 'ACM, June 1994. Available
    via WWW', 'Springer-Verlag, 1998. method wrappers'); none if only where and when the meeting was held."""
    last = sentences[-1].strip()
    before = sentences[-2].strip() if len(sentences) > 1 else ""
    if _place_and_date_only(last):
        named = len(before) > 3 and len(before.split()) <= 6 and _LETTERS.search(before)  # not 'St' of 'St. Charles'
        return before if named and not _place_and_date_only(before) else ""
    if (
        before
        and _publisher_like(before)
        and (last[:1].islower() or not _publisher_like(last))
        and not _place_and_date_only(before)
    ):
        return before
    series, comma, name = last.partition(", ")
    if comma and series[-1:].isdigit() and _LETTERS.search(series) and name[:1].isupper():
        last = name  # a numbered series before the publisher: 'Contemporary Mathematics vol. 230, Amer. Math. Soc.'
    name, comma, date = last.rpartition(", ")
    if comma and _DATE_PART.fullmatch(date.strip(" .")) and _LETTERS.search(name):
        last = name  # the month of a meeting whose year was taken: 'ACM SIGCHI, ACM Press, May'
    head, gap, name = last.rpartition("  ")  # the year taken from 'Montreal, Canada, April 2001 ACM Press'
    if gap and name.strip()[:1].isupper() and _place_and_date_only(head.strip(" ,")):
        return name.strip()
    return last


#: Pages written after the publisher of a chapter: 'Springer. p. 323-335', 'ACM, pages 131-139'.
_TRAILING_PAGES = re.compile(r"[.,]?\s*(?:pp?\.|pages?)\s*(?P<pages>\d+\s*[-–]\s*\d+|\d+)\s*\.?\s*$")
#: One part of 'Publisher, Place, Country': a place is a few capitalised words or a state code ('NJ').
_PLACE_PART = re.compile(
    r"^(?:[A-Z]{2,3}|[A-Z]\.\s?[A-Z]\.?|[A-ZÀ-Þ][a-zà-ÿ][\w.'’\-]*(?:\s+(?:[A-ZÀ-Þ][a-zà-ÿ][\w.'’\-]*|am|upon|on|de|del)){0,2}"
    r"(?:\s+[A-Z]{2})?)$"  # 'New York NY': a state code after the city, without its comma
)


#: An edition statement between title and publisher: '2nd edn.', '3e éd.', 'Revised edition'.
_EDITION = re.compile(
    r"^\s*(?:\d+(?:st|nd|rd|th|e|ème|\.)?|revised|rev\.|new|nouvelle|first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth|tenth)\s+(?:edn|ed|éd|edition|édition|aufl)\.?\s*$",
    re.IGNORECASE,
)


#: Pages or a page count closing an imprint: 'Oxford University Press, 140-152', 'ACM, pages 75-94', '561 p.'
_IMPRINT_PAGES = re.compile(
    r"[,.]?\s*(?:(?:pp?\.|pages?)\s*)?(?P<pages>\d+\s*[-–]{1,2}\s*\d+|\d+(?=\s*pp?\.?$)|(?<=p\.\s)\d+|(?<=pp\.\s)\d+)\s*(?:pp?\.?)?$"
)
#: A place with its state before the publisher: 'San Jose, CA. AAAI Press', 'Washington, D. C. MIT Press'.
_PLACE_STATE_FIRST = re.compile(
    r"^[A-ZÀ-Þ][\w'’\-]*(?:\s+[A-ZÀ-Þ][\w'’\-]*){0,2},\s+(?:[A-Z]{2,3}|[A-Z]\.\s?[A-Z]\.)[.,:]?\s+(?P<name>[A-Z].*)$"
)
#: Cities that commonly open an imprint written place first ('Paris, Economica', 'London, Routledge'),
#: where the place cannot be told from a one-word publisher by its shape.
_PUBLISHING_CITIES = frozenset(
    [
        "Amsterdam",
        "Baltimore",
        "Barcelona",
        "Basel",
        "Beijing",
        "Berlin",
        "Bern",
        "Bologna",
        "Boston",
        "Bruxelles",
        "Brussels",
        "Cambridge",
        "Chicago",
        "Copenhagen",
        "Dordrecht",
        "Edinburgh",
        "Frankfurt",
        "Genève",
        "Geneva",
        "Hamburg",
        "Heidelberg",
        "Helsinki",
        "Leiden",
        "Leipzig",
        "Lisboa",
        "Lisbon",
        "London",
        "Lyon",
        "Madrid",
        "Marseille",
        "Melbourne",
        "Milano",
        "Milan",
        "Montréal",
        "Montreal",
        "Moscow",
        "München",
        "Munich",
        "New York",
        "Oslo",
        "Oxford",
        "Paris",
        "Philadelphia",
        "Princeton",
        "Québec",
        "Roma",
        "Rome",
        "Seoul",
        "Stockholm",
        "Stuttgart",
        "Sydney",
        "Tokyo",
        "Toronto",
        "Torino",
        "Toulouse",
        "Vienna",
        "Wien",
        "Zürich",
        "Zurich",
    ]
)


def _imprint_pages(text: str) -> tuple[str, str]:
    """(imprint, pages) for an imprint that may close with pages: 'Academic Press, 47-73' -> both parts."""
    text = text.strip(" .,;")
    if not text[-1:].isdigit() and not text.endswith(("p", "pp")):
        return text, ""  # the cheap test: most imprints end in a letter
    m = _IMPRINT_PAGES.search(text)
    if m is None or not _LETTERS.search(text, 0, m.start()):
        return text, ""
    return text[: m.start()].strip(" .,;"), _page_range(m.group("pages"))


def _range_only(pages: str) -> str:
    """A page range, not a page count ('561 p.' is the length of a book)."""
    return pages if "-" in pages else ""


#: A company suffix that continues the name before it: 'Methuen and Co. Ltd', 'Edinburgh Univ. Press', 'Sinauer, Inc.'
_CORPORATE_SUFFIXES = frozenset(
    ["Press", "Ltd", "Inc", "Co", "Corp", "Company", "LLC", "GmbH", "AG", "BV", "Pty", "Pub", "Publishers", "Verlag"]
)
#: A volume statement before the publisher: 'Vol. 3 Houghton Mifflin', '2 vols. Penguin'.
_VOLUME_BEFORE = re.compile(r"^(?:vols?\.|volume)\s*(?:\d+|[IVX]+\b)[.,]?\s+|^\d+\s+vols\.?\s+", re.IGNORECASE)
#: A note closing the imprint: 'PUF. (Original work published 1938)', 'Penguin (in French)'.
_NOTE_AFTER = re.compile(r"[.,]?\s*\([^()]{2,80}\)$")


def _is_corporate_suffix(part: str) -> bool:
    """'Ltd.', 'Inc', 'Press, Cambridge': the part opens with a word that only continues a company name."""
    return part.split(" ", 1)[0].rstrip(".,") in _CORPORATE_SUFFIXES


def _join_corporate_suffixes(parts: list[str], joiner: str) -> list[str]:
    """Put back a company suffix that a sentence or comma split cut off its name."""
    joined = parts[:1]
    for part in parts[1:]:
        if _is_corporate_suffix(part) and joined:
            joined[-1] = f"{joined[-1]}{joiner}{part}"
        else:
            joined.append(part)
    return joined


#: The year closing an imprint: 'Wiley, New York, 1946', 'Wiley & Sons 1994'.
_CLOSING_YEAR = re.compile(r"\s*,?\s*(?:1[5-9]\d\d|20\d\d)\s*$")
_UNIVERSITY = re.compile(r"\b(?:University|Université|Universität|Universidad|Universidade|Università|Institute)\b")


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
        and _LETTERS.search(head)
    ):
        return head
    return text


def _place_after_name(part: str, joined: bool) -> bool:
    """Whether `part` of 'Name, Place, Place' is a place; with `joined`, also two places ('Oxford and New York')."""
    return bool(_PLACE_PART.match(part)) or (joined and _place_alone(part))


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
    if name.startswith(_EDITIONS_ABBREVIATED) and name[name.find(" ") + 1 :][:1].isupper():
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
        if cut > 0 and name[cut + 1 :] in _PUBLISHING_CITIES and _NAME_BEFORE_CITY.search(name, max(0, cut - 12), cut):
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
    text = _without_report_number(_imprint_pages(text)[0])
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
        if len(kind) <= 40 and after[:1].isupper() and _THESIS_WORDS.search(kind) and not _PUBLISHER_WORD.search(kind):
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
        if _place_alone(second_place) and ": " in first_imprint:
            return publisher_name(first_imprint)  # 'London: Macmillan; New York: St. Martin's Press': the first
    if colon and name and len(place) <= 60 and not re.search(r"\d", place):
        return _without_series_after(name.strip(" .,"))
    # an edition among the places: 'John Wiley and Sons, Inc., New York, 3 edition', 'Addison-Wesley, second edition'
    parts = [part.strip() for part in text.split(",")]
    kept = [part for part in parts if not _EDITION.match(part)]
    if kept and len(kept) < len(parts):
        text = ", ".join(kept)  # '3rd ed., CSHL Press', 'Cambridge University Press, revised edition'
    first, *rest = _join_corporate_suffixes(kept, ", ")
    after_state = _name_after_state(text) if rest and ". " in text else ""
    if after_state:
        return after_state  # 'Giles, C. L., editors, Advances in X, pages 855-862, San Mateo, CA. Morgan Kaufmann'
    if len(rest) > 1 and _STATE.fullmatch(rest[0].rstrip(".")) and _PLACE_PART.match(first):
        name = ", ".join(rest[1:])
        if (
            name[:1].isupper()  # (not initials: 'Hanson, S. J., and Cowan, J. D., editors')
            and not _PUBLISHER_WORD.search(first)
            and not _PLACE_CODE.fullmatch(name)
            and name not in _COUNTRIES
        ):
            return name  # 'New York City, NY, Routledge': a place and its state code first
    # a thesis names its department, then its university: 'Department of Aeronautics, Stanford University'
    # ('The MIT Press, Cambridge, Massachusetts and London': after a publisher's word, places joined by 'and' too;
    # not after a place, where 'and' joins a name: 'New York, NY, Simon and Schuster')
    joined = bool(_PUBLISHER_WORD.search(first))
    places_after = next((k for k, part in enumerate(rest) if not _place_after_name(part, joined)), len(rest))
    if joined and 0 < places_after < len(rest) and _PUBLISHER_WORD.search(rest[places_after]):
        return first  # co-publishers, each with its place: 'Pitman Publishing, London, MIT Press, Cambridge'
    if rest and first and (len(first.split()) <= 6 or _body_name(first)) and places_after == len(rest):
        if thesis and any(_UNIVERSITY.search(part) for part in rest):
            return text
        if len(rest) == 1 and first in _PUBLISHING_CITIES and rest[0] not in _PUBLISHING_CITIES:
            return rest[0]  # 'Paris, Economica'
        if len(rest) == 1 and _acronym_not_place(rest[0]) and not _PUBLISHER_WORD.search(first):
            return rest[0]  # 'Insatsu Inki Gijutsu, CMC': a title, then the publisher's acronym
        return first
    if rest:
        state_first = _PLACE_STATE_FIRST.match(text)
        if state_first and not _is_corporate_suffix(state_first.group("name")):
            return _publisher_and_notes(state_first.group("name"))  # 'San Jose, CA. AAAI Press'
        if first in _PUBLISHING_CITIES or (len(rest) > 1 and _PLACE_PART.match(rest[0]) and len(rest[0]) <= 3):
            # 'London, Routledge', 'Chapel Hill, The University of North Carolina Press', 'New York City, NY, Simon'
            places = 2 if first not in _PUBLISHING_CITIES else 1
            name = ", ".join(([first, *rest])[places:])
            if name and name[0].isupper() and not any(_PLACE_PART.match(p.strip()) for p in name.split(",")[-1:]):
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
    if len(parts) < 3 or (_PUBLISHER_WORD.search(parts[0]) and len(parts[0].split()) <= _LEAD_NAME_WORDS):
        return ""  # (not a note that names the publishing: 'Published 1935 in Britain under the title of X')
    for k in range(1, min(len(parts), _IMPRINT_MAX_PARTS + 1)):
        if _PUBLISHER_WORD.search(parts[k]):
            named = all(_place_after_name(part, True) for part in parts[k + 1 :])
            return _without_city_after(parts[k]) if named else ""
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


def _body_in_sentence_case(text: str) -> bool:
    """A body's name that opens with its word and goes on in sentence case, as French and Spanish write them:
    'Service archéologique du conseil général des Ardennes', 'Ministère de la culture'."""
    words = text.split()
    return (
        1 < len(words) <= _BODY_NAME_WORDS
        and _BODY_WORD.fullmatch(words[0]) is not None
        and not _FIRST_DIGIT.search(text)
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
    return name if comma and _STATE.fullmatch(state) and _PLACE_PART.match(place) else ""


#: Words that join two names, which a series' title does not have: 'Farrar, Straus and Giroux'.
_NAMES_JOINED = re.compile(r"\s(?:and|&|et|und|y)\s")


def _without_series_after(name: str) -> str:
    """The publisher without the series set off by a comma after it: "L'Harmattan, Nouvelles Etudes
    Anthropologiques", 'Gallimard, Bibliothèque de la Pléiade' -> the name alone."""
    head, comma, series = name.partition(", ")
    if (
        not comma
        or not (_SERIES_WORD.search(series) or not _place_alone(series))  # 'Cold Spring Harbor'
        or _UNIVERSITY.search(head)  # a unit of the university: 'University of Chicago, Consortium on School Research'
        or ", " in series
        or len(series.split()) < 3
        or not series[:1].isupper()
        or _NAMES_JOINED.search(series)
        or _PUBLISHER_HINT.search(series)
        or _BODY_WORD.search(series)
        or _is_corporate_suffix(series)
        or series in _PUBLISHING_CITIES
        or series.rsplit(" ", 1)[-1] in _COUNTRIES
        or _STATE.fullmatch(series.rsplit(" ", 1)[-1])
    ):
        return name
    return head


def _split_publisher(after: str, f: _Fields) -> None:
    """'Sous-titre. Éditeur' -> the last sentence is the publisher, earlier ones continue the title."""
    after = _take_descriptors(after, f).strip(" .,")
    if ": " in after and not f.container and after[:1].isupper():
        after = _series_before_imprint(after, f)
    parts = _join_corporate_suffixes([p for p in _SENTENCE_SPLIT.split(after) if not _EDITION.match(p)], ". ")
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
        f.pages = _range_only(_imprint_pages(parts[-1])[1])
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
        and not _PUBLISHER_HINT.search(before)
        and after[:1].isupper()
        and not (_PLACE_CODE.fullmatch(after) or _STATE.fullmatch(after) or after in _COUNTRIES)
    )


def _subtitle_before_city(sentence: str) -> list[str]:
    """A sentence that holds a subtitle before 'City, Publisher', split before the city, or the sentence alone:
    'Histoire de la souveraineté, Paris, Gallimard' -> ['Histoire de la souveraineté', 'Paris, Gallimard']."""
    pieces = sentence.split(", ")
    for k in range(len(pieces) - 2, max(0, len(pieces) - 2 - _AFTER_CITY), -1):
        if pieces[k] in _PUBLISHING_CITIES and _subtitle_then_name(pieces[k - 1], pieces[k + 1]):
            return [", ".join(pieces[:k]), ", ".join(pieces[k:])]
    return [sentence]


#: A numbered series between a book's title and its imprint: 'Smithsonian Contributions to Anthropology 7.
#: Washington: Government Printing Office', 'The Crystal, ACA Monograph No. 3. Wilmington: Polycrystal Book Service'.
_SERIES_NUMBER = re.compile(
    r"(?:^|(?<=[.,]\s))(?P<series>[A-Z][\w&'’\-]*(?:\s+(?:of|to|in|on|for|and|the|[A-Z][\w&'’\-]*)){1,8}?)"
    r"\s+(?:No\.\s*(?P<no>\d{1,4})|(?P<volume>\d{1,4}))\.\s+(?=[A-ZÀ-Þ][\w.'’\- ]{1,30}:\s)"
)


def _series_before_imprint(after: str, f: _Fields) -> str:
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


_IMPRINT_PARENS = re.compile(r"\s*\((?P<place>[^():\d]{2,60}):\s*(?P<name>[^():\d]{2,80})\)$")
#: One to three capitalised abbreviations ('J. Ceram', 'Class', 'Nat'): the start of a journal's name.
_ABBREVIATED = re.compile(r"^(?:[A-Z][a-z]{0,5}\.\s){0,2}[A-Z][a-z]{0,5}$")
#: One to three capitalised words ('Stochastic Process'), and an abbreviation opening a text ('Appl. 65').
_CAPITALISED_NAME = re.compile(r"^(?:[A-Z][A-Za-z]{0,11}\.?\s){0,2}[A-Z][A-Za-z]{0,11}$")
_ABBREVIATION_FIRST = re.compile(r"[A-Z][a-z]{0,7}\.\s")


def _lone_range(m: re.Match[str]) -> bool:
    """A range alone after the journal, unlabelled: its pages ('IEEE Transactions on X, 985-987')."""
    volume = m.group("volume") or ""
    return bool(_DASHED.search(volume)) and not (
        m.group("label") or m.group("issue") or m.group("issue2") or m.group("pages")
    )


def _whole_tail(m: re.Match[str]) -> bool:
    """Enough numbers to be a journal tail at the end of a title: a volume and pages (or an article number),
    a labelled volume ('Sustainability, Vol. 12'), or pages that are no span of years ('Anthropology, 22-37')."""
    if m.group("volume") and (m.group("pages") or m.group("article") or m.group("label")):
        return True
    return _lone_range(m) and not _YEARS_SPAN.fullmatch(m.group("volume"))


_DASHED = re.compile(r"\d\s*[-–]")
#: Two years joined: the period a title covers ('1939-1945'), never pages.
_YEARS_SPAN = re.compile(r"(?:1[5-9]|20)\d\d\s*[-–/]\s*(?:(?:1[5-9]|20)\d\d|\d\d)")


#: A full stop with no space after a word of the title, before a capital: 'at a glance.J Cell Sci 130'.
_GLUED_STOP = re.compile(r"(?<=[a-z]{3})\.(?=[A-Z])")


#: An identifier in brackets closing a journal tail: ', [0908.1724].', ' [quant-ph/0503219]'.
_BRACKETED_ID = re.compile(r",?\s*\[[^\[\]\s]*\d[^\[\]\s]*\]\s*\.?$")


def _abbreviated_journal_start(title: str, after: str) -> tuple[str, str]:
    """The title and what follows it when the title's full stop was the one of an abbreviated journal after its
    comma: 'Title, Phys. Rev. Lett. 105 (2010) 050502, [0908.1724]' cut at 'Phys.' gives the journal back its first
    word (and the tail its bracketed identifier, which no journal tail reads)."""
    head, _, last = title.rpartition(", ")
    if len(head) < 4 or not _ABBREVIATED.match(last) or not _ABBREVIATION_FIRST.match(after):
        return title, after
    if not _FIRST_DIGIT.search(after):
        return title, after  # no volume or pages: 'Title, Part. Ed. Smith'
    if after.rstrip(" .").endswith("]"):
        after = _BRACKETED_ID.sub("", after)
    return head, f"{last}. {after}"


def _comma_journal_before_note(f: _Fields) -> str:
    """_comma_journal for a tail closed by a note: 'Title, Korean Journal of Remote Sensing, 27(3): 369-377 (in Korean
    with English abstract)'. The note is dropped with the tail; the title is left alone when no tail precedes it."""
    note = _TRAILING_NOTE.search(f.title)
    if note is None or not f.title[: note.start()].rstrip()[-1:].isdigit():
        return ""
    whole = f.title
    f.title = whole[: note.start()].rstrip()
    after = _comma_journal(f)
    if not after:
        f.title = whole  # 'Title, Part 2 (revised)': no journal tail before the note
    return after


#: A month closing a title whose journal tail it swallowed, the year taken: 'Title, Journal, vol. 5, no. 3, July'.
_CLOSING_MONTH = re.compile(rf"(?<=\d),\s*(?:{_MONTH})\.?$", re.IGNORECASE)


def _numbers_close(title: str) -> bool:
    """A title ending in a number, or in a month after one (the year taken): 'Journal, vol. 8, No 6, June'."""
    closing = title[-1:]
    return closing.isdigit() or (closing.isalpha() and bool(_CLOSING_MONTH.search(title, len(title) - 20)))


def _comma_journal(f: _Fields) -> str:
    """A journal tail the title swallowed; returns what follows the title ('' when none).

    'Title, Journal of X, 19(1), 223-234': the title ends at the last comma before a capitalised
    journal name.
    """
    month = _CLOSING_MONTH.search(f.title, max(0, len(f.title) - 20))  # 'Journal, vol. 8, No 6, June' (IEEE)
    m = _tail_match(f.title[: month.start()] if month else f.title)
    if m is None or not _whole_tail(m):
        return ""  # a number ending a title ('Title, Part 2'), not a journal's volume and pages
    head = m.group("container")
    cut = head.rfind(", ")
    while cut > 0 and not head[cut + 2 : cut + 3].isupper():
        cut = head.rfind(", ", 0, cut)
    glued = _GLUED_STOP.search(head) if cut <= 0 else None
    if glued:
        # 'Actin assembly mechanisms at a glance.J Cell Sci 130,3427-3435': the stop lost its space
        after = f.title[glued.end() :]
        f.title = head[: glued.start()].strip(" .,:")
        return after
    if cut <= 0:
        start = _vancouver_journal_start(head)
        if start <= 0:
            return ""
        after = f.title[start:]
        f.title = head[:start].strip(" .,:")
        return after
    after = f.title[cut + 2 :]
    f.title = head[:cut].strip(" .,:")
    return after


#: A proceedings after a comma that closes the title: 'Title, Proceedings of X', 'Title, in: Proceedings of X'.
_COMMA_PROCEEDINGS = re.compile(r",\s+(?:[Ii]n:?\s+)?(?=Proc(?:eedings\b|\.\s))")
#: Where a meeting was held: ', at Vienna, Austria'.
_AT_PLACE = re.compile(r",\s+at\s+[A-Z].*$")
#: Pages closing a venue: labelled ('pp. 319327', 'pages 70-78') or an unlabelled range ('. 509-12').
_CLOSING_RANGE = re.compile(
    r"[.,]\s*(?:(?:pp?\.?\s*|pages\s+)(?P<pages>\d+(?:\s*[-–]{1,2}\s*\d+)?)|(?P<range>\d+\s*[-–]{1,2}\s*\d+))$"
)


def _comma_proceedings(f: _Fields) -> bool:
    """A paper's proceedings the title swallowed, with no full stop before it: 'Title, Proceedings of the Eighth
    International Conference X (ISMIR), at Vienna, Austria. 509-12.', 'Title, in: Proceedings of X, UNESCO.'"""
    cuts = list(_COMMA_PROCEEDINGS.finditer(f.title))
    if not cuts or not _LETTERS.search(f.title, 0, cuts[-1].start()):
        return False
    cut = cuts[-1]  # the last one
    title, venue = f.title[: cut.start()].strip(" .,:"), f.title[cut.end() :]
    date = _TRAILING_DATE.search(venue) if venue[-1:].isalpha() else None
    if date:  # 'pages 70-78, May 1989' without its year
        venue = venue[: date.start()].rstrip(" ,")
    pages = _CLOSING_RANGE.search(venue) if venue[-1:].isdigit() else None
    if pages:
        f.pages = f.pages or _page_range(pages.group("pages") or pages.group("range"))
        venue = venue[: pages.start()]
    if ", at " in venue:
        venue = _AT_PLACE.sub("", venue)
    if "," in venue:
        venue = _meeting_tail(venue, f)
    f.title, f.container, f.type = title, venue.strip(" .,"), f.type or "chapter"
    return True


#: A word that names a publisher: 'MIT Press', 'Springer-Verlag', 'Éditions du Seuil', 'Focal Books', 'Wiley Inc'.
_PUBLISHER_WORD = re.compile(
    r"\b(?:Press|Presses|Verlag\w*|Publish\w*|Publications|[ÉE]ditions?|Ediciones|Editor[ae]s?|Editorial|Editrice"
    r"|Books|Inc|Ltd|GmbH)\b"
)


def _imprint_at(parts: list[str], k: int) -> bool:
    """Whether the comma-separated `parts[k:]` closing a title are an imprint.

    'Berlin: Springer' (a place and a colon), 'Paris, Payot' (a publishing city first),
    'Springer-Verlag, New York' (a name with a publisher's word, then places).
    """
    first, rest = parts[k], parts[k + 1 :]
    place, colon, name = first.rpartition(": ")
    if colon:
        return not rest and bool(name[:1].isupper() and _PLACE_PART.match(place.strip()))
    if len(rest) == 1 and first in _PUBLISHING_CITIES:
        # not after a publisher, whose city and state it is: 'MIT Press, Cambridge, Mass'
        return rest[0][:1].isupper() and len(rest[0].split()) <= 6 and not (k and _PUBLISHER_WORD.search(parts[k - 1]))
    return bool(first[:1].isupper() and _PUBLISHER_WORD.search(first) and all(_PLACE_PART.match(p) for p in rest))


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
    return all(w[:1].isupper() or (k and w in _NAME_CONNECTORS_SHORT) for k, w in enumerate(words))


#: A word naming a public or learned body, which publishes its own reports and books.
_BODY_WORD = re.compile(
    r"\b(?:Commission|Society|Association|Council|Institute|Department|Ministry|Ministère|Agency|Office|Bureau"
    r"|Centre|Center|Board|Service|Survey|Foundation|Authority|Academy|Académie|Committee)\b"
)
#: How many words a body's name may have.
_BODY_NAME_WORDS = 8


def _body_name(text: str) -> bool:
    """A body's name of up to eight capitalised words, longer than a short name may be: 'The Ergonomics Society of
    Taiwan', 'Victorian Multicultural Commission and VEOHRC'."""
    words = text.split()
    return len(words) <= _BODY_NAME_WORDS and bool(_BODY_WORD.search(text)) and _capitalised_words(words)


def _dated_imprint_in_parens(f: _Fields) -> None:
    """An imprint in parentheses closing the title, with its year: 'Metaphysical Song (Princeton University Press,
    1999)', 'Gustav Mahler (New York, NY: Viking Press, 1969)', 'The Emperor's New Mind (Oxford University Press, UK)'."""
    split = _imprint_in_closing_parens(f.title)
    if split:
        f.title, f.publisher = split


def _imprint_in_closing_parens(text: str) -> tuple[str, str] | None:
    """(what precedes, publisher) for a text closed by an imprint in parentheses, or None: 'Metaphysical Song
    (Princeton University Press, 1999)', 'The Messiaen Companion (London: Faber, 1995)'."""
    q = text.rfind("(")
    if q <= 0 or len(text) - q > _IMPRINT_PARENS_MAX:
        return None
    body = text[q + 1 : -1]
    if "(" in body or ")" in body:
        return None
    if "; " in body:  # SBL: the series and editors first, '(AB; Garden City, N.Y.: Doubleday, 1976)'
        body = body[body.rfind("; ") + 2 :]
    undated = _IMPRINT_YEARS.sub("", body).strip(" ,")
    dated, body = undated != body.strip(" ,"), undated
    if not body or _FIRST_DIGIT.search(body):
        return None
    parts = [part.strip() for part in body.split(",")]
    colon = next((k for k, part in enumerate(parts) if ": " in part), -1)
    if colon >= 0:
        # 'Detroit, MI: Wayne State University Press': places, then the place before the colon and the name
        # ('Montreal and Ithaca, NY: McGill-Queen's University Press': two places joined by 'and')
        found = colon == len(parts) - 1 and all(_place_alone(p) for p in parts[:colon])
        found = found and _imprint_at(parts, colon)
    else:
        found = _imprint_at(parts, 0) and (len(parts) > 1 or bool(_PUBLISHER_WORD.search(body)))
        # with its year, a short name and places is an imprint even without a publisher's word:
        # '(Springer, Dordrecht, 2006)', '(Dover,Mineola,NY,1998)', '(North-Holland, 1972)'
        found = found or (dated and _short_name(parts[0]) and all(_PLACE_PART.match(p) for p in parts[1:]))
    title = text[:q].strip(" .,:")
    if found and dated and parts[0] in _PUBLISHING_CITIES and len(parts) == 1:
        head, comma, name = title.rpartition(", ")
        if comma and len(head) >= 4 and _short_name(name) and name not in _PUBLISHING_CITIES:
            return head, name  # 'Handbook of Mathematical Functions, Dover (New York 1965)': the place and year alone
    return (title, publisher_name(body)) if found and len(title) >= 4 else None


#: What a Chicago note adds after its imprint in parentheses: the page or volume cited, or a bracketed note
#: ('(London: NLB, 1974), p. 19.', '(New York, 1967), Vol. 14.', '(London: Routledge, 1992). [And earlier editions].').
_CITED_AFTER_IMPRINT = re.compile(
    r"[.,]?\s*(?:(?:pp?\.\s*(?P<pages>\d+(?:\s*[-–]+\s*\d+)?)|(?i:vol\.?|volume)\s*(?P<volume>\d+|[IVXLC]+))"
    r"|\[[^\[\]]{1,60}\])\s*\.?$"
)
#: How far from the end the imprint's closing parenthesis may be.
_CITED_REACH = 80


def _imprint_then_cited(f: _Fields, text: str) -> bool:
    """Whether `text` (the title, or the title and what follows it) closes with a dated imprint in parentheses and
    then the page or volume cited, which the title took: 'Minima Moralia (London: NLB, 1974), p. 19.',
    'Differentialgleichungen (AMS Chelsea Publishing, New York, 1967), Vol. 14.'; if so, the fields are set."""
    close = text.rfind(")", max(0, len(text) - _CITED_REACH))
    cited = _CITED_AFTER_IMPRINT.match(text, close + 1) if close > 0 else None
    split = _imprint_in_closing_parens(text[: close + 1]) if cited else None
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


def _imprint_in_title_parens(f: _Fields) -> bool:
    """Whether the title closes with its imprint in parentheses, maybe without spaces, then maybe the chapter or page
    cited (IOP: 'Nuclear Structure vol II (Reading,MA:Benjamin)ch 4', 'Quantum Mechanics (Oxford: Clarendon) p 12');
    if so, title, volume, publisher and pages are set."""
    close = f.title.rfind(")", max(0, len(f.title) - _CITED_REACH))
    cited = _CITED_AFTER_PARENS.match(f.title, close + 1)
    imprint = _IMPRINT_PARENS.search(f.title, 0, close + 1) if cited else None
    if cited is None or imprint is None:
        return False
    title = f.title[: imprint.start()].strip(" .,")
    volume = _TITLE_CLOSING_VOLUME.search(title)
    if volume:
        title, f.volume = title[: volume.start()], volume.group("volume")
    f.title, f.publisher, f.type = title, imprint.group("name").strip(), "book"
    f.pages = _page_range(cited.group("pages")) if cited.group("pages") else f.pages
    return True


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
            or _FIRST_DIGIT.search(names)
            or _JOURNAL_WORD.search(names)
            or any(len(w) > 3 and w.islower() and w != "with" for w in names.split())
        ):
            return None  # 'Trans. Roy. Soc. 12', 'Ed. De Boeck université' (a publisher's 'Éditions')
        text = text[stop:].lstrip(")")
        nxt = _CONTRIBUTOR.match(text) or _CONTRIBUTOR.match(f". {text.lstrip(' .,;')}")
        if not nxt or nxt.start() != 0:
            return text.strip(" .,;:")
        text, m = nxt.string, nxt


def _without_contributors(rest: str, title: str, after: str) -> tuple[str, str]:
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


def _comma_venue(title: str, after: str) -> tuple[str, str]:
    """A title set off by a comma from the proceedings that follow it, which the title swallowed: 'Title, Proceedings
    of the Ninth Conference, 1995', 'Title, In Proceedings of X, pages 2-11'."""
    if "Proc" in title and after:  # with nothing after the title, _comma_proceedings reads it (place, pages)
        m = _PROCEEDINGS_AFTER_COMMA.search(title)
        if m and m.start() >= 10:
            venue = title[m.end() :]
            return title[: m.start()].strip(" .,:"), f"{venue}. {after}" if after else venue
    return title, after


_CONTRIBUTOR_OPENERS = frozenset("EeTtH")
_CONTRIBUTOR_WORDS = ("ed", "eds", "Ed", "Eds", "trans", "Trans", "tr", "Tr", "hrsg", "Hrsg")


#: Comma-separated parts an imprint may have: the publisher and up to four places.
_IMPRINT_MAX_PARTS = 5


def _year_closes_after(text: str, f: _Fields) -> str:
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
        or name in _PUBLISHING_CITIES
        or _PUBLISHER_WORD.search(places)
        or len(parts) > 3
        or not all(_PLACE_PART.match(part) for part in parts)
        or _place_alone(before)
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
    rf"|(?:{_MONTH})(?:\.?\s+(?:1[5-9]|20)\d\d)?"
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
        part, pages = _imprint_pages(parts[end - 1])  # 'Tome 1. 854 p': the length after the volume
        extra = _IMPRINT_EXTRA.fullmatch(part.strip(" ."))
        if extra is None:
            break
        counted = counted or bool(extra.group("count") or (pages and not _range_only(pages)))
        end -= 1
    window = max(1, end - _EXTRA_REACH)
    kept = parts[:window] + [
        part
        for part in parts[window:end]
        if not ((m := _IMPRINT_EXTRA.fullmatch(part.strip(" ."))) and m.group("edition"))
    ]
    return kept, counted


def _comma_imprint(f: _Fields, closing_year: str = "") -> None:
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
    body, length = _imprint_pages(f.title)  # '..., Chapel Hill, UNC Press, 275 p'
    # 'Boston, MA: Addison-Wesley Publishing Co., Inc.': a company suffix is no publisher of its own
    parts = _join_corporate_suffixes([part.strip() for part in body.split(",")], ", ")
    if len(parts) > 2 and parts[-1] == str(f.year):
        parts.pop()  # 'Rouse, H., 1946. Fluid Mechanics, Wiley, New York, 1946.': the year again, after the imprint
        closing_year = ","
    if len(parts) > 2:
        # 'Être et temps, Gallimard, Ed. 1986, Paris', 'Citations, Okad, Rabat, 200 pp': read without what follows
        # the imprint, if that finds it; a book's length closing it sets off its name and place as a closing year does
        trimmed, counted = _without_closing_extras(parts)
        counted = counted or bool(length and not _range_only(length))
        if (counted or len(trimmed) < len(parts)) and _title_before_imprint(
            f, trimmed, closing_year or ("," if counted else "")
        ):
            return
    _title_before_imprint(f, parts, closing_year)


def _title_before_imprint(f: _Fields, parts: list[str], closing_year: str) -> bool:
    """Whether the comma-separated `parts` of the title close with an imprint or a place (see _comma_imprint), which
    are then cut from the title: ['Fluids', 'Springer-Verlag', 'New York'] -> 'Fluids' and 'Springer-Verlag'."""
    place_then_year = bool(closing_year)
    k = _imprint_part(parts, place_then_year)
    if k < 0 and ". " in f.title:
        k = _imprint_after_stop(parts)
    if k >= 0:
        while k > 1 and parts[k - 1] in _PUBLISHING_CITIES:
            k -= 1  # 'Cambridge, New York: Wisconsin Press'
        head, stop, place = parts[k - 1].rpartition(". ") if k else ("", "", "")
        if stop and _PLACE_PART.match(place):
            parts[k - 1] = head  # 'Basic Business Finance, 3rd ed. Homewood, Illinois: Richard D. Irwin, Inc.'
        edition = k > 1 and bool(_EDITION.match(parts[k - 1]))  # the edition is part of neither
        title = ", ".join(parts[: k - edition]).strip(" .,:")
        if len(title) >= 4:
            f.title, f.publisher = title, publisher_name(", ".join(parts[k:]))
        return len(title) >= 4
    closing_body = closing_year == "," and _body_in_sentence_case(parts[-1])
    if len(parts) > 1 and (
        parts[-1] in _PUBLISHING_CITIES or (place_then_year and _place_or_name(parts[-1])) or closing_body
    ):
        # 'Homeric Modifications of Formulaic Prototypes, Amsterdam 1965': the place alone, which names no publisher
        title = ", ".join(parts[:-1]).strip(" .,:")
        if len(title) >= 4:
            f.title = title
            name = parts[-1]
            if closing_body:
                f.publisher = name  # 'Title, Service archéologique du conseil général des Ardennes, 66 pp'
            elif closing_year == "," and name not in _PUBLISHING_CITIES and _short_name(name) and _bare_name(name):
                # 'Linear Algebraic Groups, Springer, 1991': commas set off a name, a place runs into its year
                # (not a journal's: 'Title, George Mason Law Review, Vol. 62, 1994, 546 pp.')
                f.publisher = "" if _JOURNAL_WORD.search(name) else name
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
        if stop and _LETTERS.search(head) and _imprint_at([name, *parts[k + 1 :]], 0):
            parts[k : k + 1] = [head, name]
            return k + 1
    return -1


def _imprint_part(parts: list[str], place_then_year: bool = False) -> int:
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
    return ":" not in name and ";" not in name and not (" and " in name and _place_alone(name))


#: Words after a title's comma that number a part of it ('Volume Two 1990'), never a place.
_PART_WORDS = frozenset(["Band", "Book", "Chapter", "Part", "Tome", "Volume"])


def _place_or_name(text: str) -> bool:
    """What may stand alone between a title's comma and the entry's closing year: a place ('Wiesbaden 1974') or a
    publisher's short name ('Addison-Wesley, 1988', 'Mitchell Beazley, 2001'), not a part of the work."""
    return text.split(" ", 1)[0] not in _PART_WORDS and (_place_alone(text) or _short_name(text))


#: A state or country code closing an imprint's places: 'Reading, MA', 'Hsinchu, ROC'.
_PLACE_CODE = re.compile(r"[A-Z]{2,3}")


def _bare_imprint_at(parts: list[str], k: int, place_then_year: bool) -> bool:
    """Whether `parts[k:]` are a publisher with no publisher's word and its places: 'Ellipses, Paris',
    'Addison-Wesley, Reading, MA'; the last place must be a known city or a code unless the year follows it."""
    rest = parts[k + 1 :]
    if k == 0 or not rest or not (_short_name(parts[k]) or _body_name(parts[k])) or parts[k] in _PUBLISHING_CITIES:
        return False
    if parts[k].split(" ", 1)[0] in _PART_WORDS:
        return False
    if not all(_PLACE_PART.match(p) and not _PUBLISHER_HINT.search(p) for p in rest):
        return False  # (not a name after a place: 'Nueva York, Cornell University')
    return place_then_year or rest[-1] in _PUBLISHING_CITIES or bool(_PLACE_CODE.fullmatch(rest[-1]))


def _place_alone(text: str) -> bool:
    """Whether `text` reads as one place or two ('Wiesbaden', 'Berkeley and Los Angeles', 'New York-London')."""
    places = text.replace(" and ", "-").split("-") if " and " in text or "-" in text else [text]
    if text.split(" ", 1)[0] in _PART_WORDS:
        return False
    return all(_PLACE_PART.match(place.strip()) for place in places)


#: A word of a journal's name in Vancouver style, capitalised and without full stops ('Proc', 'Natl', 'USA').
_VANCOUVER_WORD = re.compile(r"[A-Z][A-Za-z'’\-]*")


def _vancouver_journal_start(head: str) -> int:
    """Where the journal starts in 'Title in sentence case Journal Abbrev ;' (or with no ';': 'Title in sentence case
    Semin Immunol 9: 329-330, 1997'), or -1.

    Vancouver entries put the year between the journal and the volume ('... from amino acid sequence
    Biopolymers 1986; 25: 1659-1672'): with no full stop after the title, the journal is the run of
    capitalised words before the year's ';' (small words inside it, 'Journal of X and Y', stay with it).
    """
    body = head[:-1] if head.endswith(";") else head  # without the ';', the year was elsewhere ('(1993) 14:274')
    words = list(re.finditer(r"\S+", body))
    k = len(words)
    while k > 0 and (_VANCOUVER_WORD.fullmatch(words[k - 1].group()) or words[k - 1].group() in _NAME_CONNECTORS_SHORT):
        k -= 1
    while k < len(words) and words[k].group() in _NAME_CONNECTORS_SHORT:
        k += 1  # the journal starts with a capital
    if k == 0 or k == len(words) or len(words) - k > 8:
        return -1
    if not any(w.group().islower() and len(w.group()) > 3 for w in words[:k]):
        return -1  # a title in capitals throughout cannot be told from its journal
    return words[k].start()


_NAME_CONNECTORS_SHORT = frozenset(["of", "and", "the", "for", "in", "&"])


#: One word of an abbreviated journal name before its full stop: 'Phys', 'Contemp', 'J', 'Am', 'Opthalmol'.
_ABBREVIATION_WORD = re.compile(r"[A-Z][A-Za-z&]{0,8}")
_JOURNAL_STOP = re.compile(r"\.\s*(?=[A-Z])")
_FIRST_DIGIT = re.compile(r"\d")
#: How far the volume of a title-less journal tail may be: a 60-character journal and its 'vol.'.
_TITLELESS_JOURNAL_REACH = 80
_SERIES_LETTER = re.compile(r"[A-Z]")


def _titleless_journal(rest: str) -> bool:
    """'2003, ApJ, 592, 839', '2005 Contemp. Phys. 46 277.', '1987, Science 235: 442-447': the work right
    after the year is a journal, its volume and pages, with no title (physics, astronomy, patents' lists).

    The journal is one name without sentence ('Experimental Astronomy', 'A&A') or abbreviations, each one
    capitalised word before a full stop ('N. Engl. J. Med.', 'Nat.Rev.Neurosci.'); a title before it would
    be a sentence of several words ('Metacaspases. Cell Death ...' is a title: one word of 12 letters).
    """
    # The cheap tests first, on the text before the numbers and without italic marks (most entries
    # have a title there, which fails them); the italics are taken out properly only for the rest.
    bare = rest.replace("*", "").strip(" .,:;")
    if not bare[:1].isupper() or not bare[-1:].isalnum() or len(bare) > 120 or bare.startswith(("In ", "Dans ")):
        return False
    first_digit = _FIRST_DIGIT.search(bare, 0, _TITLELESS_JOURNAL_REACH)
    if first_digit is None or not _journal_name_only(_before_volume(bare[: first_digit.start()])):
        return False
    plain = strip_italics(rest).strip(" .,:;")
    m = _tail_match(plain)
    if m is None and plain[-1:].isalpha():  # the months of the issue after the pages: '6(5): 573-81, Sept-Oct'
        date = _TRAILING_DATE.search(plain)
        m = _tail_match(plain[: date.start()].rstrip(" .,;")) if date else None
    if m is None or not m.group("volume") or not (m.group("pages") or m.group("article")):
        return False
    return _journal_name_only(m.group("container"))


def _before_volume(head: str) -> str:
    """The text before a volume without its separator, label or series ('ApJ, ', 'Nature, vol. ', 'IEEE C-')."""
    head = head.rstrip(" ,(-")
    if head[-1:].isupper() and head[-2:-1] in (" ", ","):  # 'IEEE Trans. Comput. C-26'
        head = head[:-1].rstrip(" ,")
    word = head.rsplit(None, 1)[-1] if head else ""
    if word.rstrip(".").lower() in {"vol", "volume", "v", "t", "tome", "bd", "nr"}:
        head = head[: -len(word)].rstrip(" ,")
    return head


_NOT_IN_JOURNAL = re.compile(r"[\d?!:;,\"“”«»()\[\]]")


def _journal_name_only(name: str) -> bool:
    """A journal's name and nothing else (see _titleless_journal): no title sentence, no comma."""
    written = name.strip(" ,;:")
    journal = written.rstrip(".")
    if not journal or len(journal) > 60 or _NOT_IN_JOURNAL.search(journal):
        return False  # 'Title, Journal, 12, 3-4' is a title ended by a comma (_comma_journal)
    *abbreviations, last = _JOURNAL_STOP.split(journal)
    if not abbreviations:
        return len(last.split()) <= 5 and not last.startswith(("In ", "Dans "))
    # Abbreviations all through, the last one too: 'Contemp. Phys.', 'J. Bone Miner. Res.', 'Phys. Rev. D';
    # 'Vancomycin. Mayo Clin Proc' and 'Mapping. Meteoritics' are a one-word title and its journal.
    if not (written.endswith(".") or _SERIES_LETTER.fullmatch(last)):
        return False
    pieces = [*abbreviations, last]
    words = [w for piece in pieces for w in piece.split()]
    if not all(_ABBREVIATION_WORD.fullmatch(w) for w in words) or any(len(p.split()) > 3 for p in pieces):
        return False
    # several words between two stops ('Bone Miner'): one abbreviation at least is very short ('J', 'Am', 'Soc')
    return all(" " not in p for p in pieces) or any(len(w) <= 3 for w in words)


#: A full stop between two sentences, or two abbreviations of a journal's name ('Mar. Poll. Bull.').
_SENTENCE_STOP = re.compile(r"\.\s+(?=[A-Z(\[А-ЯЁ])")
#: Small words that journal names hold in lowercase ('Journal of the ...', 'Zeitschrift für ...').
_NAME_CONNECTORS = frozenset(
    [
        "of",
        "the",
        "and",
        "for",
        "from",
        "with",
        "into",
        "over",
        "upon",
        "les",
        "des",
        "del",
        "della",
        "der",
        "die",
        "das",
        "und",
        "für",
        "fur",
        "zur",
        "zum",
        "van",
        "von",
    ]
)


def _title_like(piece: str) -> bool:
    """A sentence of a title, not a piece of a journal's name: it holds a lowercase word of four letters or
    more that is no abbreviation ('Anatomy and connectivity', 'I. La flore'; not 'Univ. fed', 'Trans. of the ASME')."""
    for word in piece.split():
        bare = word.strip(",;:()[]'\"")
        if (
            len(bare) >= 4
            and bare.isalpha()
            and bare.islower()
            and bare not in _NAME_CONNECTORS
            and not word.endswith(".")
        ):
            return True
    return False


#: A word of a journal's name written in full, in the languages of the lists.
_JOURNAL_NAME_WORD = re.compile(
    r"\b(?:Journal|Review|Revue|Bulletin|Quarterly|Letters|Transactions|Annals|Annales|Annali|Magazine|Zeitschrift"
    r"|Zeitung|Zentralblatt|Jahrbuch|Jahrbücher|Mitteilungen|Berichte|Abhandlungen|Archiv|Archives|Rivista|Revista"
    r"|Bollettino|Boletín|Giornale|Cahiers|Proceedings)\b"
)


def _journal_sentences(container: str) -> tuple[str, str]:
    """(title sentences, journal) of a journal name that begins with the end of the title.

    'Anatomy and connectivity. Brain Research Reviews' -> the title's last sentence goes back to it; the
    journal is what follows the last sentence that reads as a title: 'I. La flore. Port. Acta Biol. B' ->
    ('I. La flore', 'Port. Acta Biol. B'). 'Trans. of the ASME, J. Heat Transfer' stays whole.
    """
    pieces = _SENTENCE_STOP.split(container)
    start = next((i + 1 for i in range(len(pieces) - 2, -1, -1) if _title_like(pieces[i])), 0)
    # a journal's name spelled out starts a sentence of its own: 'Museum in Wien. Wiener Entomologische Zeitung',
    # 'Mahatma Gandhi. International Journal of X' (not 'Geol. Soc. Am. Bulletin': one word after abbreviations)
    for i in range(start, len(pieces)):  # the first: 'Journal of X. An International Journal of Y' stays whole
        if " " in pieces[i].strip() and _JOURNAL_NAME_WORD.search(pieces[i]):
            start = i
            break
    if start == 0:
        return "", container
    return ". ".join(pieces[:start]), ". ".join(pieces[start:])


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
    if _titleless_journal(rest):
        return "", False  # 'Bender C M, Boettcher S 1998 Phys. Rev. Lett. 80 5243': the year split names and journal
    for cut in _NAMES_END.finditer(block, max(0, len(block) - 130)):
        if not _titleless_journal(f"{block[cut.end() :]} {rest}"):
            continue
        names = block[: cut.start()] if block[cut.start()] == "," else block[: cut.end()]
        for natural in (False, True):  # 'Dean C. et al.', then 'K. Osterwalder and E. Seiler'
            if _only_names(names, natural):
                return names, natural
        return "", False
    return "", False


_INITIAL_AND_NAME = re.compile(r"\s*[A-Z]\.\s*[A-Z][a-z]{5,}\.")


def _journal_alone(text: str) -> bool:
    """An entry that is only a journal, volume and pages ('Thrombosis Res. 101: 329-354'), as patents cite:
    the journal must be abbreviated or say it is one, so that 'Smith J 12: 3-4' keeps its name."""
    if not _titleless_journal(text) or _INITIAL_AND_NAME.match(text):
        return False  # 'R. Bernabei. Riv. Nuov. Cim. 18, 1' opens with a name
    m = _tail_match(strip_italics(text).strip(" .,:;"))
    journal = m.group("container") if m else ""
    labelled = bool(m and m.group("label"))  # 'Cell, Vol. 93, p. 705 (1998)'
    return labelled or ". " in journal or journal.endswith(".") or bool(_JOURNAL_WORD.search(journal))


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


def _punctuated_bare_imprint(rest: str) -> str:
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
        if _IMPRINT_WORD.search(place[-1]) or not _LAST_WORD.search(head, max(0, len(head) - 40)):
            continue  # 'ACM Press' is a name; the place follows a capitalised word
        if place[0] in _PUBLISHING_CITIES or place[0] in _COUNTRIES or _IMPRINT_WORD.search(head):
            pages = _BARE_PAGES.search(head, max(0, len(head) - _BARE_IMPRINT_REACH))
            if pages:
                head = f"{head[: pages.start()]}, pp. {pages.group('pages')}. {head[pages.end() :]}"
            return f"{head}, {' '.join(place)}{note}"
    return rest + note


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


def parse_entry(raw: RawEntry, ref_id: str, source: str = "list", footnote: str = "") -> Reference:
    """Parse a raw entry into a Reference. Never raises; problems are recorded instead."""
    f = _Fields()
    text = _lift_identifiers(fold_typography(raw.text), f)
    if text[-1:] in _FOOTNOTE_MARKS:  # a CV's marks after an entry: '... 144-145. 2009. *†' (student co-author)
        head = text.rstrip(_FOOTNOTE_MARKS + " ")
        if text[len(head) : len(head) + 1] == " ":  # standing apart, not the star closing an italic title ('*Title*')
            text = head
    first = text[:1]
    if first.isdigit() or first in _LEADING_NUMBER_FIRST or "\ue000" <= first <= "\uf8ff":  # how _LEADING_NUMBER starts
        text = _LEADING_NUMBER.sub("", text, count=1)
    block, rest = _take_year(text, f)
    if _NUMBERS_ONLY.match(rest) and _LETTERS.search(block):
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
        if not names and _journal_alone(f"{block} {rest}"):
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
            block, rest, natural = names, f"{title} {_punctuated_bare_imprint(rest)}", True
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
    titleless = _titleless_journal(rest)
    if titleless:
        title, after = "", rest.strip(" .,:;")
    else:
        title, after = _split_title(rest)
        title, after = _without_contributors(rest, title, after)
        if not delimited:
            title, after = _comma_venue(title, after)
        title = _take_descriptors(title, f)
        if ", " in title and after[:1].isupper() and "." in after[:9]:
            title, after = _abbreviated_journal_start(title, after)
    if not title and after and not titleless:
        title, after = _split_title(after)
    f.title = strip_italics(title).strip(" .,:")
    comma_cut = False
    if not after.strip(" .,;") and "Proc" in f.title:
        comma_cut = _comma_proceedings(f)
    opening = after[:1]
    if ((opening == "[" or not after.strip(" .,;")) and ")" in f.title[-_CITED_REACH:]) or opening == "(":
        # 'Minima Moralia, trans. E.F.N. Jephcott (London: NLB, 1974), p. 19.': the imprint, then what is cited
        whole = f"{f.title} {after}" if after else f.title
        if _imprint_then_cited(f, whole):
            after, comma_cut = "", True
    if not after.strip(" .,;") and not comma_cut and ")" in f.title[-_CITED_REACH:] and ":" in f.title:
        comma_cut = _imprint_in_title_parens(f)
    if not after.strip(" .,;") and not comma_cut and _numbers_close(f.title) and not f.title.startswith("*"):
        after = _comma_journal(f)
        comma_cut = bool(after) or _title_into_journal(f)
    elif not after.strip(" .,;") and not comma_cut and f.title.endswith(")") and ", " in f.title:
        after = _comma_journal_before_note(f)
        comma_cut = bool(after)
    if not after.strip(" .,;") and not comma_cut and ("," in f.title or "; " in f.title):
        # 'B. Fenik, Studies in the Odyssey, Wiesbaden 1974.': the year closes the entry right after the title
        _comma_imprint(f, _year_closes_after(text, f))
    title_was_italic = rest.strip().startswith("*")
    if not after.strip(" .,;") and f.title.endswith(")"):
        # 'The Theory of Autonomy (Cambridge: Cambridge University Press)': the imprint in parentheses
        imprint = _IMPRINT_PARENS.search(f.title)
        if imprint:
            f.title, f.publisher = f.title[: imprint.start()].strip(" .,"), imprint.group("name").strip()
        else:
            _dated_imprint_in_parens(f)
    # a quoted title set off by a comma ('"Title," Venue', '"Title", Venue'): what follows is what it is part of
    quoted = False
    if after and title_mark in "«“\"'‘":  # the quote first: most titles have none
        whole = rest.rstrip(" .,:;")
        head = whole[: len(whole) - len(after)].rstrip() if whole.endswith(after) else ""
        # (not when it names the author: 'Le Monde. 2016. "Title," Le Monde.' publishes its own work)
        quoted = head.endswith(_COMMA_AND_QUOTE) and after not in block
    _parse_after_title(after, f, quoted=quoted)
    if f.type == "article-journal" and f.container and ", " in f.title[-_JOURNAL_IN_TITLE_REACH:]:
        _journal_from_title(f)
    italic_journal = after.lstrip().startswith("*")  # 'Title. *Journal* 12': the italics end the title
    if f.type == "article-journal" and ", " in f.title and not italic_journal and not comma_cut:
        # 'Title, Class. Quantum Grav., 4, 893-898': the title stopped inside an abbreviated journal name
        head, _, last = f.title.rpartition(", ")
        if _ABBREVIATED.match(last) or (_CAPITALISED_NAME.match(last) and _ABBREVIATION_FIRST.match(after.lstrip())):
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
        lead, journal = _journal_sentences(f.container)
        if lead and not _THESIS_WORDS.search(lead) and not _REPORT_WORDS.search(lead) and "edit" not in lead:
            f.title = f"{f.title}{'' if f.title.endswith(('?', '!')) else '.'} {lead}"
            f.container = journal
            chapter = _PLAIN_CHAPTER.match(journal)
            if chapter:  # 'Title. In Proceedings of X, pages 15-26'
                f.container, f.type = journal[chapter.end() :], "chapter"
    if not f.type:
        if _THESIS_WORDS.search(after) and "[" in raw.text:
            f.type = "thesis"
        elif _REPORT_WORDS.search(after):
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
