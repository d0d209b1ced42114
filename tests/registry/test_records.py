"""Parsers: our own fixtures in the registries' shapes, and every real recording in ../shared."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from biblio_cli.registry.records import (
    ParseError,
    RegistryRecord,
    parse_crossref_item,
    parse_crossref_list,
    parse_crossref_work,
    parse_csl,
    parse_datacite,
    parse_doi_ra,
    parse_hal,
    record_from_json,
    record_to_json,
)
from registry.fake_registry import crossref_item, csl_item, datacite_doc, hal_doc, update

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "registry-samples"


def envelope(message_type: str, message: Any) -> dict[str, Any]:
    return {"status": "ok", "message-type": message_type, "message-version": "1.0.0", "message": message}


def test_crossref_work_fields() -> None:
    item = crossref_item(
        "10.1111/ABC.1",
        "A <jats:italic>title</jats:italic>",
        [("Chêne", "Éloïse"), ("Smith", "J")],
        2020,
        published_print=2019,
        container="Journal",
        volume="7",
        issue="3",
        page="e33693",
        updated_by=[update("10.1111/fix", "correction")],
    )
    record = parse_crossref_work(envelope("work", item))
    assert record.doi == "10.1111/abc.1"
    assert record.authors[0].family == "Chêne"
    assert record.years == (2020, 2019)
    assert (record.container, record.volume, record.issue, record.first_page) == ("Journal", "7", "3", "e33693")
    assert record.updated_by[0].type == "correction"


def test_crossref_null_year_and_empty_title() -> None:
    item = crossref_item("10.1/x", "", [], None)
    record = parse_crossref_item(item)
    assert record.years == (2000,)  # only `created` remains, as in real records with [[null]]
    assert record.title == ""


def test_crossref_list_keeps_order() -> None:
    items = [crossref_item(f"10.1/{n}", f"T{n}", [("A", "B")], 2000) for n in range(3)]
    body = envelope("work-list", {"facets": {}, "total-results": 3, "items": items, "items-per-page": 3})
    assert [r.doi for r in parse_crossref_list(body)] == ["10.1/0", "10.1/1", "10.1/2"]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Resource not found.", id="plain-text-404-body"),
        pytest.param({"status": "failed", "message-type": "validation-failure", "message": []}, id="400"),
        pytest.param(envelope("work-list", {"items": None}), id="no-items"),
        pytest.param([], id="array"),
    ],
)
def test_crossref_rejects_other_shapes(body: Any) -> None:
    with pytest.raises(ParseError):
        parse_crossref_list(body)


def test_datacite() -> None:
    record = parse_datacite(datacite_doc("10.5281/ZENODO.1", "Data", [("Dupont", "Jean")], 2015))
    assert (record.doi, record.title, record.authors[0].family, record.years) == (
        "10.5281/zenodo.1",
        "Data",
        "Dupont",
        (2015,),
    )
    with pytest.raises(ParseError):
        parse_datacite({"errors": [{"status": "404", "title": "The resource you are looking for doesn't exist."}]})


def test_csl_upper_case_doi_and_literal_author() -> None:
    item = csl_item("10.2760/ABC", "Policy", [], 2017)
    item["author"] = [{"literal": "European Commission"}]
    record = parse_csl(item)
    assert record.doi == "10.2760/abc"
    assert record.authors[0].family == "European Commission"


@pytest.mark.parametrize(
    ("body", "agency"),
    [
        pytest.param([{"DOI": "10.1007", "RA": "Crossref"}], "crossref", id="crossref"),
        pytest.param([{"DOI": "10.1392", "RA": "mEDRA"}], "medra", id="medra"),
        pytest.param([{"DOI": "10.99999", "status": "DOI does not exist"}], None, id="unknown-prefix"),
    ],
)
def test_doi_ra(body: Any, agency: str | None) -> None:
    assert parse_doi_ra(body) == agency


def test_doi_ra_rejects_html() -> None:
    with pytest.raises(ParseError):
        parse_doi_ra("<html></html>")


def test_hal() -> None:
    body = {"response": {"numFound": 1, "start": 0, "docs": [hal_doc("tel-1", "Thèse", [("Martin", "Lucie")], 2016)]}}
    (record,) = parse_hal(body)
    assert (record.identifier, record.title, record.authors[0].given, record.years) == (
        "tel-1",
        "Thèse",
        "Lucie",
        (2016,),
    )


def test_record_round_trips_through_cache_json() -> None:
    record = parse_crossref_item(
        crossref_item("10.1/x", "T", [("A", "B")], 2001, updated_by=[update("10.1/y", "retraction")])
    )
    assert record_from_json(json.loads(json.dumps(record_to_json(record)))) == record
    with pytest.raises(ParseError):
        record_from_json({"unknown": 1})


# -- real recordings -----------------------------------------------------------------------------


def _parse_sample(name: str, status: int, body: Any) -> tuple[RegistryRecord, ...] | str | None:
    """Route a recorded answer to the parser biblio would use for it."""
    if name.startswith("openalex") or (name.startswith("cn-") and not isinstance(body, dict)):
        return "not parsed by biblio"
    if status != 200 or not isinstance(body, (dict, list)):
        return None
    if name.startswith("doi-org-ra"):
        return parse_doi_ra(body)
    if name.startswith("datacite"):
        return (parse_datacite(body),)
    if name.startswith("cn-"):
        return (parse_csl(body),)
    if isinstance(body, dict) and body.get("message-type") == "work":
        return (parse_crossref_work(body),)
    if isinstance(body, dict) and body.get("message-type") == "work-list":
        return parse_crossref_list(body)
    return "not parsed by biblio"


#: Details checked on particular recordings, on top of "every sample parses".
SAMPLE_CHECKS: dict[str, Callable[[RegistryRecord], bool]] = {
    "crossref-work-retracted-rw-pruned.json": lambda r: {u.type for u in r.updated_by} == {"correction", "retraction"},
    "crossref-work-retracted-eoc-rw-pruned.json": lambda r: "expression_of_concern" in {u.type for u in r.updated_by},
    "crossref-work-dissertation.json": lambda r: all(isinstance(y, int) for y in r.years),
    "crossref-work-new-version-update-to.json": lambda r: r.updated_by[0].doi == r.doi,
    "crossref-work-journal-article-funding-data-citation.json": lambda r: "<" not in r.title,
    "datacite-preprint-arxiv.json": lambda r: r.doi == "10.48550/arxiv.2311.16162",
    "cn-citeproc-json-datacite.json": lambda r: r.doi == "10.5281/zenodo.1147025",
    "crossref-work-openedition-journal-article.json": lambda r: r.doi == "10.4000/dms.865",
}


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/registry-samples is not available")
def test_parsers_accept_every_real_sample() -> None:
    seen = 0
    for path in sorted(SAMPLES.glob("*.json")):
        sample = json.loads(path.read_text(encoding="utf-8"))
        status, body = sample["response"]["status"], sample["response"]["body"]
        parsed = _parse_sample(path.name, status, body)
        if isinstance(parsed, tuple):
            for record in parsed:
                assert isinstance(record, RegistryRecord)
                assert record.doi.startswith("10."), path.name
                assert record_from_json(json.loads(json.dumps(record_to_json(record)))) == record
            if path.name in SAMPLE_CHECKS:
                assert SAMPLE_CHECKS[path.name](parsed[0]), path.name
            seen += 1
    assert seen >= 25
