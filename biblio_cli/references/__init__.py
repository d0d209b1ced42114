"""Parse one reference entry into fields (authors, year, title, container, ...).

The parser reads the entry left to right the way a person does: identifiers and links
are lifted out first, then the year anchors the entry (authors before it, the work
after it), then italics and punctuation separate the title from the journal or book.
It never drops an entry: what it cannot make sense of is recorded in `problems`.

One module per stage, in the order `entry.parse_entry` runs them:

- `identifiers`: DOIs, URLs, arXiv ids, ISBNs lifted out of the text first;
- `years`: the year that anchors the entry (names before it, the work after it);
- `titles`: where the title ends, and the descriptors ('[Thesis]') and contributors after it;
- `journals`: a journal's name and its volume, issue and pages ('Nature 12(3): 4-5');
- `chapters`: a chapter's book or a paper's proceedings, with their editors and pages;
- `imprints`: a book's publisher and place ('New York: Wiley', 'Gallimard, Paris');
- `entry`: the pipeline that runs them and builds the Reference.

`fields` holds what the stages fill in; `vocabulary` the words and patterns they share."""

from biblio_cli.references.entry import parse_entry

__all__ = ["parse_entry"]
