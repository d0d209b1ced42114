"""Lift identifiers out of an entry before it is read: DOIs, URLs, arXiv and HAL ids, ISBNs, PubMed numbers."""

from __future__ import annotations

import re

from biblio_cli.normalize import normalize_doi
from biblio_cli.references.fields import Fields, fold_case, may_hold

#: A DOI in running text. SICI DOIs hold '<...>': '10.1002/(SICI)1096-9861(19980907)398:4<515::AID-CNE4>3.0.CO;2-5'.
_DOI_IN_TEXT = re.compile(r"10\.\d{4,9}/(?:[^\s<>\"]|<[^\s<>\"]*>)+")
#: What may introduce a DOI, right before it: 'https://doi.org/', 'doi: ', 'DOI: https://dx.doi.org/'.
_DOI_LABEL_BEFORE = re.compile(
    # the cheap test: every label starts with 'h' or 'd' (either case, and no other letter matches them
    # under IGNORECASE); the lookahead lets the search skip other positions five times faster
    r"(?=[hd])"
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
#: Patterns used in the functions below, compiled once (re's own cache costs a lookup per call).
_ISBN_JOINERS = re.compile(r"[\s-]")
_MULTISPACE = re.compile(r"\s{2,}")
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


def lift_identifiers(text: str, f: Fields) -> str:
    """Take DOIs, URLs, HAL ids, ISBNs and arXiv ids out of the text, recording them."""
    found = _find_doi(text) if "10." in text else None  # every DOI starts with '10.'
    if found:
        start, doi_start, doi_end = found
        end = doi_end - 5 if text.endswith("[doi]", 0, doi_end) else doi_end  # PubMed's '10.1038/nrn2947[doi]'
        f.raw_doi = text[start:end]
        f.doi = normalize_doi(text[doi_start:end])
        text = text[:start] + text[doi_end:]
        if "[pii]" in text:  # PubMed's publisher item ids beside the DOI: 'doi: nrn2947 [pii]; 10.1038/...'
            text = _PII.sub("", text)
        low = fold_case(text)  # folded after the DOI is out (and again after each removal, which may join new words)
    else:
        low = fold_case(text)
        bad = _DOI_MARKER_WITHOUT_DOI.search(text) if "doi" in low else None
        if bad:
            f.raw_doi = bad.group(0).rstrip(".,;")
            text = text[: bad.start()] + text[bad.end() :]
            low = fold_case(text)
    has_arxiv = "arxiv:" in low
    if "-" in text and _HAL_HINT.search(text):
        _record(_HAL, "hal", text, f)
    if has_arxiv:
        _record(_ARXIV, "arxiv", text, f)
    if "ISBN" in text:
        _record(_ISBN, "isbn", text, f)
        text = _ISBN.sub("", text)
        low = fold_case(text)
    if "http" in low or "www." in low:
        urls = [u.rstrip(".,;)>*") for u in _URL.findall(text)]
        if urls:
            f.url = urls[0]
            text = _URL.sub("", text)
            low = fold_case(text)
    if "arxiv:" in low:
        text = _ARXIV.sub("", text)
        low = fold_case(text)
    if may_hold(low, *_RETRIEVAL_WORDS):
        text = _RETRIEVAL.sub(" ", text)
        low = fold_case(text)
    if may_hold(low, *_INDEX_WORDS):
        text = _INDEX_NUMBERS.sub("", text)
    if "()" in text or "[]" in text or "( " in text or "[ " in text or text.rstrip().endswith(("(", "[")):
        text = _EMPTY_BRACKETS.sub("", text).rstrip()
        if text.endswith(("(", "[")):
            text = text[:-1]
    # the cheap test: a printable text holds no whitespace but ' ' (the only printable \s), so no run without "  "
    if "  " in text or not text.isprintable():
        text = _MULTISPACE.sub(" ", text)
    return text.strip(" ,;<>")


#: Brackets a lifted identifier left empty: 'Journal 57(73), 39-46 (doi:10.1017/...)', '[DOI: https://...]'.
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")


def _record(pattern: re.Pattern[str], kind: str, text: str, f: Fields) -> None:
    """Record every identifier of one kind found in `text`, once each."""
    for found in pattern.finditer(text):
        value = _ISBN_JOINERS.sub("", found.group(1)) if kind == "isbn" else found.group(1)
        if (kind, value) not in f.identifiers:
            f.identifiers.append((kind, value))
