"""One small world of works the fake registry knows, and a document citing them.

Each entry exercises one path: found and matching, retracted, corrected, a self-referential
`new_version` update (not a correction), a retraction notice, DataCite, arXiv, mEDRA through
content negotiation, HAL, a DOI nobody registered, and searches that should and should not
suggest a DOI.
"""

from __future__ import annotations

from registry.fake_registry import (
    FakeRegistry,
    crossref_item,
    csl_item,
    datacite_doc,
    hal_doc,
    update,
)

DOCUMENT = """# Introduction

Voir Paul (2019), Wakefield et al. (1998), Hargittai (2002), Dupont (2015), Martin (2016),
Bernard (2018), Costa (2019), Rossi (2017), Leroy (2021), Moreau (2020), Yin (2023), Petit (2014).

## Références

Paul, M. (2019). Les usages du numérique en famille. *Réseaux*, 37(3), 11-40. https://doi.org/10.1111/good.1
Wakefield, A. J., Murch, S. H., & Anthony, A. (1998). Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in children. *The Lancet*, 351(9103), 637-641. doi:10.1111/retracted.1
Hargittai, E. (2002). Second-level digital divide: Differences in people's online skills. *First Monday*, 7(4).
Dupont, J. (2015). Données de terrain sur les tiers-lieux. Zenodo. https://doi.org/10.5281/zenodo.123
Martin, L. (2016). *Les bibliothèques publiques et le numérique*. Thèse de doctorat, Université de Lyon. tel-01164360
Bernard, C. (2018). A title the registry does not know. *Journal of Nowhere*, 2(1), 1-9. https://doi.org/10.1111/missing.404
Costa, C. W. (2019). Potential for aquifer contamination in the recharge area. *Groundwater for Sustainable Development*, 3(8), 10-23. https://doi.org/10.1111/mismatch.1
Rossi, A. (2017). Un articolo registrato da mEDRA. *Rivista di studi*, 12(2), 5-20. https://doi.org/10.1392/medra.1
Leroy, P. (2021). Inclusion numérique et médiation. *Revue française des sciences de l'information*, 11, 1-20.
Moreau, S. (2020). Un article corrigé sur les écrans. *Enfances*, 4(2), 33-50. https://doi.org/10.1111/corrected.1
Yin, H. (2023). Leveraging artificial intelligence technology for mapping research to sustainable development goals. arXiv:2311.16162
Petit, A. (2014). Une revue inconnue au bataillon. *Nulle part*, 1, 1-2. https://doi.org/10.99999/ghost.1
"""

#: The DOIs of the document, as listed (normalised).
LISTED_DOIS = (
    "10.1111/good.1",
    "10.1111/retracted.1",
    "10.5281/zenodo.123",
    "10.1111/missing.404",
    "10.1111/mismatch.1",
    "10.1392/medra.1",
    "10.1111/corrected.1",
    "10.99999/ghost.1",
)


def populate(fake: FakeRegistry) -> FakeRegistry:
    fake.add_work(
        crossref_item(
            "10.1111/good.1",
            "Les usages du numérique en <i>famille</i>",
            [("Paul", "Marie")],
            2020,
            published_print=2019,
            container="Réseaux",
            volume="37",
            issue="3",
            page="11-40",
        )
    )
    fake.add_work(
        crossref_item(
            "10.1111/retracted.1",
            "RETRACTED: Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in children",
            [("Wakefield", "AJ")],
            1998,
            container="The Lancet",
            volume="351",
            issue="9103",
            page="637-641",
            updated_by=[
                update("10.1111/erratum.2004", "correction", "retraction-watch", 2004),
                update("10.1111/retraction.2010", "retraction", "retraction-watch", 2010),
            ],
        )
    )
    fake.add_work(
        crossref_item(
            "10.1111/mismatch.1",
            "Potential for aquifer contamination of anthropogenic activity in the recharge area of the Guarani Aquifer System",
            [("Costa", "Carlos Wilmer"), ("Lorandi", "Reinaldo")],
            2019,
            container="Groundwater for Sustainable Development",
            volume="8",
            issue="3",
            page="10-23",
        )
    )
    fake.add_work(
        crossref_item(
            "10.1111/corrected.1",
            "Un article corrigé sur les écrans",
            [("Moreau", "Sophie")],
            2020,
            container="Enfances",
            volume="4",
            issue="2",
            page="33-50",
            updated_by=[update("10.1111/corrigendum.1", "correction")],
        )
    )
    fake.add_work(
        crossref_item(
            "10.1111/search.1",
            "Second-level digital divide: Differences in people's online skills",
            [("Hargittai", "Eszter")],
            2002,
            container="First Monday",
            volume="7",
            issue="4",
        )
    )
    # Two near-identical records (a duplicate deposit): a search must not pick one of them.
    for n in (1, 2):
        fake.add_work(
            crossref_item(
                f"10.1111/dup.{n}",
                "Inclusion numérique et médiation",
                [("Leroy", "Pierre")],
                2021,
                container="Revue française des sciences de l'information",
            )
        )
    fake.add_datacite(
        datacite_doc("10.5281/zenodo.123", "Données de terrain sur les tiers-lieux", [("Dupont", "Jean")], 2015)
    )
    fake.add_datacite(
        datacite_doc(
            "10.48550/arxiv.2311.16162",
            "Leveraging Artificial Intelligence Technology for Mapping Research to Sustainable Development Goals: A Case Study",
            [("Yin", "Hui"), ("Aryani", "Amir")],
            2023,
            "Preprint",
        )
    )
    fake.add_csl(
        csl_item("10.1392/medra.1", "Un articolo registrato da mEDRA", [("Rossi", "Anna")], 2017, "Rivista di studi"),
        "mEDRA",
    )
    fake.hal["tel-01164360"] = hal_doc(
        "tel-01164360", "Les bibliothèques publiques et le numérique", [("Martin", "Lucie")], 2016
    )
    return fake
