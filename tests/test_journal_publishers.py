"""Journal tails that name the journal's publisher or society after the journal's name (and maybe its places)."""

import pytest
from helpers import parse


@pytest.mark.parametrize(
    ("text", "container", "publisher", "volume", "pages"),
    [
        # Vancouver with the publisher between the journal and the date
        (
            "Berg K, Holm T. Root feeders in a long-term pasture trial. Soil Biol Biochem. Elsevier B.V.; 2014;"
            " 71:12-20.",
            "Soil Biol Biochem",
            "Elsevier B.V",
            "71",
            "12-20",
        ),
        # an online journal's Vancouver tail: '[Internet]', the publisher, the date and when it was cited
        (
            "Moss AB, Grant PJ. Ankle sprains in young runners. Foot and Ankle Surgery [Internet]. Wiley Verlag;"
            " 2018 Mar 3 [cited 2021 Jan 5];24(2):101-107.",
            "Foot and Ankle Surgery",
            "Wiley Verlag",
            "24",
            "101-107",
        ),
        # the publisher and its places after a comma, before labelled numbers
        (
            'Ward, T., "Routing in small networks", Network Review, ACM, New York, USA, Vol.12, No.3, pages 40-52',
            "Network Review",
            "ACM",
            "12",
            "40-52",
        ),
        (
            'Olsen, B., "Mail gateways", Computer Networks, Elsevier Science Publishers BV, Amsterdam,'
            " Netherlands, Vol.9, No.4, pages 211-230",
            "Computer Networks",
            "Elsevier Science Publishers BV",
            "9",
            "211-230",
        ),
        # a society with its company suffix after a comma
        (
            "Moreau, J. (2003), 'Braced frames revisited', Steel Structures Quarterly, Canadian Institute of Steel"
            " Building, Inc., 21, 88-97.",
            "Steel Structures Quarterly",
            "Canadian Institute of Steel Building, Inc",
            "21",
            "88-97",
        ),
        # the society as a sentence of its own before the numbers
        (
            "Han SY, Oh K. Cooling loops in small reactors. Journal of Reactor Safety. Korean Reactor Society."
            " 2015;12(4):301-310.",
            "Journal of Reactor Safety",
            "Korean Reactor Society",
            "12",
            "301-310",
        ),
        (
            "Park JS. 1975. Land surveys of the colonial era. Bulletin of the Daegu National University of"
            " Education,. Daegu National University of Education. 9(1):33-58.",
            "Bulletin of the Daegu National University of Education",
            "Daegu National University of Education",
            "9",
            "33-58",
        ),
    ],
)
def test_publisher_after_the_journal(text: str, container: str, publisher: str, volume: str, pages: str) -> None:
    ref = parse(text)
    assert (ref.container, ref.publisher, ref.volume, ref.pages) == (container, publisher, volume, pages)
