"""Generate large synthetic documents for `biblio check` speed measurements.

A document has N references (APA-style, French and English names, some with DOIs) and
2*N citations in varied forms (parenthetical groups, narrative, et al., locators), with
about 2% deliberate faults so that the matching, fuzzy and rule paths are all exercised.

    python -m benchmarks.generate 5000 -o /tmp/doc-5k.md
"""

from __future__ import annotations

import argparse
import random

FAMILIES = [
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefebvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "Andre",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "Francois",
    "Martinez",
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Miller",
    "Davis",
    "Wilson",
    "Anderson",
    "Taylor",
    "Moore",
    "Jackson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Walker",
    "Hall",
    "Allen",
    "Young",
    "King",
    "Wright",
    "Scott",
    "Green",
    "Baker",
    "Adams",
    "Nelson",
    "Hill",
    "Campbell",
    "Mitchell",
    "Roberts",
]
WORDS = [
    "social",
    "travail",
    "numérique",
    "digital",
    "practice",
    "usages",
    "analysis",
    "theory",
    "method",
    "care",
    "public",
    "policy",
    "network",
]


def _family(i: int) -> str:
    # Unique-ish names: a base name plus a syllable, so the index has many distinct keys.
    base = FAMILIES[i % len(FAMILIES)]
    letters = "abcdefghijklmnopqrstuvwxyz"
    k = i // len(FAMILIES)
    return base if k == 0 else f"{base}{letters[k % 26]}{letters[(k // 26) % 26]}{letters[(k // 676) % 26]}"


def generate(n_refs: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    refs = []
    for i in range(n_refs):
        n_authors = rng.choice((1, 1, 2, 3))
        authors = [
            (_family(i if k == 0 else rng.randrange(n_refs)), rng.choice("ABCDEFGHJKLMNPR")) for k in range(n_authors)
        ]
        year = 1980 + rng.randrange(45)
        refs.append((authors, year, i))
    body = []
    n_citations = 2 * n_refs
    sentence: list[str] = []
    for c in range(n_citations):
        authors, year, i = refs[rng.randrange(n_refs)]
        if rng.random() < 0.02:
            year += 1  # a year mismatch
        names = [a[0] for a in authors]
        who = names[0] if len(names) == 1 else (" & ".join(names) if len(names) == 2 else f"{names[0]} et al.")
        if c % 3 == 0:
            sentence.append(f"{who} ({year}) montre que les {rng.choice(WORDS)} comptent")
        else:
            sentence.append(
                f"le {rng.choice(WORDS)} ({who}, {year}{', p. ' + str(rng.randrange(1, 300)) if c % 5 == 0 else ''})"
            )
        if len(sentence) == 4:
            body.append("Dans ce texte, " + " ; ".join(sentence) + ".\n\n")
            sentence = []
    body.append(" ".join(sentence) + ".\n")
    lines = ["# Synthetic benchmark document\n", *body, "\n## References\n"]
    for authors, year, i in sorted(refs, key=lambda r: (r[0][0][0], r[1])):
        who = ", ".join(f"{f}, {g}." for f, g in authors[:-1])
        who = (
            f"{who}, & {authors[-1][0]}, {authors[-1][1]}."
            if len(authors) > 1
            else f"{authors[0][0]}, {authors[0][1]}."
        )
        title = " ".join(rng.choice(WORDS) for _ in range(6)).capitalize()
        doi = f" https://doi.org/10.{1000 + i % 9000}/bench.{i}" if i % 3 == 0 else ""
        lines.append(
            f"- {who} ({year}). {title}. *Revue {rng.choice(WORDS)}*, {rng.randrange(1, 60)}({rng.randrange(1, 5)}), {i % 200 + 1}-{i % 200 + 20}.{doi}\n"
        )
    return "".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("references", type=int)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    with open(args.output, "w", encoding="utf-8") as handle:
        handle.write(generate(args.references))


if __name__ == "__main__":
    main()
