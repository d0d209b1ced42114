"""Size limits and hostile input: clear one-line errors (exit 2) that say how to raise the limit."""

from __future__ import annotations

import codecs
import io
import time
import zipfile
from pathlib import Path

import pytest
from builders import make_docx, para, run

from biblio_cli.cli import run as cli
from biblio_cli.errors import InputError, UsageError
from biblio_cli.readers import package as package_module
from biblio_cli.readers import read_any, read_docx, read_html
from biblio_cli.readers.limits import (
    DEFAULT_MAX_SIZE,
    input_limit,
    max_line_chars,
    max_size,
    parse_size,
    read_limited,
)
from biblio_cli.readers.text import decode_bytes, read_document

DOC = "Le numérique (Paul, 2019).\n\n## Références\n\nPaul, M. (2019). *Le numérique*. Paris : PUF.\n"


def _stderr_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


@pytest.mark.parametrize(
    ("text", "size"),
    [("5000", 5000), ("200MB", 200_000_000), ("200 mb", 200_000_000), ("1.5GB", 1_500_000_000),
     ("1GiB", 1024**3), ("64KiB", 65536), ("2k", 2000)],
)  # fmt: skip
def test_sizes_are_parsed(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "MB", "-5MB", "0", "12 parsecs", "1e9"])
def test_bad_sizes_are_usage_errors(text: str) -> None:
    with pytest.raises(UsageError, match="invalid size"):
        parse_size(text)


def test_the_limit_is_scoped_to_its_block() -> None:
    assert max_size() == DEFAULT_MAX_SIZE == 50_000_000
    assert max_line_chars() == 1_000_000
    with input_limit(1000):
        assert max_size() == 1000 and max_line_chars() == 20
    assert max_size() == DEFAULT_MAX_SIZE


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_text(DOC * 100, encoding="utf-8")
    with input_limit(1000), pytest.raises(InputError) as info:
        read_document(path)
    message = str(info.value)
    assert "over the 1 kB input limit" in message and "--max-size" in message and "BIBLIO_MAX_SIZE" in message
    assert "\n" not in message


def test_cli_refuses_a_big_file_and_max_size_raises_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.md"
    path.write_text(DOC * 50, encoding="utf-8")  # about 5 kB
    assert cli(["check", str(path), "--max-size", "2kB"]) == 2
    assert "--max-size" in _stderr_line(capsys)
    assert cli(["check", str(path), "--max-size", "1MB", "--fail-on", "never"]) == 0
    capsys.readouterr()
    monkeypatch.setenv("BIBLIO_MAX_SIZE", "2kB")
    assert cli(["check", str(path)]) == 2
    assert "input limit" in _stderr_line(capsys)
    assert cli(["export", str(path), "--to", "bibtex"]) == 2
    assert "input limit" in _stderr_line(capsys)
    assert cli(["check", str(path), "--max-size", "bogus"]) == 2
    assert "invalid size" in capsys.readouterr().err
    assert max_size() == DEFAULT_MAX_SIZE  # nothing leaks out of a command


def test_stdin_over_the_limit_is_refused(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(DOC.encode() * 100)))
    assert cli(["check", "-", "--max-size", "1kB"]) == 2
    assert "<stdin>: the input (more than that) is over the 1 kB input limit" in _stderr_line(capsys)


class _Endless(io.RawIOBase):
    """/dev/zero as a stream without a file descriptor."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        buffer[:] = b"a" * len(buffer)
        return len(buffer)


def test_an_endless_stream_is_cut_at_the_limit() -> None:
    with input_limit(3_000_000), pytest.raises(InputError, match="input limit"):
        read_limited(io.BufferedReader(_Endless()), "<stdin>")


def test_a_huge_line_is_refused_with_its_number(tmp_path: Path) -> None:
    path = tmp_path / "line.md"
    path.write_text("# Title\n\n" + "Paul (2019) " * 200 + "\n", encoding="utf-8")
    with input_limit(50_000), pytest.raises(InputError, match=r"line 3 has 2,400 characters.*1,000-character") as info:
        read_document(path)
    assert "--max-size" in str(info.value)


def test_a_huge_line_in_html_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text("<p>" + "Paul (2019) " * 200 + "</p>", encoding="utf-8")
    with input_limit(50_000), pytest.raises(InputError, match="line 1 has"):
        read_html(path)


def test_nul_bytes_anywhere_mean_a_binary_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = DOC.encode() * 200 + b"\x00" + DOC.encode()
    with pytest.raises(InputError, match=f"binary file.*NUL at byte {len(DOC.encode()) * 200}"):
        decode_bytes(data, "doc.md")
    path = tmp_path / "doc.md"
    path.write_bytes(data)
    assert cli(["check", str(path)]) == 2
    assert "binary" in _stderr_line(capsys)


def test_undecodable_bytes_are_reported_at_their_position_in_the_file() -> None:
    with pytest.raises(InputError, match=r"not valid utf-8 text \(byte 6\)"):
        decode_bytes(codecs.BOM_UTF8 + b"abc\xff", "doc.md")
    with pytest.raises(InputError, match=r"not valid utf-16 text \(byte 4\)"):
        decode_bytes(codecs.BOM_UTF16_LE + "a".encode("utf-16-le") + b"\x00\xdc", "doc.md")


def _docx_of_size(path: Path, paragraphs: int) -> Path:
    return make_docx(path, "".join(para(run(f"Paragraphe {i} (Paul, 2019).")) for i in range(paragraphs)))


def test_package_limits_scale_with_the_input_limit(tmp_path: Path) -> None:
    path = _docx_of_size(tmp_path / "a.docx", 200)
    with zipfile.ZipFile(path) as archive:
        size = archive.getinfo("word/document.xml").file_size
    factor = package_module.MAX_PART_BYTES / DEFAULT_MAX_SIZE
    small = int((size - 1) / factor)
    with (
        input_limit(small),
        pytest.raises(InputError, match=r"inflates to .* limit for XML inside a package.*--max-size"),
    ):
        read_docx(path)
    with input_limit(small * 2):
        assert read_docx(path).lines


def test_a_zip_with_absurdly_many_members_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _docx_of_size(tmp_path / "a.docx", 2)
    with zipfile.ZipFile(path, "a") as archive:
        for i in range(20):
            archive.writestr(f"junk/{i}", b"")
    monkeypatch.setattr(package_module, "MAX_MEMBERS", 10)
    with pytest.raises(InputError, match="more than 10 members"):
        read_docx(path)


def test_deeply_nested_xml_is_refused(tmp_path: Path) -> None:
    depth = 5000  # deeper than Python's recursion limit: the readers' walks would overflow
    body = "<w:sdt><w:sdtContent>" * depth + para(run("(Paul, 2019)")) + "</w:sdtContent></w:sdt>" * depth
    started = time.perf_counter()
    with pytest.raises(InputError, match="nested more than 256 elements deep"):
        read_docx(make_docx(tmp_path / "a.docx", body))
    assert time.perf_counter() - started < 5


def test_moderate_nesting_is_read(tmp_path: Path) -> None:
    depth = 60
    body = "<w:sdt><w:sdtContent>" * depth + para(run("Texte (Paul, 2019).")) + "</w:sdtContent></w:sdt>" * depth
    assert "Texte (Paul, 2019)." in read_docx(make_docx(tmp_path / "a.docx", body)).lines


def test_xml_entities_are_never_expanded(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        "<w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"
    )
    with pytest.raises(InputError, match="DTD or entities"):
        read_docx(make_docx(tmp_path / "a.docx", "", document_xml=laughs))


def test_deeply_nested_html_is_linear_and_absurd_nesting_is_refused(tmp_path: Path) -> None:
    deep = tmp_path / "deep.html"
    deep.write_text("<div>" * 50_000 + "Texte (Paul, 2019)." + "</div>" * 50_000, encoding="utf-8")
    started = time.perf_counter()
    assert "Texte (Paul, 2019)." in read_html(deep).lines
    assert time.perf_counter() - started < 5  # scanning the stack per tag took minutes
    absurd = tmp_path / "absurd.html"
    absurd.write_text("<b>" * 150_000 + "x", encoding="utf-8")
    with pytest.raises(InputError, match=r"absurd.html: more than 100,000 HTML elements open at once"):
        read_html(absurd)


def test_a_pdf_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"0" * 5000)
    with input_limit(1000), pytest.raises(InputError, match="input limit"):
        read_any(path)
