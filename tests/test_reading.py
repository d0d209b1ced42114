"""Reading documents: encodings, line endings, and bad input with one clear error."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from biblio_cli.errors import InputError
from biblio_cli.readers.text import decode_bytes, read_document

SAMPLE = "Références\n\nChêne, É. (2020). Œuvres complètes. Éditions.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param(SAMPLE.encode("utf-8"), "utf-8", id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig", id="utf-8-bom"),
        pytest.param(SAMPLE.encode("cp1252"), "cp1252", id="cp1252"),
        pytest.param(SAMPLE.encode("utf-16"), "utf-16", id="utf-16-bom"),
    ],
)
def test_encodings_are_detected(data: bytes, encoding: str) -> None:
    text, found = decode_bytes(data)
    assert found == encoding
    assert "Chêne, É. (2020). Œuvres" in text


def test_latin1_only_bytes_fall_back() -> None:
    # 0x81 is undefined in cp1252: only latin-1 can decode it.
    text, found = decode_bytes("café".encode("latin-1") + b"\x81")
    assert found == "latin-1"
    assert text.startswith("café")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_line_endings_give_the_same_lines(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "doc.md"
    path.write_bytes(newline.join(["# Title", "", "Text (Paul, 2019).", ""]).encode())
    doc = read_document(path)
    assert doc.lines == ("# Title", "", "Text (Paul, 2019).")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda p: p / "missing.md", "no such file", id="missing"),
        pytest.param(lambda p: p, "is a directory", id="directory"),
        pytest.param(lambda p: _bytes(p, b""), "empty", id="empty"),
        pytest.param(lambda p: _bytes(p, b"  \n\n "), "empty", id="blank"),
        pytest.param(lambda p: _bytes(p, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary", id="binary"),
        pytest.param(lambda p: _bytes(p, codecs.BOM_UTF8 + b"\xff\xfe bad"), "not valid utf-8", id="bad-utf8-bom"),
    ],
)
def test_bad_input_is_one_clear_error(tmp_path: Path, make: object, message: str) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(InputError, match=message) as info:
        read_document(path)
    assert "\n" not in str(info.value)


def _bytes(directory: Path, data: bytes) -> Path:
    path = directory / "doc.md"
    path.write_bytes(data)
    return path


def test_language_is_detected(tmp_path: Path) -> None:
    fr = tmp_path / "fr.md"
    fr.write_text("Le travail social et les usages du numérique dans les établissements de la région.")
    en = tmp_path / "en.md"
    en.write_text("The digital practices of social workers and the use of the internet in this field.")
    assert read_document(fr).language == "fr"
    assert read_document(en).language == "en"
