"""CSL-JSON output is valid against a hand-written subset of the official csl-data.json schema.

The subset covers what our items contain: id, type (the full CSL 1.0.2 type list), name lists,
dates and the string fields. Unlike the official schema (which lists every CSL variable), it
rejects unknown keys *among the ones we write*, so a typo in a field name fails here.
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from biblio_cli.export import export_references
from biblio_cli.export.core import load_text
from export.cases import CASES
from export.conftest import references

CSL_TYPES = [
    "article",
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "bill",
    "book",
    "broadcast",
    "chapter",
    "classic",
    "collection",
    "dataset",
    "document",
    "entry",
    "entry-dictionary",
    "entry-encyclopedia",
    "figure",
    "graphic",
    "hearing",
    "interview",
    "legal_case",
    "legislation",
    "manuscript",
    "map",
    "motion_picture",
    "musical_score",
    "pamphlet",
    "paper-conference",
    "patent",
    "performance",
    "periodical",
    "personal_communication",
    "post",
    "post-weblog",
    "regulation",
    "report",
    "review",
    "review-book",
    "software",
    "song",
    "speech",
    "standard",
    "thesis",
    "treaty",
    "webpage",
]

STRING = {"type": "string", "minLength": 1}
STRING_OR_NUMBER = {"type": ["string", "number"]}

NAME = {
    "oneOf": [
        {
            "type": "object",
            "properties": {
                "family": STRING,
                "given": STRING,
                "non-dropping-particle": STRING,
                "dropping-particle": STRING,
                "suffix": STRING,
            },
            "required": ["family"],
            "additionalProperties": False,
        },
        {
            "type": "object",
            "properties": {"literal": STRING},
            "required": ["literal"],
            "additionalProperties": False,
        },
    ]
}

DATE = {
    "type": "object",
    "oneOf": [
        {
            "properties": {
                "date-parts": {
                    "type": "array",
                    "items": {
                        "type": "array",
                        "prefixItems": [
                            {"type": "integer", "minimum": 1, "maximum": 9999},
                            {"type": "integer", "minimum": 1, "maximum": 12},
                            {"type": "integer", "minimum": 1, "maximum": 31},
                        ],
                        "minItems": 1,
                        "maxItems": 3,
                    },
                    "minItems": 1,
                    "maxItems": 2,
                }
            },
            "required": ["date-parts"],
            "additionalProperties": False,
        },
        {"properties": {"literal": STRING}, "required": ["literal"], "additionalProperties": False},
    ],
}

ITEM = {
    "type": "object",
    "properties": {
        "id": {"type": ["string", "number"]},
        "type": {"enum": CSL_TYPES},
        "author": {"type": "array", "items": NAME, "minItems": 1},
        "editor": {"type": "array", "items": NAME, "minItems": 1},
        "issued": DATE,
        "status": STRING,
        "title": STRING,
        "container-title": STRING,
        "genre": STRING,
        "volume": STRING_OR_NUMBER,
        "issue": STRING_OR_NUMBER,
        "page": STRING_OR_NUMBER,
        "publisher": STRING,
        "publisher-place": STRING,
        "DOI": STRING,
        "URL": STRING,
        "language": STRING,
        "note": STRING,
    },
    "required": ["id", "type"],
    "additionalProperties": False,
}

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "array",
    "items": ITEM,
}


def validate(items: Any) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator(SCHEMA).validate(items)


def test_csl_json_output_is_valid(source: str) -> None:
    refs = references(source)
    items = json.loads(export_references(refs, "csl-json", language="fr").text)
    assert len(items) == len(refs)
    validate(items)
    assert len({item["id"] for item in items}) == len(items), "ids must be unique"


def test_csl_json_round_trip_is_still_valid(source: str) -> None:
    text = export_references(references(source), "csl-json").text
    again = export_references(load_text(text, "csl-json").references, "csl-json").text
    validate(json.loads(again))


@pytest.mark.parametrize(
    "bad",
    [
        {"type": "book"},  # no id
        {"id": "x", "type": "thesis-phd"},  # not a CSL type
        {"id": "x", "type": "book", "author": [{"given": "A."}]},  # no family
        {"id": "x", "type": "book", "author": [{"literal": "ANCT", "family": "ANCT"}]},
        {"id": "x", "type": "book", "author": "Paul, M."},
        {"id": "x", "type": "book", "issued": {"date-parts": [["2020"]]}},
        {"id": "x", "type": "book", "issued": {"date-parts": [[2020, 13]]}},
        {"id": "x", "type": "book", "issued": 2020},
        {"id": "x", "type": "book", "title": 12},
        {"id": "x", "type": "book", "doi": "10.1/x"},  # CSL spells it DOI
    ],
)
def test_schema_rejects_invalid_items(bad: dict[str, Any]) -> None:
    with pytest.raises(jsonschema.ValidationError):
        validate([bad])


def test_schema_accepts_the_documented_shapes() -> None:
    validate(
        [
            {"id": 1, "type": "book", "author": [{"literal": "ANCT"}], "issued": {"literal": "s. d."}},
            {
                "id": "a",
                "type": "chapter",
                "author": [{"family": "Paul", "given": "M."}],
                "issued": {"date-parts": [[2019, 5, 2]]},
            },
        ]
    )


def test_every_case_type_maps_to_a_csl_type() -> None:
    items = json.loads(export_references(CASES, "csl-json").text)
    assert {item["type"] for item in items} <= set(CSL_TYPES)
