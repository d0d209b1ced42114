"""Convert the labelled corpora into (reference string -> expected fields) samples.

Three sources, each with its own shape:
- AnyStyle ``gold.xml``: token runs tagged author/date/title/journal/...; the reference
  string is the tokens joined with spaces; the author run is one string.
- GROBID citation TEI: ``<bibl>`` elements with inline ``<author>``, ``<date>``,
  ``<title level="a|m|j">``, ``<biblScope>``, ``<idno type="DOI">``; the string is the text.
- eLife JATS: structured ``<element-citation>`` rendered here into two author-year
  styles (eLife's own and APA), and ``<mixed-citation>`` taken as written.

Expected values are normalised the same way for every source (see `norm`), so the
comparison is about content, not about punctuation the gold kept around a token.
"""

from __future__ import annotations

import os
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

FIELDS: tuple[str, ...] = ("authors", "year", "title", "container", "volume", "issue", "pages", "doi", "publisher")

TEI = "{http://www.tei-c.org/ns/1.0}"
XLINK = "{http://www.w3.org/1999/xlink}"


def corpus_root() -> Path:
    """The corpus directory: $BIBLIO_CORPUS, else ../shared/corpus next to the repository."""
    env = os.environ.get("BIBLIO_CORPUS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "shared" / "corpus"


def parse_xml(path: Path) -> ET.Element:
    """Parse a corpus file. The files are local, trusted-provenance data; we still refuse DTDs."""
    data = path.read_bytes()
    if b"<!DOCTYPE" in data[:2000] and b"<!ENTITY" in data:
        raise ValueError(f"{path}: entity declarations are not accepted")
    # JATS files declare a DOCTYPE with an external DTD; the stdlib parser never fetches it.
    return ET.fromstring(data)


@dataclass(frozen=True)
class Sample:
    """One labelled reference string."""

    source: str  # anystyle | grobid-<set> | elife-<rendering>
    id: str
    text: str  # may hold *italics* (eLife renderings)
    language: str
    style: str  # author-year (parens) | author-year (bare) | numbered | other
    expected: dict[str, object] = field(default_factory=dict)  # field -> str, or tuple[str, ...] for authors

    @property
    def author_year(self) -> bool:
        return self.style.startswith("author-year")


# --------------------------------------------------------------------------- normalisation


def fold(text: str) -> str:
    """Lowercase, accents removed, ligatures expanded."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


_PARTICLES = frozenset(
    [
        "de",
        "del",
        "della",
        "der",
        "den",
        "di",
        "da",
        "du",
        "des",
        "la",
        "le",
        "van",
        "von",
        "ten",
        "ter",
        "dos",
        "d",
        "l",
        "t",
    ]
)


def norm(text: str) -> str:
    """Compare-form of a text field: folded, punctuation removed, spaces collapsed."""
    return " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())


def norm_family(name: str) -> str:
    """Compare-form of a family name: folded, particles dropped ('van der Wulp' == 'Wulp')."""
    words = [w for w in norm(name.replace("'", " ").replace("’", " ")).split() if w not in _PARTICLES]
    return " ".join(words)


def norm_pages(text: str) -> str:
    text = re.sub(r"^(?:pp?\.|S\.|pages?)\s*", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"\s*[-‐‑–—]+\s*", "-", text)
    return re.sub(r"\s+", "", text).strip(".,;:()")


def norm_number(text: str) -> str:
    return re.sub(r"\s+", "", text).strip(".,;:()[]").lower()


def norm_doi(text: str) -> str:
    m = re.search(r"10\.\s?\d{4,9}\s?/\S+", text)
    if not m:
        return ""
    return re.sub(r"\s+", "", m.group(0)).rstrip(".,;)").lower()


def clean(text: str | None) -> str:
    """Strip the punctuation a tagged token carries around its value."""
    if not text:
        return ""
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" .,;:[]“”\"'«»‘’").strip()


def first_year(text: str) -> str:
    m = re.search(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)", text)
    return m.group(1) if m else ""


# --------------------------------------------------------------------------- author strings

_ROLE = re.compile(
    r"\(?\b(?:eds?|editors?|dirs?|hrsg|hg|coords?|éds?|trans|tr|comp)\.?\)?\s*$|^(?:edited by|ed\.|eds\.)\s+", re.I
)
_ETAL = re.compile(r"[,\s]*(?:et\s+al\.?|et\s+alii|&\s*al\.?|et\s+coll\.?|u\.\s*a\.|\.\.\.|…)\s*[.,]?\s*$", re.I)
_AUTH_SEP = re.compile(
    r"(\s*;\s*|\s*,\s*(?:and|&|et|und|y|e|a)\s+|\s+(?:and|&|et|und|y|e|a)\s+(?:and\s+)?|\s*,\s*|\s*&\s*)", re.I
)
_INITIALS_TOKEN = re.compile(r"^(?:[A-ZÀ-Þ][a-z]?\.?\s*[-‐]?\s*)+$")
_LEADING_INITIALS = re.compile(r"^(?:[A-ZÀ-Þ][a-z]?\.\s*[-‐]?\s*)+(?P<rest>.+)$")
_TRAILING_INITIALS = re.compile(
    r"^(?P<family>.+?)\s+(?:[A-ZÀ-Þ]{1,3}|(?:[A-ZÀ-Þ][a-z]?\.\s*[-‐]?\s*)*[A-ZÀ-Þ][a-z]?\.?)$"
)


def _is_initials(token: str) -> bool:
    token = token.strip()
    if not token or len(token) > 12 or not _INITIALS_TOKEN.match(token):
        return False
    return "." in token or (token.isupper() and len(token.replace(" ", "").replace("-", "")) <= 3)


def _natural_family(token: str) -> str:
    words = token.split()
    cut = len(words) - 1
    while cut > 0 and words[cut - 1].lower().strip("'") in _PARTICLES | {"van", "von", "de"}:
        cut -= 1
    return " ".join(words[cut:])


def families_from_string(author: str) -> tuple[str, ...]:
    """Family names in an author run as written ('Bergk, V., Haefeli, W. E. & Martin, M.').

    A harness heuristic, independent of biblio's parser: separators split tokens; initials
    attach to the preceding family name; 'I. Family' and 'Family IJ' carry their own
    initials; a lone word after a comma that follows a lone family name is a given name.
    """
    text = re.sub(r"\s+", " ", author).strip()
    text = re.sub(r"-\s+(?=[a-zA-Z])", "-", text)  # 'Martin- Facklam' (a line-break hyphen kept by the tagger)
    text = _ETAL.sub("", text)
    text = _ROLE.sub("", text).strip(" .,;:")
    text = _ETAL.sub("", text).strip(" .,;:")
    if not text:
        return ()
    parts = _AUTH_SEP.split(text)
    tokens: list[tuple[str, str]] = []  # (separator before, token)
    sep = ""
    for i, part in enumerate(parts):
        if i % 2 == 1:
            sep = "and" if re.search(r"and|&|et|und|\by\b|\be\b|\ba\b", part, re.I) else part.strip() or ","
            continue
        if part.strip(" ."):
            tokens.append((sep, part.strip()))
    families: list[str] = []
    awaiting = False
    for index, (sep, token) in enumerate(tokens):
        nxt = tokens[index + 1][1] if index + 1 < len(tokens) else ""
        words = token.split()
        if _is_initials(token):
            awaiting = False
            continue
        if awaiting and sep in {",", ";"} and len(words) <= 3:
            awaiting = False  # 'Nichols, Bill' / 'Pate, C. Marvin'
            continue
        if _is_initials(nxt) and tokens[index + 1][0] in {",", ""} and not _LEADING_INITIALS.match(token):
            families.append(token)
            awaiting = False
            continue
        lead = _LEADING_INITIALS.match(token)
        if lead:
            families.append(_natural_family(lead.group("rest")))
            awaiting = False
            continue
        trail = _TRAILING_INITIALS.match(token)
        if trail:
            families.append(trail.group("family"))
            awaiting = False
            continue
        if len(words) == 1 or (
            index == 0
            and sep == ""
            and nxt
            and len(words) <= 2
            and len(nxt.split()) <= 2
            and (tokens[index + 1][0] == ",")
            and len(words) == 1
        ):
            families.append(token)
            awaiting = True
            continue
        families.append(_natural_family(token))
        awaiting = False
    return tuple(f for f in families if norm_family(f))


# --------------------------------------------------------------------------- language / style

_STOP = {
    "fr": [
        "le",
        "la",
        "les",
        "des",
        "du",
        "une",
        "et",
        "dans",
        "sur",
        "pour",
        "au",
        "aux",
        "par",
        "est",
        "histoire",
        "revue",
        "éditions",
        "presses",
        "université",
    ],
    "de": [
        "der",
        "die",
        "das",
        "und",
        "für",
        "zur",
        "zum",
        "von",
        "im",
        "mit",
        "über",
        "eine",
        "einer",
        "verlag",
        "zeitschrift",
        "band",
    ],
    "it": ["il", "della", "delle", "dei", "di", "per", "nel", "una", "gli", "storia", "rivista", "editore"],
    "es": ["el", "los", "las", "del", "para", "una", "con", "revista", "historia", "editorial"],
    "en": [
        "the",
        "of",
        "and",
        "in",
        "on",
        "for",
        "a",
        "an",
        "to",
        "with",
        "journal",
        "university",
        "press",
        "proceedings",
    ],
}


def detect_language(text: str) -> str:
    words = re.findall(r"[^\W\d_]+", fold(re.sub(r"\bet al\b", "", text)))
    if not words:
        return "und"
    if sum(1 for c in text if ord(c) > 0x2E80) > 3:
        return "cjk"
    scores = {lang: sum(1 for w in words if w in {fold(s) for s in stop}) for lang, stop in _STOP.items()}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= 1 else "en"


def style_from_order(tags: list[str], text: str, numbered: bool) -> str:
    """author-year when the date follows the author run directly; numbered when a number leads."""
    if numbered or re.match(r"^\s*(?:\[\d{1,4}\]|\d{1,4}[.)]\s)", text):
        return "numbered"
    tags = [t for t in tags if t not in {"citation-number", "note"}]
    if len(tags) >= 2 and tags[0] in {"author", "editor"} and tags[1] == "date":
        # '(2001)' right after the names: APA and friends; a bare year: Harvard / Chicago author-date.
        after = re.search(r"\(\s*(1[5-9]\d\d|20\d\d)", text[:300])
        return "author-year (parens)" if after else "author-year (bare)"
    return "other"


# --------------------------------------------------------------------------- AnyStyle


def _volume_issue(raw: str) -> tuple[str, str]:
    """'vol.36, no. 9' -> ('36','9'); '128(5),' -> ('128','5'); 'n°59.' -> ('', '59')."""
    raw = raw.strip()
    if re.match(r"^(?:n[°o]|no\.|num)", raw, re.I):
        m = re.search(r"\d+", raw)
        return "", m.group(0) if m else ""
    vol = re.match(r"^\(?(?:vol\.?|v\.|volume|t\.|tome|bd\.?)?\s*(\d+[A-Za-z]?|[IVXLC]+)\b\)?", raw, re.I)
    volume = vol.group(1) if vol else ""
    issue = ""
    m = re.search(r"\((\d+[^)]{0,8})\)|\b(?:no\.?|n[°o]|issue|heft)\s*(\d+)", raw[vol.end() if vol else 0 :], re.I)
    if m:
        issue = m.group(1) or m.group(2) or ""
    return volume, issue


def anystyle_samples(root: Path) -> Iterator[Sample]:
    tree = parse_xml(root / "parse" / "anystyle" / "gold.xml")
    for n, seq in enumerate(tree.iter("sequence")):
        tokens = [(child.tag, re.sub(r"\s+", " ", child.text or "").strip()) for child in seq]
        text = " ".join(value for _, value in tokens if value)
        tags = [tag for tag, _ in tokens]
        values: dict[str, list[str]] = {}
        for tag, value in tokens:
            values.setdefault(tag, []).append(value)
        exp: dict[str, object] = {}
        if "author" in values:
            fams = families_from_string(values["author"][0])
            if fams:
                exp["authors"] = fams
        if "date" in values and first_year(values["date"][0]):
            exp["year"] = first_year(values["date"][0])
        if "title" in values:
            exp["title"] = clean(values["title"][0])
        container = values.get("journal") or values.get("container-title")
        if container:
            exp["container"] = clean(re.sub(r"^(?:in|dans|en)\s*:?\s+", "", container[0], flags=re.I))
        if "volume" in values:
            volume, issue = _volume_issue(values["volume"][0])
            if volume:
                exp["volume"] = volume
            if issue:
                exp["issue"] = issue
        if "pages" in values:
            pages = norm_pages(clean(values["pages"][0]))
            if re.fullmatch(r"[A-Za-z]?\d+(?:-[A-Za-z]?\d+)?", pages):
                exp["pages"] = pages
        if "doi" in values and norm_doi(values["doi"][0]):
            exp["doi"] = norm_doi(values["doi"][0])
        if "publisher" in values:
            exp["publisher"] = clean(values["publisher"][0])
        style = style_from_order(tags, text, "citation-number" in values)
        yield Sample("anystyle", f"anystyle:{n}", text, detect_language(text), style, exp)


# --------------------------------------------------------------------------- GROBID TEI


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _text(el: ET.Element | None) -> str:
    if el is None:
        return ""
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


def grobid_samples(root: Path) -> Iterator[Sample]:
    for path in sorted((root / "parse" / "grobid").glob("*.xml")):
        tree = parse_xml(path)
        name = path.name.split(".")[0]
        source = "grobid-" + ("kisti" if name.startswith("kisti") else name)
        for n, bibl in enumerate(el for el in tree.iter() if _local(el.tag) == "bibl"):
            text = _text(bibl)
            text = text.replace("<italic>", "").replace("</italic>", "")
            text = re.sub(r"\s+([.,;:)])", r"\1", text)
            if not text:
                continue
            exp: dict[str, object] = {}
            tags: list[str] = []
            titles: dict[str, str] = {}
            for child in bibl.iter():
                tag = _local(child.tag)
                if child is bibl:
                    continue
                value = _text(child)
                if tag == "author" and "authors" not in exp:
                    tags.append("author")
                    fams = families_from_string(value)
                    if fams:
                        exp["authors"] = fams
                elif tag == "date" and "year" not in exp:
                    tags.append("date")
                    if first_year(value):
                        exp["year"] = first_year(value)
                elif tag == "title":
                    tags.append("title")
                    titles.setdefault(child.get("level", "a"), clean(value))
                elif tag == "biblScope":
                    unit = child.get("unit") or child.get("type") or ""
                    key = {"vol": "volume", "volume": "volume", "issue": "issue", "page": "pages", "pp": "pages"}.get(
                        unit
                    )
                    if key == "pages":
                        pages = norm_pages(value)
                        if re.fullmatch(r"[A-Za-z]?\d+(?:-[A-Za-z]?\d+)?", pages):
                            exp.setdefault("pages", pages)
                    elif key:
                        exp.setdefault(key, norm_number(value))
                elif tag == "idno" and (child.get("type") or "").upper() == "DOI" and norm_doi(value):
                    exp["doi"] = norm_doi(value)
                elif tag == "publisher":
                    exp.setdefault("publisher", clean(value))
            if "a" in titles:
                exp["title"] = titles["a"]
                container = titles.get("j") or titles.get("m")
                if container:
                    exp["container"] = container
            elif "m" in titles:
                exp["title"] = titles["m"]
                if "j" in titles:
                    exp["container"] = titles["j"]
            elif "j" in titles:
                exp["container"] = titles["j"]
            lang = bibl.get("lang") or bibl.get("{http://www.w3.org/XML/1998/namespace}lang")
            language = lang if lang else detect_language(text)
            numbered = bool(re.match(r"^\s*(?:\[\d+\]|\d{1,4}\s*[.)]?\s*)\S", (bibl.text or "") + " x"))
            numbered = numbered and bool((bibl.text or "").strip())
            style = style_from_order(tags, text, numbered)
            yield Sample(source, f"{path.name}:{n}", text, language, style, exp)


# --------------------------------------------------------------------------- eLife JATS


@dataclass
class JatsRef:
    """A structured eLife reference."""

    id: str
    authors: list[tuple[str, str]]  # (surname, given initials) or (collab, "")
    groups: list[bool]
    etal: bool
    year: str
    title: str
    source: str
    volume: str
    fpage: str
    lpage: str
    elocation: str
    doi: str
    publisher: str
    loc: str
    kind: str
    editors: list[tuple[str, str]]
    mixed: str = ""  # a <mixed-citation> as written


def jats_refs(tree: ET.Element) -> list[JatsRef]:
    refs: list[JatsRef] = []
    for ref in tree.iter("ref"):
        cit = ref.find("element-citation")
        mixed = ref.find("mixed-citation")
        node = cit if cit is not None else mixed
        if node is None:
            continue
        authors: list[tuple[str, str]] = []
        groups: list[bool] = []
        editors: list[tuple[str, str]] = []
        etal = False
        for pg in node.iter("person-group"):
            target = editors if pg.get("person-group-type") == "editor" else authors
            for child in pg:
                if child.tag in {"name", "string-name"}:
                    target.append(
                        (
                            _text(child.find("surname")) if child.find("surname") is not None else _text(child),
                            _text(child.find("given-names")) if child.find("given-names") is not None else "",
                        )
                    )
                    if target is authors:
                        groups.append(False)
                elif child.tag == "collab":
                    target.append((_text(child), ""))
                    if target is authors:
                        groups.append(True)
                elif child.tag == "etal" and target is authors:
                    etal = True
        if not authors:  # mixed citations may hold string-names directly
            for child in node:
                if child.tag == "string-name":
                    authors.append(
                        (
                            _text(child.find("surname")) if child.find("surname") is not None else _text(child),
                            _text(child.find("given-names")) if child.find("given-names") is not None else "",
                        )
                    )
                    groups.append(False)
                elif child.tag == "collab":
                    authors.append((_text(child), ""))
                    groups.append(True)

        def get(tag: str, n: ET.Element = node) -> str:
            el = n.find(tag)
            return _text(el) if el is not None else ""

        doi = ""
        for pid in node.iter("pub-id"):
            if pid.get("pub-id-type") == "doi":
                doi = _text(pid)
        refs.append(
            JatsRef(
                id=ref.get("id", ""),
                authors=authors,
                groups=groups,
                etal=etal,
                year=get("year"),
                title=get("article-title") or get("chapter-title") or get("data-title"),
                source=get("source"),
                volume=get("volume"),
                fpage=get("fpage"),
                lpage=get("lpage"),
                elocation=get("elocation-id"),
                doi=doi,
                publisher=get("publisher-name"),
                loc=get("publisher-loc"),
                kind=node.get("publication-type", ""),
                editors=editors,
                mixed=re.sub(r"\s+", " ", "".join(mixed.itertext())).strip() if mixed is not None else "",
            )
        )
    return refs


def _initials(given: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s.\-]+", given) if w)


def _apa_initials(given: str) -> str:
    letters = re.findall(r"[^\W\d_]", given) if given.isupper() or len(given) <= 3 else [w[0] for w in given.split()]
    return " ".join(f"{c}." for c in letters)


def render_jats(ref: JatsRef, style: str) -> str:
    """Render in eLife's author-year style or APA 7 (italics as *...*)."""
    pages = f"{ref.fpage}–{ref.lpage}" if ref.fpage and ref.lpage else ref.fpage or ref.elocation
    if style == "elife":
        names = [
            f"{s} {_initials(g)}".strip() if not grp else s
            for (s, g), grp in zip(ref.authors, ref.groups, strict=False)
        ]
        who = ", ".join(names) + (", et al" if ref.etal else "")
        out = f"{who}. {ref.year}. "
        if ref.kind == "journal" or (ref.volume and ref.title):
            out += f"{ref.title}. *{ref.source}* "
            out += f"**{ref.volume}**:{pages}." if ref.volume else (f"{pages}." if pages else "")
        elif ref.kind == "book" and ref.title:
            eds = ", ".join(f"{s} {_initials(g)}".strip() for s, g in ref.editors)
            out += f"{ref.title}. In: {eds} (Eds). *{ref.source}*. {ref.loc + ': ' if ref.loc else ''}{ref.publisher}."
            out += f" p. {pages}." if pages else ""
        else:
            out += f"*{ref.title or ref.source}*. " + (
                f"{ref.loc + ': ' if ref.loc else ''}{ref.publisher}." if ref.publisher else ""
            )
        if ref.doi:
            out += f" DOI: https://doi.org/{ref.doi}"
        return re.sub(r"\s+", " ", out).strip()
    names = [
        f"{s}, {_apa_initials(g)}".strip(", ") if not grp else s
        for (s, g), grp in zip(ref.authors, ref.groups, strict=False)
    ]
    who = names[0] if names else ""
    if len(names) >= 2:
        who = ", ".join(names[:-1]) + ", & " + names[-1]
    out = f"{who} ({ref.year}). "
    if ref.kind == "journal" or (ref.volume and ref.title):
        out += f"{ref.title}. *{ref.source}*"
        out += f", *{ref.volume}*" if ref.volume else ""
        out += f", {pages}." if pages else "."
    elif ref.kind == "book" and ref.title:
        eds = ", ".join(f"{_apa_initials(g)} {s}".strip() for s, g in ref.editors)
        out += (
            f"{ref.title}. In {eds} (Eds.), *{ref.source}*"
            + (f" (pp. {pages})" if pages else "")
            + f". {ref.publisher}."
        )
    else:
        out += f"*{ref.title or ref.source}*. {ref.publisher}."
    if ref.doi:
        out += f" https://doi.org/{ref.doi}"
    return re.sub(r"\s+", " ", out).strip()


def jats_expected(ref: JatsRef) -> dict[str, object]:
    exp: dict[str, object] = {}
    if ref.authors:
        exp["authors"] = tuple(s for s, _ in ref.authors)
    if first_year(ref.year):
        exp["year"] = first_year(ref.year)
    if ref.title:
        exp["title"] = clean(ref.title)
        if ref.source:
            exp["container"] = clean(ref.source)
    elif ref.source:
        exp["title"] = clean(ref.source)
    if ref.volume:
        exp["volume"] = norm_number(ref.volume)
    pages = f"{ref.fpage}-{ref.lpage}" if ref.fpage and ref.lpage else ref.fpage or ref.elocation
    if pages:
        exp["pages"] = norm_pages(pages)
    if ref.doi:
        exp["doi"] = ref.doi.lower()
    if ref.publisher:
        exp["publisher"] = clean(ref.publisher)
    return exp


def elife_articles(root: Path) -> list[tuple[str, ET.Element]]:
    return [(p.stem, parse_xml(p)) for p in sorted((root / "articles" / "elife").glob("*.xml"))]


def elife_samples(articles: list[tuple[str, ET.Element]]) -> Iterator[Sample]:
    for name, tree in articles:
        for ref in jats_refs(tree):
            if ref.mixed:
                text = ref.mixed
                yield Sample(
                    "elife-mixed",
                    f"{name}:{ref.id}",
                    text,
                    detect_language(text),
                    style_from_order(["author", "date"], text, False),
                    jats_expected(ref),
                )
                continue
            if not ref.authors or not ref.year:
                continue
            for style in ("elife", "apa"):
                text = render_jats(ref, style)
                label = "author-year (bare)" if style == "elife" else "author-year (parens)"
                yield Sample(f"elife-{style}", f"{name}:{ref.id}", text, "en", label, jats_expected(ref))


def all_samples(root: Path, articles: list[tuple[str, ET.Element]]) -> list[Sample]:
    return [*anystyle_samples(root), *grobid_samples(root), *elife_samples(articles)]
