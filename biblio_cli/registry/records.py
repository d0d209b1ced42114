"""Registry answers as values: one frozen RegistryRecord, and pure parse_* functions from raw JSON.

Parsing is split from fetching so it can be tested on saved real responses without any
mocking. Every parser raises ParseError on a shape it does not recognise; nothing past this
module handles raw registry dicts.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from biblio_cli.normalize import normalize_doi


class ParseError(ValueError):
    """A registry answered with JSON we do not recognise (treated as a failure, never as 'not found')."""


@dataclass(frozen=True, slots=True)
class RegistryAuthor:
    family: str
    given: str = ""


@dataclass(frozen=True, slots=True)
class Update:
    """An `updated-by` / `update-to` entry: a correction, retraction, expression of concern..."""

    type: str  # normalised: "retraction", "withdrawal", "expression_of_concern", "correction", ...
    doi: str
    label: str = ""
    source: str = ""  # "publisher" | "retraction-watch"
    year: int | None = None


@dataclass(frozen=True, slots=True)
class RegistryRecord:
    """What a registry says about one work, in one shape whatever the registry."""

    doi: str
    source: str  # "crossref" | "datacite" | "csl" (doi.org content negotiation) | "hal"
    type: str = ""
    title: str = ""
    subtitle: str = ""
    authors: tuple[RegistryAuthor, ...] = ()
    #: Every year the registry gives (issued, published-print, published-online, ...): any may be cited.
    years: tuple[int, ...] = ()
    container: str = ""
    short_containers: tuple[str, ...] = ()
    volume: str = ""
    issue: str = ""
    page: str = ""
    publisher: str = ""
    updated_by: tuple[Update, ...] = ()
    update_to: tuple[Update, ...] = ()
    identifier: str = ""  # the non-DOI id it was found by (a HAL id)
    score: float = 0.0  # search relevance (Crossref query results only)

    @property
    def year(self) -> int | None:
        return self.years[0] if self.years else None

    @property
    def first_page(self) -> str:
        return re.split(r"[-\u2013\u2014]", self.page, maxsplit=1)[0].strip() if self.page else ""


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str) and v.strip()]
    return []


def _first(value: Any) -> str:
    items = _strings(value)
    return " ".join(items[0].split()) if items else ""


def _text(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return " ".join(value.split()) if isinstance(value, str) else ""


def _date_year(value: Any) -> int | None:
    """The year of a `{"date-parts": [[y, m, d]]}` object; None for `[[null]]` and other oddities."""
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        year = parts[0][0]
        if isinstance(year, int) and not isinstance(year, bool):
            return year
        if isinstance(year, str) and year.isdigit():
            return int(year)
    return None


_DATE_FIELDS = ("issued", "published-print", "published-online", "published", "posted", "approved", "created")


def _years(item: dict[str, Any], fields: tuple[str, ...] = _DATE_FIELDS) -> tuple[int, ...]:
    years: list[int] = []
    for name in fields:
        year = _date_year(item.get(name))
        if year is not None and year not in years:
            years.append(year)
    return tuple(years)


def _csl_authors(value: Any) -> tuple[RegistryAuthor, ...]:
    authors: list[RegistryAuthor] = []
    for person in value if isinstance(value, list) else []:
        if not isinstance(person, dict):
            continue
        family = _text(person.get("family")) or _text(person.get("literal")) or _text(person.get("name"))
        if family:
            authors.append(RegistryAuthor(family, _text(person.get("given"))))
    return tuple(authors)


_UPDATE_TYPES = {"retraction": "retraction", "retracted": "retraction", "withdrawal": "withdrawal"}


def _updates(value: Any) -> tuple[Update, ...]:
    updates: list[Update] = []
    for entry in value if isinstance(value, list) else []:
        if not isinstance(entry, dict):
            continue
        kind = _text(entry.get("type")).lower().replace("-", "_").replace(" ", "_")
        updates.append(
            Update(
                _UPDATE_TYPES.get(kind, kind),
                normalize_doi(_text(entry.get("DOI"))),
                _text(entry.get("label")),
                _text(entry.get("source")),
                _date_year(entry.get("updated")),
            )
        )
    return tuple(updates)


def parse_crossref_item(item: Any) -> RegistryRecord:
    """One Crossref work (the `message` of /works/{doi}, or an item of a work-list)."""
    if not isinstance(item, dict) or not isinstance(item.get("DOI"), str):
        raise ParseError("Crossref work without a DOI")
    page = _text(item.get("page")) or _text(item.get("article-number"))
    return RegistryRecord(
        doi=normalize_doi(item["DOI"]),
        source="crossref",
        type=_text(item.get("type")),
        title=_first(item.get("title")),
        subtitle=_first(item.get("subtitle")),
        authors=_csl_authors(item.get("author")),
        years=_years(item),
        container=_first(item.get("container-title")),
        short_containers=tuple(_strings(item.get("short-container-title"))),
        volume=_text(item.get("volume")),
        issue=_text(item.get("issue")),
        page=page,
        publisher=_text(item.get("publisher")),
        updated_by=_updates(item.get("updated-by")),
        update_to=_updates(item.get("update-to")),
        score=float(item["score"]) if isinstance(item.get("score"), (int, float)) else 0.0,
    )


def _crossref_message(body: Any, expected: str) -> Any:
    if not isinstance(body, dict) or body.get("status") != "ok" or body.get("message-type") != expected:
        raise ParseError(f"not a Crossref {expected} envelope")
    return body.get("message")


def parse_crossref_work(body: Any) -> RegistryRecord:
    """The envelope of GET /works/{doi}."""
    return parse_crossref_item(_crossref_message(body, "work"))


def parse_crossref_list(body: Any) -> tuple[RegistryRecord, ...]:
    """The envelope of GET /works?filter=... or ?query.bibliographic=...; items in answer order."""
    message = _crossref_message(body, "work-list")
    items = message.get("items") if isinstance(message, dict) else None
    if not isinstance(items, list):
        raise ParseError("Crossref work-list without items")
    return tuple(parse_crossref_item(item) for item in items)


def parse_datacite(body: Any) -> RegistryRecord:
    """The JSON:API answer of GET /dois/{doi} at api.datacite.org."""
    data = body.get("data") if isinstance(body, dict) else None
    attributes = data.get("attributes") if isinstance(data, dict) else None
    if not isinstance(data, dict) or not isinstance(attributes, dict):
        raise ParseError("not a DataCite dois document")
    authors = []
    for creator in attributes.get("creators") or []:
        if not isinstance(creator, dict):
            continue
        family = _text(creator.get("familyName"))
        given = _text(creator.get("givenName"))
        if not family:
            name = _text(creator.get("name"))
            family, _, rest = name.partition(", ") if creator.get("nameType") != "Organizational" else (name, "", "")
            given = given or rest
        if family:
            authors.append(RegistryAuthor(family, given))
    titles = [t.get("title") for t in attributes.get("titles") or [] if isinstance(t, dict)]
    container = attributes.get("container") if isinstance(attributes.get("container"), dict) else {}
    publisher = attributes.get("publisher")
    if isinstance(publisher, dict):  # newer API versions can return {"name": ...}
        publisher = publisher.get("name")
    year = attributes.get("publicationYear")
    year_int = int(year) if isinstance(year, int) or (isinstance(year, str) and year.isdigit()) else None
    types = attributes.get("types") if isinstance(attributes.get("types"), dict) else {}
    doi = _text(attributes.get("doi")) or _text(data.get("id"))
    return RegistryRecord(
        doi=normalize_doi(doi),
        source="datacite",
        type=_text(types.get("resourceTypeGeneral")) if types else "",
        title=_first(titles),
        authors=tuple(authors),
        years=(year_int,) if year_int else (),
        container=_text(container.get("title")) if container else "",
        volume=_text(container.get("volume")) if container else "",
        issue=_text(container.get("issue")) if container else "",
        page=_text(container.get("firstPage")) if container else "",
        publisher=_text(publisher),
    )


def parse_csl(body: Any) -> RegistryRecord:
    """CSL-JSON from doi.org content negotiation (Crossref, DataCite, mEDRA, JaLC, OP...)."""
    if not isinstance(body, dict) or not (isinstance(body.get("DOI"), str) or isinstance(body.get("id"), str)):
        raise ParseError("CSL-JSON item without a DOI")
    return RegistryRecord(
        doi=normalize_doi(_text(body.get("DOI")) or _text(body.get("id"))),
        source="csl",
        type=_text(body.get("type")),
        title=_first(body.get("title")),
        authors=_csl_authors(body.get("author")),
        years=_years(body, ("issued", "published-print", "published-online", "published")),
        container=_first(body.get("container-title")),
        short_containers=tuple(_strings(body.get("container-title-short"))),
        volume=_text(body.get("volume")),
        issue=_text(body.get("issue")),
        page=_text(body.get("page")),
        publisher=_text(body.get("publisher")),
        updated_by=_updates(body.get("updated-by")),
        update_to=_updates(body.get("update-to")),
    )


#: doi.org's RA names, folded to the agency keys the resolver routes on.
AGENCIES = {"crossref": "crossref", "datacite": "datacite"}


def parse_doi_ra(body: Any) -> str | None:
    """doi.org /ra/{prefix}: the agency ('crossref', 'datacite', 'medra', 'jalc', ...), None if unregistered."""
    if not isinstance(body, list) or not body or not isinstance(body[0], dict):
        raise ParseError("doi.org /ra answer is not a non-empty array")
    ra = body[0].get("RA")
    if isinstance(ra, str) and ra.strip():
        return ra.strip().lower()
    if "status" in body[0]:
        return None
    raise ParseError("doi.org /ra entry with neither RA nor status")


HAL_FIELDS = (
    "halId_s,title_s,subTitle_s,authLastName_s,authFirstName_s,producedDateY_i,publicationDateY_i,"
    "docType_s,doiId_s,journalTitle_s,bookTitle_s,volume_s,issue_s,page_s,publisher_s"
)


def parse_hal(body: Any) -> tuple[RegistryRecord, ...]:
    """The Solr answer of HAL's search API (`/search/?q=halId_s:...&wt=json`)."""
    response = body.get("response") if isinstance(body, dict) else None
    docs = response.get("docs") if isinstance(response, dict) else None
    if not isinstance(docs, list):
        raise ParseError("not a HAL search response")
    records = []
    for doc in docs:
        if not isinstance(doc, dict):
            continue
        families = _strings(doc.get("authLastName_s"))
        givens = _strings(doc.get("authFirstName_s"))
        years = [y for y in (doc.get("producedDateY_i"), doc.get("publicationDateY_i")) if isinstance(y, int)]
        records.append(
            RegistryRecord(
                doi=normalize_doi(_text(doc.get("doiId_s"))),
                source="hal",
                type=_text(doc.get("docType_s")),
                title=_first(doc.get("title_s")),
                subtitle=_first(doc.get("subTitle_s")),
                authors=tuple(RegistryAuthor(f, givens[i] if i < len(givens) else "") for i, f in enumerate(families)),
                years=tuple(dict.fromkeys(years)),
                container=_first(doc.get("journalTitle_s")) or _first(doc.get("bookTitle_s")),
                volume=_first(doc.get("volume_s")),
                issue=_first(doc.get("issue_s")),
                page=_first(doc.get("page_s")),
                publisher=_first(doc.get("publisher_s")),
                identifier=_text(doc.get("halId_s")),
            )
        )
    return tuple(records)


def record_to_json(record: RegistryRecord) -> dict[str, Any]:
    """A plain dict for the cache (a stable, registry-independent shape)."""
    return asdict(record)


def record_from_json(data: Any) -> RegistryRecord:
    """The inverse of record_to_json; ParseError for a cache row written by an incompatible version."""
    if not isinstance(data, dict):
        raise ParseError("cached record is not an object")
    try:
        fields = dict(data)
        fields["authors"] = tuple(RegistryAuthor(**a) for a in fields.get("authors", ()))
        fields["updated_by"] = tuple(Update(**u) for u in fields.get("updated_by", ()))
        fields["update_to"] = tuple(Update(**u) for u in fields.get("update_to", ()))
        fields["years"] = tuple(fields.get("years", ()))
        fields["short_containers"] = tuple(fields.get("short_containers", ()))
        return RegistryRecord(**fields)
    except TypeError as exc:
        raise ParseError(f"cached record has an unexpected shape: {exc}") from exc
