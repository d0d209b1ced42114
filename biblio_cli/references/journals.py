"""Read a journal's name and numbers: 'Nature 12(3): 4-5', 'J. Appl. Phys., vol. 3, no. 2, pp. 4-9, 2001'."""

from __future__ import annotations

import re

from biblio_cli.markup import strip_italics
from biblio_cli.references.fields import Fields
from biblio_cli.references.imprints import is_corporate_suffix, join_corporate_suffixes, publisher_name
from biblio_cli.references.titles import title_like
from biblio_cli.references.vocabulary import (
    CHAPTER_MARKER,
    CORPORATE_SUFFIXES,
    COUNTRIES,
    FIRST_DIGIT,
    IMPRINT_WORD,
    ITALIC,
    JOURNAL_WORD,
    LETTERS,
    MEETING,
    MONTH,
    NAME_CONNECTORS,
    NAME_CONNECTORS_SHORT,
    NOT_YET_PUBLISHED,
    PLACE_PART,
    PUBLISHER_HINT,
    PUBLISHER_WORD,
    PUBLISHING_CITIES,
    REPORT_WORDS,
    SENTENCE_SPLIT,
    STATE,
    THESIS_WORDS,
    TRAILING_DATE,
    page_range,
    place_alone,
)

#: A month or the season of a quarterly's issue: 'Radical History Review 76 (Winter): 136-168'.
_MONTH_OR_SEASON = rf"{MONTH}|spring|summer|fall|autumn|winter"
#: A month (or two) before the pages: 'No 4, October, 1970, pages 589-602', 'No.2. 1 April 1989, pages 21-31'.
_MONTH_BEFORE_PAGES = rf"(?i:{MONTH})\.?(?:\s*[-/–]\s*(?i:{MONTH})\.?)?[\s,]*(?=(?i:pp?\.|pages))"
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
    rf"(?:(?<=[)\d])|(?=\s*(?:$|[,.:(\d]|[A-Z]{{1,2}}-|[IVXLC]+\b|S\.|(?i:{MONTH}|vol|volume|t\.|tome|bd|band|v\.|nr"
    r"|n[°o.]|nos?\.|num\.|issue|heft|suppl|supplement|pp|p\.|pages|seiten))))"
    r"\s*,{0,2}\s*"
    # a month (its year was taken as the entry's): 'L'Aide-soignante, septembre 2004, n°59. p. 24-25'
    rf"(?:(?<=,\s)(?i:{MONTH})\.?(?:\s+(?:1[5-9]|20)\d\d)?\s*,\s*(?=n|\d))?"
    r"(?:(?<![^\W\d_])(?P<label>(?i:vol\.?|volume|t\.|tome|bd\.?|band|v\.|nr\.?))\s*)?"
    # a number, a range, a series letter ('IEEE Trans. Comput. C-26(3)') or a roman number ('XII:757', 'Vol. XV')
    r"(?P<volume>(?:(?<![^\W\d_])[A-Z]{1,2}-)?\d+(?:\s*[-–/]-?\s*\d+)?|(?<![^\W\d_])[IVXLC]+(?=\s*:)"
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
#: A parenthesised note closing an entry: '(in German)', '(in Korean with English abstract)'.
_TRAILING_NOTE = re.compile(r"[.,]?\s*\((?:[^()\d]{2,60})\)$")
#: The longest text read as a journal tail (journal name, numbers, and a title around it for comma_journal):
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
            return None if CHAPTER_MARKER.search(m.group("container")) else m
    return None


#: A date left where a meeting's year was taken: 'June', 'Sept. 26-28', '8 May'.
DATE_PART = re.compile(rf"(?:\d{{1,2}}\s+)?(?:{MONTH})\.?(?:\s*\d{{1,2}}(?:\s*[-–]+\s*\d{{1,2}})?)?", re.IGNORECASE)
#: A city and its state code without a comma between them: 'Philadelphia PA', 'New Haven CT'.
_CITY_STATE = re.compile(r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s[A-Z]{2}")


def place_and_date_only(text: str) -> bool:
    """Where and when a meeting was held, which names no publisher: 'Chicago, IL, June', 'Helsinki, Finland',
    'Seattle, Washington, 8 May' (but not 'Springer, Berlin' or 'Petersburg', whose shape does not tell)."""
    parts = [part.strip(" .") for part in text.split(",")]
    for k, part in enumerate(parts):
        following = parts[k + 1] if k + 1 < len(parts) else ""
        if not (
            DATE_PART.fullmatch(part)
            or STATE.fullmatch(part)
            or part in COUNTRIES
            or part in PUBLISHING_CITIES
            or _CITY_STATE.fullmatch(part)
            or (
                (STATE.fullmatch(following) or following in COUNTRIES)
                and PLACE_PART.match(part)
                and not (PUBLISHER_WORD.search(part) or IMPRINT_WORD.search(part))  # 'ACM Press, NY'
            )
        ):
            return False
    return True


_MONTH_DATE = re.compile(rf"^(?:{MONTH})\.?\s*\d{{1,2}}(?:\s*[-–]+\s*\d{{1,2}})?$", re.IGNORECASE)
#: A publisher's acronym: 'ACM', 'IEEE', 'SIAM' (two letters are a state: 'CA').
PUBLISHER_ACRONYM = re.compile(r"^[A-Z]{3,6}(?:\s+Press)?$")


def meeting_tail(container: str, f: Fields) -> str:
    """A meeting's name without the place, dates and publisher after it.

    'Proceedings of X (Arlington, VA, Dec 3-6)', 'Conference on Y, Tokyo, Japan', 'Symposium Z, ACM, New York'.
    """
    if container.endswith(")"):
        opening = container.rfind("(")
        inside = container[opening + 1 : -1]
        if opening > 0 and "," in inside and PLACE_PART.match(inside.split(",", 1)[0].strip()):
            container = container[:opening].rstrip(" ,")
    parts = [part.strip() for part in container.split(",")]
    keep = len(parts)
    while keep > 1 and not MEETING.search(parts[keep - 1]):
        place, stop, part = parts[keep - 1].rpartition(". ")  # 'Boston, MA. IEEE Press'
        if stop and not PLACE_PART.match(place):
            break
        if part in COUNTRIES:
            pass  # 'Los Angeles, USA': a place, not a publisher's acronym
        elif (
            PUBLISHER_ACRONYM.match(part)
            or PUBLISHER_WORD.search(part)
            or (STATE.fullmatch(place) and part[:1].isupper())
        ):
            f.publisher = f.publisher or part  # 'Chicago, IL. Chicago Linguistic Society': a name after the place
        elif not (PLACE_PART.match(part.rstrip(".")) or _MONTH_DATE.match(part)):  # 'Seattle, WA., July'
            break
        keep -= 1
    return ", ".join(parts[:keep])


def without_society_or_place(container: str) -> str:
    """The journal or venue without its society or place after a comma: 'J. Struct. Eng., ASCE' -> 'J. Struct.
    Eng.', 'Bulletin du Museum National d'Histoire Naturelle, Paris', 'Proceedings of the National Academy of
    Sciences, USA', '14th World Conference on Earthquake Engineering, Beijing, China', 'X Conference, San Diego, CA'."""
    if container.endswith((")", ").")) and "(" in container:
        container = _PLACE_IN_PARENS.sub("", container)  # '(Atlanta, GA, Mar. 22-27)'
    if ", " not in container:
        return container
    parts = container.split(", ")
    last = parts[-1].rstrip(".")
    if last in COUNTRIES or STATE.fullmatch(last):
        drop = 2 if len(parts) > 2 and _PLACE_NAME.fullmatch(parts[-2]) else 1  # the city before the country
    elif (
        last in PUBLISHING_CITIES
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
#: A city: one to three capitalised words ('San Diego', 'Salt Lake City').
_PLACE_NAME = re.compile(r"[A-ZÀ-Þ][\w.'’\-]*(?:\s+[A-ZÀ-Þ][\w.'’\-]*){0,2}")
#: Where and when a conference met, in parentheses at the end of its name: '(Atlanta, GA, Mar. 22-27)'.
_PLACE_IN_PARENS = re.compile(rf"\s*\((?=[^()]*(?:,\s*[A-Z]{{2}}\b|\b(?:{MONTH})\.?\s+\d))[^()]*\)\.?$", re.IGNORECASE)
#: A year between a journal's name and its volume, with no comma (Vancouver): 'Military Medicine. 2013 178(3) 246-253',
#: 'Prehosp Disaster Med. 2007;22(1): 86-88' ('Periodontology 2000, 71(1)' keeps its year: a comma follows it).
_YEAR_BEFORE_VOLUME = re.compile(r"(?<=[^\W\d_]|\.)\s+((?:1[5-9]|20)\d\d)\s*;?\s*(?=\d{1,4}[A-Z]?\s*[(:])")
#: Vancouver's date before the volume, its year taken (leaving its spaces) or not: 'Oncogene. 2010 Mar 18;29(11)',
#: 'Diabetes Care. 2010 Oct;33(10)', 'Nurs Stand. 2009 Jul-Aug;23(2)' (but a journal's 'Sci Mar 2000; 64' keeps its name)
_DATE_BEFORE_VOLUME = re.compile(
    rf"(?<=[^\W\d_]|\.)(?:\s+(?:1[5-9]|20)\d\d\s+|\s\s+)(?i:{_MONTH_OR_SEASON})\.?(?:[-–/](?i:{MONTH})\.?)?"
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
_DAY_MONTH_END = re.compile(rf"(?<![\s,])[\s,]+\d{{1,2}}\s+(?i:{MONTH})$")
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
    return all(word[:1].isupper() or word in NAME_CONNECTORS or word in NAME_CONNECTORS_SHORT for word in part.split())


def _strong_publisher(part: str) -> bool:
    """A company's name by its last word: 'Elsevier B.V', 'Springer Verlag', 'MCB University Press'."""
    return part.rsplit(" ", 1)[-1].replace(".", "") in CORPORATE_SUFFIXES or IMPRINT_WORD.search(part) is not None


def _publisher_of_journal(part: str, places: int, separator: str, after_sentence: bool) -> bool:
    """Whether `part`, closing a journal's name, names who publishes it: a company ('Elsevier B.V', 'Elsevier Science
    Publishers BV'), an acronym after a comma and before its place ('X, ACM, New York'), a society, university or institute after a full
    stop or before its place ('Journal of X. Korean Nuclear Society'); not a part of the name ('Proc. IEEE', 'Theory,
    Culture and Society', 'Signal Processing Magazine, IEEE', 'Akad. Wiss. DDR. Berlin', 'Special Publications')."""
    words = part.split()
    if not (0 < len(words) <= _JOURNAL_PUBLISHER_WORDS and part[:1].isupper()) or not _name_words(part):
        return False
    if FIRST_DIGIT.search(part) or "(" in part or JOURNAL_WORD.search(part) or MEETING.search(part):
        return False
    if _SOCIETY.fullmatch(part):
        return places > 0 and "," in separator
    if _strong_publisher(part):
        return True
    return (places > 0 or after_sentence) and PUBLISHER_HINT.search(part) is not None


def _journal_place(part: str, places: int) -> bool:
    """A place after a journal's publisher: a country, a state, a publishing city, or a city before a country."""
    return (
        part in COUNTRIES
        or part in PUBLISHING_CITIES
        or STATE.fullmatch(part) is not None
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
        if is_corporate_suffix(part) and k > 0 and "," in cuts[k].group():
            continue  # 'American Institute of Steel Construction, Inc.': the suffix goes with the name before it
        journal = container[: cuts[k].start()].strip(" ,;")
        # a sentence's stop, not an abbreviation's: 'Journal of X. Korean Nuclear Society', not 'Proc. Royal Society'
        abbreviated = abbreviation_before(journal, len(journal))
        if _publisher_of_journal(part, places, cuts[k].group(), "." in cuts[k].group() and not abbreviated):
            if FIRST_DIGIT.search(journal[-20:]) or REPORT_WORDS.search(container) or THESIS_WORDS.search(container):
                return "", ""  # numbers the tail did not read ('vol. 1. IEEE'), a report's or thesis's institution
            if not LETTERS.search(journal):
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
    return _strong_publisher(part) or part.isupper() or PUBLISHER_HINT.search(part) is not None


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
    parts = join_corporate_suffixes([part.strip() for part in container.split(", ")], ", ")
    if parts[-1] in _VOLUME_LABEL and len(parts) > 1:
        parts.pop()
    name = parts[0]
    if (
        not (_COMPANY_WORD.search(name) and _name_words(name.replace(" et ", " & ")))
        or JOURNAL_WORD.search(name)
        or MEETING.search(name)
    ):
        return ""
    if not all(_journal_place(part, 1) or place_alone(part) for part in parts[1:]):
        return ""
    return publisher_name(name)


#: A journal's name with its volume and issue: 'Journal of Korea Planning Association 44(7)'.
_JOURNAL_VOLUME_ISSUE = re.compile(r"(?P<journal>[A-Z][^()\d]{2,100}?)\s+(?P<volume>\d{1,4})\s*\((?P<issue>\d{1,4})\)")


def journal_from_title(f: Fields) -> None:
    """A journal that the title's split kept, its publisher then read as the journal: 'Title, J. of atmos. and ocean.,
    AMS 16, 1017-1024' (an abbreviated name, then the society's acronym), 'Title, Journal of X Association 44(7), X
    Association, 97-108' (the journal's volume and issue, then its publisher and the pages)."""
    head, _, last = f.title.rpartition(", ")
    if not (head and last[:1].isupper() and len(last.split()) <= _JOURNAL_PUBLISHER_WORDS):
        return
    if ". " in last and _SOCIETY.fullmatch(f.container) and f.container not in COUNTRIES and not f.publisher:
        f.title, f.container, f.publisher = head, f"{last}.", f.container
        return
    numbers = _JOURNAL_VOLUME_ISSUE.fullmatch(last) if last.endswith(")") else None
    if (
        numbers
        and f.pages
        and not (f.volume or f.issue or f.publisher)
        and JOURNAL_WORD.search(numbers.group("journal"))
        and _name_words(f.container)
        and PUBLISHER_HINT.search(f.container)
    ):
        f.publisher = f.container
        f.title, f.container, f.volume, f.issue = head, *numbers.group("journal", "volume", "issue")


#: How many comma parts after a meeting's name are read as its place and dates: 'Santa Clara, CA, April 8-11'.
_MEETING_PLACE_PARTS = 5
#: A month without its day, which a meeting's days then follow as if they were a volume: ', April' before '8-11'.
_BARE_MONTH = re.compile(rf"(?:{MONTH})\.?", re.IGNORECASE)
#: The days of a month: '8', '8-11'.
_DAYS = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:[-–](?:[1-9]|[12]\d|3[01]))?")


def _meeting_without_place(container: str, volume: str, issue: str | None) -> tuple[str, str]:
    """(venue, volume) of a meeting read as a journal, without where and when it met: 'Proc. Fourth International
    Conf. on ASPLOS, Santa Clara, CA, April 8-11, 1991, pp. 122-131' (whose days were read as the volume), 'In
    Proceedings of X Workshop, Seattle, WA., July 1994'. Only a place that its shape tells ('CA', 'Japan') is dropped:
    'Proceedings of the Royal Society of Edinburgh, Mathematics' keeps its section."""
    parts = container.split(", ")
    for cut in range(len(parts) - 1, max(0, len(parts) - _MEETING_PLACE_PARTS - 1), -1):
        if MEETING.search(parts[cut - 1]):  # the meeting's name, then only where and when it met
            if not place_and_date_only(", ".join(parts[cut:])):
                break
            if not issue and _BARE_MONTH.fullmatch(parts[-1]) and _DAYS.fullmatch(volume):
                volume = ""  # 'April 8-11'
            return ", ".join(parts[:cut]), volume
        if MEETING.search(parts[cut]):
            break
    return container, volume


#: A learned body's numbered series of papers: 'Special Paper 129', 'Professional Paper 1386', 'Special Publication 5'.
_SERIES_OF_PAPERS = re.compile(r"(?:Special|Professional|Occasional|Miscellaneous)\s+(?:Papers?|Publications?)")


def _body_of_series(container: str) -> str:
    """The society or institution that publishes the numbered series closing `container`: 'Geological Association
    of Canada, Special Paper' (of '..., Special Paper 129, pp. 1-18') -> 'Geological Association of Canada'."""
    body, _, series = container.rpartition(", ")
    if _SERIES_OF_PAPERS.fullmatch(series) and PUBLISHER_HINT.search(body) and not JOURNAL_WORD.search(body):
        return body
    return ""


def parse_journal_tail(segment: str, f: Fields, notes: bool = False) -> bool:
    """'*Revue X*, 13(1), 119-136' -> container, volume, issue, pages. False if it does not fit.

    With `notes`, a complete tail (volume and pages) may be followed by a note, which is dropped.
    """
    italic = ITALIC.search(segment)
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
        date = TRAILING_DATE.search(plain) or _SEASON.search(plain)
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
    if not f.publisher and volume and ", " in container and ("Paper" in container or "Publication" in container):
        f.publisher = _body_of_series(container)
    if not f.publisher and len(container) <= _IMPRINT_AS_JOURNAL_MAX and _COMPANY_WORD.search(container):
        publisher = _imprint_as_journal(container)
        if publisher:  # 'Title, MacMillan, Inc., Greenwich, Conn., 192, 129-140': a book's imprint, no journal
            container, f.publisher, f.type = "", publisher, f.type or "book"
    if ", " in container and MEETING.search(container):
        container, volume = _meeting_without_place(container, volume, m.group("issue"))
    f.container = without_society_or_place(container)
    if len(f.container) < len(container) and not f.publisher:
        dropped = container[len(f.container) :].strip(" ,.")
        if (_SOCIETY.fullmatch(dropped) and dropped not in COUNTRIES) or _INSTITUTION.fullmatch(dropped):
            f.publisher = dropped  # 'J. Struct. Eng., ASCE': the society publishes the journal
    f.volume = volume
    issue5, issue1, issue2, issue3, issue4, issue6 = m.group("issue5", "issue", "issue2", "issue3", "issue4", "issue6")
    f.issue = (issue5 or issue1 or issue2 or issue3 or issue4 or issue6 or "").strip()
    if f.issue[:1].isalpha():
        labelled = _LABELLED_ISSUE.fullmatch(f.issue)
        if labelled:  # '12 (No. 3)', '54 (serial no. 220)': the number, without its label
            f.issue = labelled.group(1)
    f.pages = page_range(m.group("pages") or "") or (m.group("article") or "")
    if not m.group("pages") and _lone_range(m):
        f.volume, f.pages = "", page_range(f.volume)  # 'IEEE Transactions on X, 985-987': the pages
        f.lone_range = True
    if not f.volume and "), " in f.container:  # before a lone range or labelled pages ('..., pp. 103-110')
        numbers = _NUMBERS_THEN_PUBLISHER.fullmatch(f.container)
        if numbers and PUBLISHER_HINT.search(numbers.group("publisher")):
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


def title_into_journal(f: Fields) -> bool:
    """A journal tail the title swallowed that comma_journal could not cut: the journal after no stop ('Title
    Bulletin de la Société X, 3(7): 275-294', 'Title Sloan Management Review, 30(3), 63-74') or pages with no
    volume ('Title, Harvard Business Review (Jan.-Feb.), pp. 71-79', 'Title, Review of X, n. 2, 51-56'). The
    journal starts at a word that names it ('Journal of', 'Bulletin de') or after the title's last comma; where
    neither shows, the boundary is unsure and only the numbers are read, the journal left in the title."""
    text = _EMPTIED_DATE.sub(",", f.title) if "  ," in f.title else f.title
    first_digit = FIRST_DIGIT.search(text)
    name = text[: first_digit.start()] if first_digit else ""
    opening = _JOURNAL_OPENING.search(name)
    if opening:
        title = name[: opening.start()]
        if len(title.split()) > 1 and ", " not in title and parse_journal_tail(text[opening.end() :], f):
            f.title = title.rstrip(" .,:-")
            return True
    m = _tail_match(text)
    if m is None or not m.group("pages"):
        return False
    issue = m.group("volume") or m.group("issue") or m.group("issue2")
    if not (issue or text[: m.start("pages")].rstrip(" .").endswith(("pp", "pages"))):
        return False  # 'Title, Part 2, 34': a number closing the title
    head = m.group("container").rstrip(" ,.;:")
    date = TRAILING_DATE.search(head)
    head = head[: date.start()].rstrip(" ,.;:") if date else head  # 'Journal, June 1987, pp 520-524'
    numbers = Fields()
    if len(head.split()) < 2 or not parse_journal_tail(text, numbers):
        return False
    cut = head.rfind(", ")
    while cut > 0 and not head[cut + 2 : cut + 3].isupper():
        cut = head.rfind(", ", 0, cut)
    if cut > 0 and (PUBLISHER_WORD.search(head, cut) or _SPECIAL_ISSUE.search(head, cut - 1)):
        cut = 0  # 'Title, Macmillan, pp. 396-399', 'Title. 7(3), Special Issue on X pages 287-298': no journal
    f.title, f.container = (head[:cut], head[cut + 2 :]) if cut > 0 else (head, "")
    f.volume, f.issue, f.pages = numbers.volume, numbers.issue, numbers.pages
    if issue or f.container:
        f.type = numbers.type
    return True


def venue_after_quoted_title(after: str) -> str:
    """The journal or meeting that follows a quoted title with no numbers but its year: '"Title," Advances in
    Neural Information Processing Systems, 2011.', '"Title", Advanced Software Development Series, England'. A quoted
    title is a part of something, so what follows names that, unless it is a publisher, a place and publisher, a
    thesis or a report ('"Title", Academic Press', '"Title," Ph.D. thesis, MIT')."""
    text = after.strip(" .,;")
    date = TRAILING_DATE.search(text) or _DATE_IN_PARENS.search(text)
    if date:
        text = text[: date.start()].strip(" .,;")
    if (
        not text
        or len(text) > 150
        or not text[0].isupper()
        or any(c in ':;()[]"“”' for c in text)
        or FIRST_DIGIT.search(text[-12:])  # numbers or pages the journal pattern could not read
        or " pages " in text  # 'Proceedings of X, pages 31-40, Denver, CO': a meeting's pages, then its place
        or SENTENCE_SPLIT.search(text)
        or THESIS_WORDS.search(text)
        or REPORT_WORDS.search(text)
        or (PUBLISHER_HINT.search(text) and not (JOURNAL_WORD.search(text) or MEETING.search(text)))
        or IMPRINT_WORD.search(text)
        or PUBLISHER_WORD.search(text)
        or any(part.strip() in PUBLISHING_CITIES for part in text.split(","))
    ):
        return ""
    venue = without_society_or_place(text)
    name, comma, _ = venue.partition(",")
    if comma and len(name.split()) <= 3 and not (JOURNAL_WORD.search(name) or MEETING.search(name)):
        return ""  # a short name and a place: 'Wiley, New York'
    return venue


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


def _issue_then_publisher(f: Fields) -> None:
    """Split the publisher off a journal read with its issue and imprint before the pages ('Politiques sociales
    et familiales, n°106, Cnaf, 2011, pp. 25-38'): the journal, its issue and who publishes it."""
    numbers = _ISSUE_THEN_PUBLISHER.fullmatch(f.container)
    if numbers and numbers.group("publisher") not in PUBLISHING_CITIES:  # not 'Revue X, n°5, Paris'
        f.container, f.issue = numbers.group("journal", "issue")
        f.publisher = f.publisher or numbers.group("publisher").strip()


_SEASON = re.compile(r",?\s*(?:Spring|Summer|Fall|Autumn|Winter)$")
_DATE_IN_PARENS = re.compile(rf"\s*\((?i:{MONTH})\.?[^()]{{0,30}}\)$")  # 'Financial Executive (November, 1965)'
#: The longest text read as a journal named without numbers: its name (100 characters) and a note or a date.
_JOURNAL_NOTE_MAX = 300


def journal_without_numbers(after: str) -> str:
    """A journal named after the title with no volume or pages: 'Geomorphology.', 'Regional Studies. In press.',
    'IEEE Software.', 'The New York Times' (a publisher, 'Oxford University Press', is not one)."""
    text = after.strip(" .,;")
    if len(text) > _JOURNAL_NOTE_MAX:
        return ""  # a name of at most 100 characters and a short note or date: not worth four end-anchored searches
    in_press = NOT_YET_PUBLISHED.search(text)
    if in_press:
        text = text[: in_press.start()].strip(" .,;")
    not_yet = bool(in_press)
    if text[:12].lower() == "to appear in":
        not_yet, text = True, text[12:].strip()  # 'To appear in the special issue on X in Y Review'
    date = TRAILING_DATE.search(text) or _SEASON.search(text) or _DATE_IN_PARENS.search(text)
    if date:
        text = text[: date.start()].strip(" .,;")  # 'IEEE Transactions on Computers, June', 'Review, Fall'

    if not text or len(text) > 100 or any(c.isdigit() or c in ":;()[]" for c in text):
        return ""
    for stop in SENTENCE_SPLIT.finditer(text):
        # 'SIAM J. Discr. Math., to appear': a journal not yet out may have an abbreviated name
        if not (not_yet and abbreviation_before(text, stop.start())):
            return ""
    if not (text[0].isupper() or text[:2].lower() in {"bi", "me", "ar", "ps"}):
        return ""
    if PUBLISHER_HINT.search(text) and not JOURNAL_WORD.search(text.split()[0]):
        return ""  # 'Society for Research in Child Development' is a publisher; 'Journal of the ... Society' is not
    # a dated issue names a journal too: 'Financial Executive (November, 1965)'
    return text if not_yet or date or JOURNAL_WORD.search(text) else ""


def journal_before_doi(after: str) -> str:
    """A name alone after the title of a work with a DOI: its journal ('Regional Studies. https://doi.org/...',
    'Neuron. 10.1016/...'), unless it reads as a publisher or an imprint ('Routledge', 'Oxford: Blackwell')."""
    text = after.strip(" .,;")
    if (
        not text
        or len(text) > 60
        or not text[0].isupper()
        or len(text.split()) > 6
        or any(c.isdigit() or c in ',:;()[]"“”' for c in text)
        or SENTENCE_SPLIT.search(text)
        or PUBLISHER_HINT.search(text)
        or PUBLISHER_WORD.search(text)
        or IMPRINT_WORD.search(text)
        or THESIS_WORDS.search(text)
        or REPORT_WORDS.search(text)
        or text in PUBLISHING_CITIES
    ):
        return ""
    return text


_ABBREVIATION_BEFORE = re.compile(r"(?:^|\s)[A-Z][a-z]{0,4}$")
#: How far back an abbreviation before a stop can start: ' Abcde' is six characters.
_ABBREVIATION_REACH = 6


def abbreviation_before(text: str, end: int) -> bool:
    """Whether a short capitalised word ('Proc', 'Conf', 'Eng') closes `text[:end]`. Only the few characters
    before `end` are searched, so that loops over a long text's full stops stay linear."""
    return _ABBREVIATION_BEFORE.search(text, max(0, end - _ABBREVIATION_REACH), end) is not None


#: Labelled pages, which no journal's name holds: 'pp. 813-818', 'pages 31–45', 'pp 876-889'.
#: (Not IEEE Xplore's 'pp. 4228–4233 vol.5', whose volume repeats the one read before the pages.)
_LABELLED_PAGES = re.compile(r"(?<![^\s,.(])(?:pp\.?|pages)\s*\d+\s*[-–]{1,2}\s*\d+(?![\d\s,]*vol)")


def imprint_in_tail(article: Fields) -> bool:
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
        not abbreviation_before(article.container, stop.start()) for stop in SENTENCE_SPLIT.finditer(article.container)
    )


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
    return _lone_range(m) and not YEARS_SPAN.fullmatch(m.group("volume"))


_DASHED = re.compile(r"\d\s*[-–]")
#: Two years joined: the period a title covers ('1939-1945'), never pages.
YEARS_SPAN = re.compile(r"(?:1[5-9]|20)\d\d\s*[-–/]\s*(?:(?:1[5-9]|20)\d\d|\d\d)")
#: A full stop with no space after a word of the title, before a capital: 'at a glance.J Cell Sci 130'.
_GLUED_STOP = re.compile(r"(?<=[a-z]{3})\.(?=[A-Z])")


def comma_journal_before_note(f: Fields) -> str:
    """comma_journal for a tail closed by a note: 'Title, Korean Journal of Remote Sensing, 27(3): 369-377 (in Korean
    with English abstract)'. The note is dropped with the tail; the title is left alone when no tail precedes it."""
    note = _TRAILING_NOTE.search(f.title)
    if note is None or not f.title[: note.start()].rstrip()[-1:].isdigit():
        return ""
    whole = f.title
    f.title = whole[: note.start()].rstrip()
    after = comma_journal(f)
    if not after:
        f.title = whole  # 'Title, Part 2 (revised)': no journal tail before the note
    return after


#: A month closing a title whose journal tail it swallowed, the year taken: 'Title, Journal, vol. 5, no. 3, July'.
_CLOSING_MONTH = re.compile(rf"(?<=\d),\s*(?:{MONTH})\.?$", re.IGNORECASE)


def numbers_close(title: str) -> bool:
    """A title ending in a number, or in a month after one (the year taken): 'Journal, vol. 8, No 6, June'."""
    closing = title[-1:]
    return closing.isdigit() or (closing.isalpha() and bool(_CLOSING_MONTH.search(title, len(title) - 20)))


def comma_journal(f: Fields) -> str:
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
    while k > 0 and (_VANCOUVER_WORD.fullmatch(words[k - 1].group()) or words[k - 1].group() in NAME_CONNECTORS_SHORT):
        k -= 1
    while k < len(words) and words[k].group() in NAME_CONNECTORS_SHORT:
        k += 1  # the journal starts with a capital
    if k == 0 or k == len(words) or len(words) - k > 8:
        return -1
    if not any(w.group().islower() and len(w.group()) > 3 for w in words[:k]):
        return -1  # a title in capitals throughout cannot be told from its journal
    return words[k].start()


#: One word of an abbreviated journal name before its full stop: 'Phys', 'Contemp', 'J', 'Am', 'Opthalmol'.
_ABBREVIATION_WORD = re.compile(r"[A-Z][A-Za-z&]{0,8}")
_JOURNAL_STOP = re.compile(r"\.\s*(?=[A-Z])")
#: How far the volume of a title-less journal tail may be: a 60-character journal and its 'vol.'.
_TITLELESS_JOURNAL_REACH = 80
_SERIES_LETTER = re.compile(r"[A-Z]")


def titleless_journal(rest: str) -> bool:
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
    first_digit = FIRST_DIGIT.search(bare, 0, _TITLELESS_JOURNAL_REACH)
    if first_digit is None or not _journal_name_only(_before_volume(bare[: first_digit.start()])):
        return False
    plain = strip_italics(rest).strip(" .,:;")
    m = _tail_match(plain)
    if m is None and plain[-1:].isalpha():  # the months of the issue after the pages: '6(5): 573-81, Sept-Oct'
        date = TRAILING_DATE.search(plain)
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
    """A journal's name and nothing else (see titleless_journal): no title sentence, no comma."""
    written = name.strip(" ,;:")
    journal = written.rstrip(".")
    if not journal or len(journal) > 60 or _NOT_IN_JOURNAL.search(journal):
        return False  # 'Title, Journal, 12, 3-4' is a title ended by a comma (comma_journal)
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
#: A word of a journal's name written in full, in the languages of the lists.
_JOURNAL_NAME_WORD = re.compile(
    r"\b(?:Journal|Review|Revue|Bulletin|Quarterly|Letters|Transactions|Annals|Annales|Annali|Magazine|Zeitschrift"
    r"|Zeitung|Zentralblatt|Jahrbuch|Jahrbücher|Mitteilungen|Berichte|Abhandlungen|Archiv|Archives|Rivista|Revista"
    r"|Bollettino|Boletín|Giornale|Cahiers|Proceedings)\b"
)


def journal_sentences(container: str) -> tuple[str, str]:
    """(title sentences, journal) of a journal name that begins with the end of the title.

    'Anatomy and connectivity. Brain Research Reviews' -> the title's last sentence goes back to it; the
    journal is what follows the last sentence that reads as a title: 'I. La flore. Port. Acta Biol. B' ->
    ('I. La flore', 'Port. Acta Biol. B'). 'Trans. of the ASME, J. Heat Transfer' stays whole.
    """
    pieces = _SENTENCE_STOP.split(container)
    start = next((i + 1 for i in range(len(pieces) - 2, -1, -1) if title_like(pieces[i])), 0)
    # a journal's name spelled out starts a sentence of its own: 'Museum in Wien. Wiener Entomologische Zeitung',
    # 'Mahatma Gandhi. International Journal of X' (not 'Geol. Soc. Am. Bulletin': one word after abbreviations)
    for i in range(start, len(pieces)):  # the first: 'Journal of X. An International Journal of Y' stays whole
        if " " in pieces[i].strip() and _JOURNAL_NAME_WORD.search(pieces[i]):
            start = i
            break
    if start == 0:
        return "", container
    return ". ".join(pieces[:start]), ". ".join(pieces[start:])


_INITIAL_AND_NAME = re.compile(r"\s*[A-Z]\.\s*[A-Z][a-z]{5,}\.")


def journal_alone(text: str) -> bool:
    """An entry that is only a journal, volume and pages ('Thrombosis Res. 101: 329-354'), as patents cite:
    the journal must be abbreviated or say it is one, so that 'Smith J 12: 3-4' keeps its name."""
    if not titleless_journal(text) or _INITIAL_AND_NAME.match(text):
        return False  # 'R. Bernabei. Riv. Nuov. Cim. 18, 1' opens with a name
    m = _tail_match(strip_italics(text).strip(" .,:;"))
    journal = m.group("container") if m else ""
    labelled = bool(m and m.group("label"))  # 'Cell, Vol. 93, p. 705 (1998)'
    return labelled or ". " in journal or journal.endswith(".") or bool(JOURNAL_WORD.search(journal))
