"""Rules that read what the registries said (only with `--online`, or `--offline` from the cache).

Without an online result in the context every rule here yields nothing, so a plain `check`
stays offline and deterministic.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from biblio_cli.model import Reference, Severity
from biblio_cli.registry.compare import compare, near_doi
from biblio_cli.registry.records import RegistryRecord
from biblio_cli.rules.base import Context, Issue

if TYPE_CHECKING:  # resolve.py pulls in requests; offline runs never need it
    from biblio_cli.registry.resolve import OnlineResult

# Lookup statuses (resolve.py's constants, repeated to keep requests out of offline imports).
FOUND_STATUS = "found"
NOT_FOUND_STATUS = "not-found"
UNAVAILABLE = "unavailable"

#: `updated-by` types that mean the work should no longer be relied on.
RETRACTING_UPDATES = frozenset({"retraction", "withdrawal", "removal", "expression_of_concern"})
#: `updated-by` types that amend a work that still stands.
CORRECTING_UPDATES = frozenset({"correction", "erratum", "corrigendum", "addendum", "clarification"})


def _found(ctx: Context) -> Iterator[tuple[Reference, RegistryRecord]]:
    online = _online(ctx)
    if online is None:
        return
    for ref in ctx.references:
        lookup = online.lookup_for(ref)
        if lookup is not None and lookup.status == FOUND_STATUS and lookup.record is not None:
            yield ref, lookup.record


def _online(ctx: Context) -> OnlineResult | None:
    return ctx.online


def _work(record: RegistryRecord) -> str:
    who = record.authors[0].family if record.authors else "?"
    return f"{who} ({record.year or 'n.d.'}), {record.title or 'untitled'}"


def check_doi_not_found(ctx: Context) -> Iterator[Issue]:
    """A DOI (or HAL/arXiv id) that no registry knows.

    Crossref, then the agency of the DOI's prefix (doi.org), then that agency itself were
    asked; none knows the identifier. Usually a typo, a DOI cut at a line break, or a DOI
    from a preprint that was never registered. The entry is then searched for (Crossref
    `query.bibliographic`) and a candidate is validated as for `missing-doi` (title, first
    author and year agree, clearly ahead of the runner-up; a DOI a typo away from the listed
    one settles a tie): the suggestion reads "did you mean 10.xxxx/yyy?".

    A registry that could not be reached never produces this finding: see
    `registry-unavailable`.

    Example:

    ```
    Paul, M. (2019). Titre. Revue, 3, 1-10. https://doi.org/10.1234/does-not-exist
    ```
    """
    online = _online(ctx)
    if online is None:
        return
    for ref in ctx.references:
        lookup = online.lookup_for(ref)
        if lookup is None or lookup.status != NOT_FOUND_STATUS:
            continue
        found = online.suggestions.get(ref.id)
        suggestion = None
        if found is not None and found.doi:
            how = (
                "a typo away from the listed DOI, and the registry's title, author and year match"
                if near_doi(lookup.key, found.doi)
                else "a search for the entry found this work, with matching title, author and year"
            )
            suggestion = f"did you mean {found.doi}? ({how})"
        yield Issue(ref.line, f"{lookup.key} is not registered anywhere", reference=ref.id, suggestion=suggestion)


def check_metadata_mismatch(ctx: Context) -> Iterator[Issue]:
    """The registry's record disagrees with the entry on first author, title or year.

    The DOI probably points at another work, or the entry was copied wrongly. Names are
    compared accent-, case- and particle-insensitively; titles fuzzily after stripping JATS
    and HTML tags (threshold `TITLE_MATCH_MIN` in `registry/compare.py`); any of the issued,
    print or online years is accepted.

    Example: listed `Paul, M. (2019). Les usages...` while the DOI's record names Martin (2015).
    """
    for ref, record in _found(ctx):
        for m in compare(ref, record):
            if m.severity == Severity.ERROR:
                yield Issue(
                    ref.line,
                    f"{m.field} differs from the registry: listed '{m.listed}', registered '{m.registered}'",
                    reference=ref.id,
                    suggestion=f"use '{m.registered}'",
                )


def check_detail_mismatch(ctx: Context) -> Iterator[Issue]:
    """The registry's record disagrees on container, volume, issue or first page.

    Details rather than identity: journal names may be abbreviated ('J. Appl. Phys.'
    matches 'Journal of Applied Physics'); a volume/issue swap is reported as such.

    Example: listed `Réseaux, 3(37)`, registered volume 37, issue 3.
    """
    for ref, record in _found(ctx):
        for m in compare(ref, record):
            if m.severity != Severity.ERROR:
                yield Issue(
                    ref.line,
                    f"{m.field} differs from the registry: listed '{m.listed}', registered '{m.registered}'",
                    reference=ref.id,
                    suggestion=f"use '{m.registered}'",
                )


def check_missing_doi(ctx: Context) -> Iterator[Issue]:
    """An entry without a DOI, for which a Crossref search found the work.

    Candidates from `query.bibliographic` are validated against the entry's title, first
    author and year; a DOI is suggested only when the best candidate is validated and
    clearly ahead of the runner-up, never on the search score alone.

    Example: `Hargittai, E. (2002). Second-level digital divide...` -> add https://doi.org/10.5210/fm.v7i4.942
    """
    online = _online(ctx)
    if online is None:
        return
    for ref in ctx.references:
        found = online.suggestions.get(ref.id)
        if found is None or not found.doi or ref.doi:
            continue
        yield Issue(
            ref.line,
            f"no DOI given; the registry has this work as {_work(found)}",
            reference=ref.id,
            suggestion=f"add https://doi.org/{found.doi}",
        )


def check_retracted(ctx: Context) -> Iterator[Issue]:
    """A cited work was retracted, withdrawn, or has an expression of concern.

    Read from the record's `updated-by` (publisher or Retraction Watch data). Citing the
    retraction notice itself is reported too, so the citation can be checked on purpose.

    Example: a DOI whose Crossref record has `updated-by` of type `retraction`.
    """
    for ref, record in _found(ctx):
        updates = [u for u in record.updated_by if u.type in RETRACTING_UPDATES and u.doi != record.doi]
        if updates:
            what = ", ".join(sorted({u.type.replace("_", " ") for u in updates}))
            notice = next((u.doi for u in updates if u.doi), "")
            yield Issue(
                ref.line,
                f"cited work has a {what} on record" + (f" (notice {notice})" if notice else ""),
                reference=ref.id,
                suggestion="check the notice; cite it alongside, or drop the work",
            )
        notices = [u for u in record.update_to if u.type in RETRACTING_UPDATES and u.doi != record.doi]
        if notices:
            yield Issue(
                ref.line,
                f"this is a {notices[0].type.replace('_', ' ')} notice for {notices[0].doi}",
                reference=ref.id,
            )


def check_corrected_work(ctx: Context) -> Iterator[Issue]:
    """A cited work has a correction (erratum, corrigendum) on record.

    Informational: the work stands, but readers may want the corrected version.

    Example: a DOI whose Crossref record has `updated-by` of type `correction`.
    """
    for ref, record in _found(ctx):
        if any(u.type in RETRACTING_UPDATES for u in record.updated_by):
            continue  # `retracted` says more
        updates = [u for u in record.updated_by if u.type in CORRECTING_UPDATES and u.doi != record.doi]
        if updates:
            yield Issue(
                ref.line,
                f"cited work has a {updates[0].type} on record ({updates[0].doi})",
                reference=ref.id,
            )


def check_registry_unavailable(ctx: Context) -> Iterator[Issue]:
    """A registry could not be reached, so some identifiers were not verified.

    Reported once per document, never as `doi-not-found`: timeouts, rate limiting that
    outlasted the retries, server errors, answers that were not JSON, or a refusal (HTTP
    403), after which biblio stops calling that host for the rest of the run. Every local
    finding is still reported.

    Example: `3 identifier(s) not verified: api.crossref.org: HTTP 503`.
    """
    online = _online(ctx)
    if online is None:
        return
    unverified = sum(1 for lookup in online.lookups.values() if lookup.status == UNAVAILABLE)
    if online.unavailable or unverified:
        line = ctx.references[0].line if ctx.references else 1
        hosts = "; ".join(online.unavailable) or "registry unavailable"
        yield Issue(line, f"{unverified} identifier(s) not verified: {hosts}")
