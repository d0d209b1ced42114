"""What goes out, and where: TLS always verified, https only (loopback http for tests), requests
only to the configured registries (never to a URL found in a document), and only identifiers
and reference strings in them (never the document's text)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import requests
from click.testing import CliRunner

from biblio_cli.cli import main
from biblio_cli.errors import UsageError
from biblio_cli.registry.http import HttpClient, HttpSettings, RegistryUnavailable, check_url
from biblio_cli.registry.resolve import Endpoints
from registry.conftest import FAST_HTTP
from registry.fake_registry import FakeRegistry
from registry.scenario import populate

#: Every path the fake registry may see from biblio, per service.
EXPECTED_PATHS = {
    "crossref": re.compile(r"^/works\?(filter=doi(:|%3A)|query\.bibliographic=)"),
    "datacite": re.compile(r"^/dois/10\.\d+/"),
    "doiorg": re.compile(r"^/(ra/10\.\d+|cn/10\.\d+%2F.+|10\.\d+/.+)$"),
    "hal": re.compile(r"^/search/\?q=halId_s"),
}


@pytest.fixture(autouse=True)
def _fast_http(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(HttpSettings, "from_env", classmethod(lambda cls, **overrides: FAST_HTTP))


@pytest.fixture
def trap() -> Iterator[tuple[str, list[str]]]:
    """A loopback server that records any request: nothing should ever reach it."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://api.crossref.org", True),
        ("http://127.0.0.1:8080", True),
        ("http://localhost:8080", True),
        ("http://[::1]:8080", True),
        ("http://api.crossref.org", False),
        ("http://10.0.0.1", False),
        ("http://127.0.0.1.nip.io", False),
        ("ftp://127.0.0.1", False),
        ("file:///etc/passwd", False),
        ("https://", False),
    ],
)
def test_only_https_or_loopback_http(url: str, ok: bool) -> None:
    assert check_url(url) is ok
    if ok:
        assert Endpoints.from_env({"BIBLIO_CROSSREF_URL": url}).crossref == url.rstrip("/")
    else:
        with pytest.raises(UsageError):
            Endpoints.from_env({"BIBLIO_CROSSREF_URL": url})


def test_tls_verification_cannot_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    client = HttpClient(FAST_HTTP)
    client.session.verify = False  # even a session told not to verify
    seen: list[dict[str, Any]] = []

    def get(url: str, **kwargs: Any) -> requests.Response:
        seen.append(kwargs)
        raise requests.ConnectionError("stop here")

    monkeypatch.setattr(client.session, "get", get)
    with pytest.raises(RegistryUnavailable):
        client.get_json("https://registry.invalid/works/10.1/x")
    assert seen and all(kwargs["verify"] is True for kwargs in seen)
    assert all(kwargs["allow_redirects"] is False for kwargs in seen)  # each redirect is checked by us


def test_a_redirect_away_from_https_is_not_followed(fake: FakeRegistry) -> None:
    populate(fake)
    fake.fail("doiorg", "redirect:http://203.0.113.7/steal", times=0)  # the DNS/connect guards would raise
    client = HttpClient(FAST_HTTP)
    with pytest.raises(RegistryUnavailable, match="redirected to a URL that is not https"):
        client.get_json(f"{fake.urls['doiorg']}/10.1392/medra.1", accept="application/vnd.citationstyles.csl+json")
    client.close()


def test_the_content_negotiation_redirect_is_followed(fake: FakeRegistry) -> None:
    populate(fake)
    client = HttpClient(FAST_HTTP)
    result = client.get_json(f"{fake.urls['doiorg']}/10.1392/medra.1")
    assert result.status == 200 and result.body["DOI"] == "10.1392/MEDRA.1"
    assert [path for _, path in fake.log] == ["/10.1392/medra.1", "/cn/10.1392%2Fmedra.1"]
    client.close()


def test_no_request_goes_to_a_url_found_in_a_document(
    fake: FakeRegistry, trap: tuple[str, list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    populate(fake)
    evil, hits = trap
    monkeypatch.setenv("BIBLIO_CACHE_DIR", str(tmp_path / "cache"))
    html = tmp_path / "paper.html"
    html.write_text(
        f"""<!DOCTYPE html><html lang="fr"><head><title>Article</title></head><body>
<p>SECRETBODYTEXT Voir Paul (2019), Hargittai (2002) et Martin (2016).
<a href="{evil}/evil">{evil}/evil</a> <img src="{evil}/pixel.png"></p>
<h2>Références</h2>
<ul>
<li>Paul, M. (2019). Les usages du numérique en famille. <i>Réseaux</i>, 37(3), 11-40.
<a href="https://doi.org/10.1111/good.1">https://doi.org/10.1111/good.1</a></li>
<li>Hargittai, E. (2002). Second-level digital divide: Differences in people's online skills.
<i>First Monday</i>, 7(4). <a href="{evil}/evil?doi=10.1111/x">{evil}/evil</a></li>
<li>Martin, L. (2016). <i>Les bibliothèques publiques et le numérique</i>. Thèse, Université de Lyon.
<a href="{evil}/hal/tel-01164360">tel-01164360</a></li>
</ul></body></html>
""",
        encoding="utf-8",
    )
    markdown = tmp_path / "paper.md"
    markdown.write_text(
        "# Texte\n\nSECRETBODYTEXT Voir Paul (2019).\n\n## Références\n\n"
        f'Paul, M. (2019). Les usages du numérique en famille. *Réseaux*, 37(3), 11-40. <a href="{evil}/evil">lien</a> '
        "https://doi.org/10.1111/good.1\n",
        encoding="utf-8",
    )
    for path in (html, markdown):
        result = CliRunner().invoke(main, ["check", str(path), "--online", "--refresh", "--format", "json"])
        assert result.exit_code in (0, 1), result.output
    assert hits == []  # nothing went to the document's links
    assert fake.log, "the registries were asked"
    for service, path in fake.log:
        assert EXPECTED_PATHS[service].match(path), (service, path)
        assert "SECRETBODYTEXT" not in unquote(path)  # only identifiers and reference strings leave
        assert evil.removeprefix("http://") not in unquote(path)
    searches = [unquote(p) for s, p in fake.log if s == "crossref" and "query.bibliographic" in p]
    assert searches and all("Hargittai" in q for q in searches)  # the reference string, and only it
