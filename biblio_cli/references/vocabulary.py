"""Words and patterns shared by the parser's stages: months, places, publisher words, sentence stops, page ranges."""

from __future__ import annotations

import re

SENTENCE_SPLIT = re.compile(r"(?<=[^\s.][^\s.A-Z])[.?!]\s+(?=[A-ZÀ-ÖØ-Þ])")
ITALIC = re.compile(r"\*([^*]+)\*")
#: End of a title: '.', '?' or '!' followed by a space and something that starts a new part.
TITLE_END = re.compile(
    r"(?<![\s.][A-Z])(?<!\b[Vv]ol)(?<!\bno)(?<!\bed)(?<!\bp)(?<!\bpp)([.?!])\s+"
    # a capital (Latin or Cyrillic), a quote or bracket, 'In', an ordinal ('12th International Conference'),
    # or an ABNT edition ('Título do livro. 2. ed. São Paulo: Atlas, 2005.')
    r"(?=[*«\"A-ZÀ-ÖØ-ÞА-ЯЁ(\[]|Dans\b|In\b|in\b|[a-z]{1,2}[A-Z]|\d{1,3}(?:st|nd|rd|th)\s|\d{1,2}\.\s?ed\.\s)"
)
CHAPTER_MARKER = re.compile(r"[.,]\s+(?:Dans|In|in)\s*:?\s")
MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
)
THESIS_WORDS = re.compile(
    r"\b(?:th[eè]se|thesis|dissertation|habilitation|hdr|doctora[lt]|mémoire|phd|master)\b", re.IGNORECASE
)
REPORT_WORDS = re.compile(
    r"\b(?:rapport|report|working paper|document de travail|note de synthèse|white paper|technical report)\b",
    re.IGNORECASE,
)
#: What _descriptors() finds (kept as the reference for tests): a bracketed or parenthesised descriptor.
_DESCRIPTOR = re.compile(
    r"\s*\[(?P<bracket>[^\]]{3,200})\]|\s*\((?P<paren>(?:rapport[^)]*|report[^)]*|vols?\.[^)]*|\d+(?:e|th|nd|rd|st|ème)? (?:éd|ed)[^)]*|[^)]*thèse[^)]*|[^)]*thesis[^)]*))\)",
    re.IGNORECASE,
)
_DASHES = re.compile(r"[-–]+")
#: A date closing a journal tail whose year was taken: ', December', ', Jul. 1977', ', April-June', ' Sept. 26-28'.
TRAILING_DATE = re.compile(
    rf"(?:(?<=\d)|[,.;])\s*\(?(?:\d{{1,2}}\s+)?(?:{MONTH})\.?(?:\s*[-–/]\s*(?:{MONTH})\.?)?"
    r"(?:\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?)?,?\s*(?:(?:1[5-9]|20)\d\d)?\)?$",
    re.IGNORECASE,
)


def page_range(pages: str) -> str:
    """'175 – 204' -> '175-204': one plain hyphen, no spaces, however the list wrote the range."""
    pages = pages.replace(" ", "")
    return _DASHES.sub("-", pages) if "–" in pages or "--" in pages else pages  # most already are


#: Countries written after a journal's name, with or without its city ('La Houille Blanche, Paris, France').
COUNTRIES = frozenset(
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
STATE = re.compile(r"[A-Z]{2}|[A-Z]\.\s?[A-Z]")
#: French 'éditions' abbreviated before a publisher's name: 'Ed. De Boeck université', 'Éd. du Seuil'.
EDITIONS_ABBREVIATED = ("Ed. ", "Éd. ", "Ed ", "Éd ")
#: A paper not yet in an issue: 'Journal of the American Statistical Association, in press', 'SIAM J. Discr. Math., to appear'.
NOT_YET_PUBLISHED = re.compile(
    r"[.,;]?\s*\(?(?:in press|to appear|forthcoming|ahead of print|early view|online first|submitted|under review"
    r"|in preparation|sous presse|à paraître)\)?\.?$",
    re.IGNORECASE,
)
#: A word only journals, newspapers and preprint servers have in their names.
JOURNAL_WORD = re.compile(
    r"\b(?:Journal|Review|Revue|Bulletin|Quarterly|Letters|Transactions|Annals|Annales|Magazine|Zeitschrift"
    r"|Times|Post|Guardian|Herald|Tribune|Gazette|bioRxiv|medRxiv|arXiv|PsyArXiv|SSRN)\b"
    r"|^[A-Z][a-z]+olog(?:y|ie|ia)$",  # 'Geomorphology', 'Anesthesiology'
    re.IGNORECASE,
)
PUBLISHER_HINT = re.compile(
    r"\b(?:Press|Presses|Verlag|Publishers?|Publishing|Books|Editions?|Éditions|University|Université|Universität"
    r"|Inc|Ltd|GmbH|Company|Institute|Office|Department|Ministry|Council|Association|Society)\b",
    re.IGNORECASE,
)
#: 'In Proceedings of X, pp. 3-9.', 'In: Journal 66, S. 32-50', 'In T. Moore (ed.), Book (111-144).'
PLAIN_CHAPTER = re.compile(r"(?:In|in|Dans|dans)(?:\s*:\s*|\s+(?=[\w*]))")
LETTERS = re.compile(r"[^\W\d_]{2}")
#: What names a meeting, whose place, dates and publisher often follow its name.
MEETING = re.compile(r"\b(?:Proc|Proceedings|Conference|Conf|Symposium|Workshop|Congress|Meeting|Colloquium)\b")
#: A word that makes a name a publisher's, not a journal's or a venue's.
IMPRINT_WORD = re.compile(r"\b(?:Press|Verlag|Publishers?|Publishing|Kaufmann|Springer|Elsevier|Wiley|ACM|AAAI|IEEE)$")
#: Pages written after the publisher of a chapter: 'Springer. p. 323-335', 'ACM, pages 131-139'.
TRAILING_PAGES = re.compile(r"[.,]?\s*(?:pp?\.|pages?)\s*(?P<pages>\d+\s*[-–]\s*\d+|\d+)\s*\.?\s*$")
#: One part of 'Publisher, Place, Country': a place is a few capitalised words or a state code ('NJ').
PLACE_PART = re.compile(
    r"^(?:[A-Z]{2,3}|[A-Z]\.\s?[A-Z]\.?|[A-ZÀ-Þ][a-zà-ÿ][\w.'’\-]*(?:\s+(?:[A-ZÀ-Þ][a-zà-ÿ][\w.'’\-]*|am|upon|on|de|del)){0,2}"
    r"(?:\s+[A-Z]{2})?)$"  # 'New York NY': a state code after the city, without its comma
)
#: An edition statement between title and publisher: '2nd edn.', '3e éd.', 'Revised edition'.
EDITION = re.compile(
    r"^\s*(?:\d+(?:st|nd|rd|th|e|ème|\.)?|revised|rev\.|new|nouvelle|first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth|tenth)\s+(?:edn|ed|éd|edition|édition|aufl)\.?\s*$",
    re.IGNORECASE,
)
#: Cities that commonly open an imprint written place first ('Paris, Economica', 'London, Routledge'),
#: where the place cannot be told from a one-word publisher by its shape.
PUBLISHING_CITIES = frozenset(
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
#: A company suffix that continues the name before it: 'Methuen and Co. Ltd', 'Edinburgh Univ. Press', 'Sinauer, Inc.'
CORPORATE_SUFFIXES = frozenset(
    ["Press", "Ltd", "Inc", "Co", "Corp", "Company", "LLC", "GmbH", "AG", "BV", "Pty", "Pub", "Publishers", "Verlag"]
)
UNIVERSITY = re.compile(r"\b(?:University|Université|Universität|Universidad|Universidade|Università|Institute)\b")
IMPRINT_PARENS = re.compile(r"\s*\((?P<place>[^():\d]{2,60}):\s*(?P<name>[^():\d]{2,80})\)$")
#: One to three capitalised abbreviations ('J. Ceram', 'Class', 'Nat'): the start of a journal's name.
ABBREVIATED = re.compile(r"^(?:[A-Z][a-z]{0,5}\.\s){0,2}[A-Z][a-z]{0,5}$")
ABBREVIATION_FIRST = re.compile(r"[A-Z][a-z]{0,7}\.\s")
#: A word that names a publisher: 'MIT Press', 'Springer-Verlag', 'Éditions du Seuil', 'Focal Books', 'Wiley Inc'.
PUBLISHER_WORD = re.compile(
    r"\b(?:Press|Presses|Verlag\w*|Publish\w*|Publications|[ÉE]ditions?|Ediciones|Editor[ae]s?|Editorial|Editrice"
    r"|Books|Inc|Ltd|GmbH)\b"
)
#: How far from the end the imprint's closing parenthesis may be.
CITED_REACH = 80
#: Words after a title's comma that number a part of it ('Volume Two 1990'), never a place.
PART_WORDS = frozenset(["Band", "Book", "Chapter", "Part", "Tome", "Volume"])


def place_alone(text: str) -> bool:
    """Whether `text` reads as one place or two ('Wiesbaden', 'Berkeley and Los Angeles', 'New York-London')."""
    places = text.replace(" and ", "-").split("-") if " and " in text or "-" in text else [text]
    if text.split(" ", 1)[0] in PART_WORDS:
        return False
    return all(PLACE_PART.match(place.strip()) for place in places)


NAME_CONNECTORS_SHORT = frozenset(["of", "and", "the", "for", "in", "&"])
FIRST_DIGIT = re.compile(r"\d")
#: Small words that journal names hold in lowercase ('Journal of the ...', 'Zeitschrift für ...').
NAME_CONNECTORS = frozenset(
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
