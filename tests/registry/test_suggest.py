"""DOIs registered nowhere get a "did you mean" from a validated search; arXiv ids go to DataCite;
make_resolver takes config values over the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from biblio_cli.commands.registry_cli import make_resolver
from biblio_cli.errors import UsageError
from biblio_cli.pipeline import check_text
from biblio_cli.registry.compare import near_doi
from biblio_cli.registry.resolve import Resolver
from registry.fake_registry import FakeRegistry, crossref_item, datacite_doc

TYPO = "Girard, N. (2018). Les tiers-lieux et la fabrique du commun. *Espaces et sociétés*, 4(2), 10-30. https://doi.org/10.1111/tierslieux.2O18\n"
ELSEWHERE = "Girard, N. (2018). Les tiers-lieux et la fabrique du commun. *Espaces et sociétés*, 4(2), 10-30. https://doi.org/10.1111/wrong.77\n"
WRONG_AUTHOR = "Lambert, Q. (2018). Les tiers-lieux et la fabrique du commun. *Espaces et sociétés*, 4(2), 10-30. https://doi.org/10.1111/tierslieux.2O18\n"


def document(entry: str) -> str:
    return f"# Texte\n\nVoir Girard (2018) et Lambert (2018).\n\n## Références\n\n{entry}"


def girard(doi: str = "10.1111/tierslieux.2018", title: str = "Les tiers-lieux et la fabrique du commun") -> dict:
    return crossref_item(doi, title, [("Girard", "Nadia")], 2018, container="Espaces et sociétés", volume="4")


def not_found(text: str, resolver: Resolver) -> list[tuple[str, str | None]]:
    result = check_text(text, online=resolver.resolve_references)
    return [(f.message, f.suggestion) for f in result.findings if f.rule == "doi-not-found"]


def test_near_doi() -> None:
    assert near_doi("10.1111/tierslieux.2O18", "10.1111/tierslieux.2018")  # O for 0
    assert near_doi("10.1111/abcd", "10.1111/abdc")  # transposition: one edit
    assert near_doi("10.1111/ABC.1", "10.1111/abc.12")
    assert not near_doi("10.1111/abc.1", "10.1111/abc.1")  # the same DOI is not a typo of itself
    assert not near_doi("10.1111/wrong.77", "10.1111/tierslieux.2018")


def test_typo_in_the_doi_gets_did_you_mean(fake: FakeRegistry, resolver: Resolver) -> None:
    fake.add_work(girard())
    [(message, suggestion)] = not_found(document(TYPO), resolver)
    assert message == "10.1111/tierslieux.2o18 is not registered anywhere"
    assert suggestion is not None and suggestion.startswith("did you mean 10.1111/tierslieux.2018? (a typo away")


def test_a_search_finds_the_work_under_another_doi(fake: FakeRegistry, resolver: Resolver) -> None:
    fake.add_work(girard())
    [(_, suggestion)] = not_found(document(ELSEWHERE), resolver)
    assert suggestion is not None and suggestion.startswith("did you mean 10.1111/tierslieux.2018? (a search")


def test_near_doi_settles_a_tie_between_duplicate_deposits(fake: FakeRegistry, resolver: Resolver) -> None:
    fake.add_work(girard())
    fake.add_work(girard("10.1111/dup.tierslieux"))  # the same work deposited twice
    [(_, suggestion)] = not_found(document(TYPO), resolver)
    assert suggestion is not None and "did you mean 10.1111/tierslieux.2018?" in suggestion
    # Without a near DOI nothing decides between the two: no guess.
    [(_, suggestion)] = not_found(document(ELSEWHERE), resolver)
    assert suggestion is None


def test_a_near_doi_alone_is_not_enough(fake: FakeRegistry, resolver: Resolver) -> None:
    """The work under the near DOI has another first author: validation fails, nothing is suggested."""
    fake.add_work(girard())
    [(_, suggestion)] = not_found(document(WRONG_AUTHOR), resolver)
    assert suggestion is None


ARXIV_DOC = (
    "# Text\n\nSee Yin (2023) and Vaswani (2017).\n\n## References\n\n"
    "Yin, H. (2023). Leveraging artificial intelligence technology for mapping research to sustainable "
    "development goals: A case study. arXiv:2311.16162v2\n"
    "Vaswani, A. (2017). A completely different title about transformers. arXiv:1706.03762\n"
)


def test_arxiv_ids_resolve_through_datacite(fake: FakeRegistry, resolver: Resolver) -> None:
    fake.add_datacite(
        datacite_doc(
            "10.48550/arxiv.2311.16162",
            "Leveraging Artificial Intelligence Technology for Mapping Research to Sustainable Development Goals: A Case Study",
            [("Yin", "Hui")],
            2023,
            "Preprint",
        )
    )
    fake.add_datacite(
        datacite_doc(
            "10.48550/arxiv.1706.03762", "Attention Is All You Need", [("Vaswani", "Ashish")], 2017, "Preprint"
        )
    )
    result = check_text(ARXIV_DOC, online=resolver.resolve_references)
    lookups = resolver.resolve_references(result.references).lookups
    assert lookups["10.48550/arxiv.2311.16162"].status == "found"
    assert lookups["10.48550/arxiv.2311.16162"].agency == "datacite"
    # Routed straight to DataCite: no Crossref batch, no agency lookup for 10.48550.
    assert {service for service, path in fake.log if "48550" in path} == {"datacite"}
    assert sorted(path for service, path in fake.log if service == "datacite") == [
        "/dois/10.48550/arxiv.1706.03762",
        "/dois/10.48550/arxiv.2311.16162",
    ]
    mismatches = [(f.rule, f.line, f.message) for f in result.findings if f.rule == "metadata-mismatch"]
    assert len(mismatches) == 1 and mismatches[0][1] == 8 and mismatches[0][2].startswith("title differs")


def test_unknown_arxiv_id_is_not_found(fake: FakeRegistry, resolver: Resolver) -> None:
    lookups = resolver.resolve_dois(["10.48550/arxiv.2401.00001"])
    assert lookups["10.48550/arxiv.2401.00001"].status == "not-found"


# -- make_resolver: config values over the environment ---------------------------------------


def test_make_resolver_urls_and_mailto_win_over_the_environment(fake: FakeRegistry, tmp_path: Path) -> None:
    urls = {"crossref": "http://127.0.0.1:1", "hal": "https://hal.example.org/"}
    with make_resolver(False, False, tmp_path, mailto="config@example.org", urls=urls) as resolver:
        endpoints = resolver.settings.endpoints
        assert endpoints.crossref == "http://127.0.0.1:1"
        assert endpoints.hal == "https://hal.example.org"
        assert endpoints.datacite == fake.urls["datacite"]  # from BIBLIO_DATACITE_URL
        assert "mailto:config@example.org" in resolver.client.session.headers["User-Agent"]
    with make_resolver(False, False, tmp_path) as resolver:
        assert resolver.settings.endpoints.crossref == fake.urls["crossref"]
        assert "mailto:tests@example.org" in resolver.client.session.headers["User-Agent"]


@pytest.mark.parametrize(
    ("urls", "message"),
    [
        ({"crossref": "http://api.crossref.org"}, "plain http is allowed only for loopback"),
        ({"doiorg": "ftp://127.0.0.1"}, "must be an https URL"),
        ({"openalex": "https://api.openalex.org"}, "unknown registry openalex"),
    ],
)
def test_make_resolver_checks_config_urls(tmp_path: Path, urls: dict[str, str], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        make_resolver(False, False, tmp_path, urls=urls)
