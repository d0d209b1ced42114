"""Settings for a run: frozen, merged from command-line options, a config file and defaults.

The config file is `[tool.biblio]` in a `pyproject.toml` or the top level of a `.biblio.toml`,
found by searching upward from the current directory (or named with `--config`). Precedence,
for every key: command line > config file > environment (BIBLIO_MAILTO, BIBLIO_*_URL,
BIBLIO_CACHE_DIR) > built-in defaults. This module only reads files; it never prints.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from biblio_cli.errors import UsageError
from biblio_cli.model import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

#: File names looked for in each directory, the first found winning.
CONFIG_NAME = ".biblio.toml"
PYPROJECT_NAME = "pyproject.toml"
#: `fail-on` values, as `--fail-on` spells them ("never": exit 0 whatever is found).
FAIL_ON = ("error", "warning", "info", "never")
#: APA locales of `biblio export` (export/core.py LOCALES; repeated so loading stays light).
LOCALES = ("en", "fr")
#: Config key -> registry name, as `make_resolver(urls=...)` expects them.
URL_KEYS = {"crossref-url": "crossref", "datacite-url": "datacite", "doiorg-url": "doiorg", "hal-url": "hal"}
KEYS = (
    "select",
    "ignore",
    "fail-on",
    "per-file-ignores",
    "locale",
    "mailto",
    *URL_KEYS,
    "cache-dir",
)


@dataclass(frozen=True, slots=True)
class FileConfig:
    """What a config file says; None (or empty) where it says nothing, so the merge can tell."""

    path: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    fail_on: str | None = None
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    locale: str | None = None
    mailto: str | None = None
    urls: tuple[tuple[str, str], ...] = ()
    cache_dir: Path | None = None

    @property
    def root(self) -> Path | None:
        """The directory relative paths and per-file-ignores globs are taken from."""
        return self.path.parent if self.path else None


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run needs to know, already merged (see `merge`)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity | None = Severity.ERROR  # None: never fail
    #: (glob, rule selectors) pairs; globs are relative to `root` (the config file's directory).
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    root: Path | None = None
    locale: str = "en"
    mailto: str | None = None  # None: BIBLIO_MAILTO decides
    urls: tuple[tuple[str, str], ...] = ()  # ("crossref", url), ...; absent: BIBLIO_*_URL decide
    cache_dir: Path | None = None  # None: BIBLIO_CACHE_DIR, then the user cache directory
    config_path: Path | None = None

    @property
    def url_map(self) -> dict[str, str]:
        """`urls` as `make_resolver(urls=...)` takes them."""
        return dict(self.urls)

    @property
    def fail_on_name(self) -> str:
        return self.fail_on.label if self.fail_on is not None else "never"


def _display(path: Path, start: Path) -> str:
    """A path as error messages show it: relative to where the search started, when below it."""
    try:
        return str(path.relative_to(start))
    except ValueError:
        return str(path)


def _read_toml(path: Path, shown: str) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
            return data
    except FileNotFoundError:
        raise UsageError(f"{shown}: no such config file") from None
    except IsADirectoryError:
        raise UsageError(f"{shown}: is a directory, expected a config file") from None
    except OSError as exc:
        raise UsageError(f"{shown}: cannot read ({exc.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"{shown}: invalid TOML ({exc})") from None


def _tool_table(data: dict[str, Any]) -> dict[str, Any] | None:
    tool = data.get("tool")
    table = tool.get("biblio") if isinstance(tool, dict) else None
    return table if isinstance(table, dict) else None


def find_config(start: Path) -> Path | None:
    """The nearest `.biblio.toml`, or `pyproject.toml` with [tool.biblio], from `start` upward."""
    start = start.absolute()
    for directory in (start, *start.parents):
        if (directory / CONFIG_NAME).is_file():
            return directory / CONFIG_NAME
        pyproject = directory / PYPROJECT_NAME
        if pyproject.is_file() and _tool_table(_read_toml(pyproject, _display(pyproject, start))) is not None:
            return pyproject
    return None


def load_config(start: Path, explicit: Path | None = None) -> FileConfig:
    """Read the config named by `explicit`, or the nearest one above `start`; empty when there is none.

    Raises UsageError, naming the file and the key, for anything it does not understand.
    """
    start = start.absolute()
    if explicit is not None:
        path = explicit if explicit.is_absolute() else start / explicit
        shown = str(explicit)
    else:
        found = find_config(start)
        if found is None:
            return FileConfig()
        path, shown = found, _display(found, start)
    data = _read_toml(path, shown)
    if path.name == PYPROJECT_NAME:
        table = _tool_table(data)
        if table is None:
            raise UsageError(f"{shown}: no [tool.biblio] table")
        return parse_config(table, path, f"{shown}: ", " in [tool.biblio]")
    return parse_config(data, path, f"{shown}: ")


def _strings(value: object, key: str, prefix: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise UsageError(f"{prefix}'{key}' must be a list of strings, got {_type(value)}")
    return tuple(item.strip() for item in value if item.strip())


def _string(value: object, key: str, prefix: str, choices: Sequence[str] = ()) -> str:
    if not isinstance(value, str):
        raise UsageError(f"{prefix}'{key}' must be a string, got {_type(value)}")
    if choices and value not in choices:
        raise UsageError(f"{prefix}'{key}' must be one of {', '.join(choices)}, got '{value}'")
    return value


def _type(value: object) -> str:
    names = {str: "a string", bool: "a boolean", int: "an integer", float: "a number", list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def _check_selectors(selectors: Sequence[str], key: str, prefix: str) -> None:
    """The same validation as --select: ids, codes, code prefixes or ALL."""
    from biblio_cli.rules import select_rules

    try:
        select_rules(selectors)
    except UsageError as exc:
        raise UsageError(f"{prefix}'{key}': {exc}") from None


def parse_config(table: Mapping[str, Any], path: Path, prefix: str = "", where: str = "") -> FileConfig:
    """Validate a config table (keys as written in the file) into a FileConfig."""
    for key in table:
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(KEYS)})"
            raise UsageError(f"{prefix}unknown key '{key}'{where}{hint}")
    values: dict[str, Any] = {"path": path}
    for key in ("select", "ignore"):
        if key in table:
            values[key] = _strings(table[key], key, prefix)
            _check_selectors(values[key], key, prefix)
    if "fail-on" in table:
        values["fail_on"] = _string(table["fail-on"], "fail-on", prefix, FAIL_ON)
    if "per-file-ignores" in table:
        raw = table["per-file-ignores"]
        if not isinstance(raw, dict):
            raise UsageError(f"{prefix}'per-file-ignores' must be a table of glob = [rules], got {_type(raw)}")
        pairs = []
        for glob, rules in raw.items():
            key = f'per-file-ignores."{glob}"'
            selectors = _strings(rules, key, prefix)
            _check_selectors(selectors, key, prefix)
            pairs.append((glob, selectors))
        values["per_file_ignores"] = tuple(pairs)
    if "locale" in table:
        values["locale"] = _string(table["locale"], "locale", prefix, LOCALES)
    if "mailto" in table:
        values["mailto"] = _string(table["mailto"], "mailto", prefix).strip()
    urls = []
    for key, name in URL_KEYS.items():
        if key in table:
            from biblio_cli.registry.http import check_base_url  # loads requests: only when URLs are set

            try:
                urls.append((name, check_base_url(_string(table[key], key, prefix), key)))
            except UsageError as exc:
                raise UsageError(f"{prefix}{exc}") from None
    values["urls"] = tuple(urls)
    if "cache-dir" in table:
        values["cache_dir"] = path.parent / Path(_string(table["cache-dir"], "cache-dir", prefix)).expanduser()
    return FileConfig(**values)


def merge(
    file: FileConfig,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    fail_on: str | None = None,
    locale: str | None = None,
    mailto: str | None = None,
    urls: Mapping[str, str] | None = None,
    cache_dir: Path | None = None,
) -> Settings:
    """Settings from command-line values (empty/None: not given) over the config file over defaults.

    A list given on the command line replaces the file's list (`--ignore X` replaces
    `ignore = [...]`); per-file-ignores always apply. Environment variables are not read here:
    they are the resolver's defaults, which the values kept here override.
    """
    fail_name = fail_on or file.fail_on or "error"
    file_urls = dict(file.urls)
    file_urls.update(urls or {})
    return Settings(
        select=tuple(select) if select else (file.select or ()),
        ignore=tuple(ignore) if ignore else (file.ignore or ()),
        fail_on=None if fail_name == "never" else Severity.parse(fail_name),
        per_file_ignores=file.per_file_ignores,
        root=file.root,
        locale=locale or file.locale or "en",
        mailto=mailto if mailto is not None else file.mailto,
        urls=tuple(sorted(file_urls.items())),
        cache_dir=cache_dir or file.cache_dir,
        config_path=file.path,
    )
