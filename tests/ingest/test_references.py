"""Full citations read: footnote text to a CSL-JSON item, for the forms footnotes take."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archivist.ingest.references import parse_reference

# (reference text, expected CSL fields) — every author, title and site here is invented.
CITATIONS: list[tuple[str, dict[str, Any]]] = [
    (
        "Ilse Marrow, Lights of the Northern Shore, Greyhaven Press, 1987, 14-19.",
        {
            "author": [{"family": "Marrow", "given": "Ilse"}],
            "title": "Lights of the Northern Shore",
            "publisher": "Greyhaven Press",
            "issued": [[1987]],
            "page": None,  # the pages a note cites in a book are a locator, not the book's
            "locator": "14–19",
            "type": "book",
        },
    ),
    (
        "The Associated Press, “AP Interview: Harbour Envoy Urges Calm”, June 26, 2013.",
        {
            "author": [{"literal": "The Associated Press"}],
            "title": "AP Interview: Harbour Envoy Urges Calm",
            "issued": [[2013, 6, 26]],
        },
    ),
    (
        # A news outlet or wire service named first is the container, as in the labelled
        # references; a style prints it where an author would stand when there is none.
        "Reuters, Grain convoy leaves the northern port, Reuters, 4 March 2019.",
        {
            "container-title": "Reuters",
            "title": "Grain convoy leaves the northern port",
            "issued": [[2019, 3, 4]],
            "type": "article-newspaper",
        },
    ),
    (
        "Saadouin, Mustafa,What's Next for the River Ports?, Al-Sahel Monitor, September 10, 2016",
        {
            "author": [{"family": "Saadouin", "given": "Mustafa"}],
            "title": "What's Next for the River Ports?",
            "container-title": "Al-Sahel Monitor",
            "issued": [[2016, 9, 10]],
        },
    ),
    (
        "[2]Talebi, Mira,Salt Roads of the South?, Harbour Weekly, September 10, 2016",
        {
            "author": [{"family": "Talebi", "given": "Mira"}],
            "title": "Salt Roads of the South?",
            "container-title": "Harbour Weekly",
            "type": "article-newspaper",
        },
    ),
    (
        "Barbara Slovin, “State Department Moves Last Members”, Voice of Rivers, "
        "September 14, 2016.",
        {
            "author": [{"family": "Slovin", "given": "Barbara"}],
            "title": "State Department Moves Last Members",
            "container-title": "Voice of Rivers",
        },
    ),
    (
        'Jane Roe and John Doe, "Tides of Trade," Journal of Harbour Studies 12, no. 3 (2019): '
        "45-67.",
        {
            "author": [{"family": "Roe", "given": "Jane"}, {"family": "Doe", "given": "John"}],
            "title": "Tides of Trade",
            "container-title": "Journal of Harbour Studies",
            "volume": "12",
            "issue": "3",
            "page": "45–67",
            "issued": [[2019]],
            "type": "article-journal",
        },
    ),
    (
        "Jane Roe, John Doe and Ana Ruiz, “Three Coasts,” Coastal Review, May 2020.",
        {
            "author": [
                {"family": "Roe", "given": "Jane"},
                {"family": "Doe", "given": "John"},
                {"family": "Ruiz", "given": "Ana"},
            ],
            "title": "Three Coasts",
            "issued": [[2020, 5]],
        },
    ),
    (
        "Roe, J. & Doe, K. (2020). Ports in decline. Maritime Review, 8(2), 100–120. "
        "https://doi.org/10.1234/mr.2020.8",
        {
            "author": [{"family": "Roe", "given": "J."}, {"family": "Doe", "given": "K."}],
            "title": "Ports in decline",
            "container-title": "Maritime Review",
            "volume": "8",
            "issue": "2",
            "page": "100–120",
            "DOI": "10.1234/mr.2020.8",
            "issued": [[2020]],
        },
    ),
    (
        "Ana Ruiz, The Grain Ledger (Lisbon: Torre Books, 2004), 112.",
        {
            "author": [{"family": "Ruiz", "given": "Ana"}],
            "title": "The Grain Ledger",
            "publisher": "Torre Books",
            "publisher-place": "Lisbon",
            "issued": [[2004]],
            "locator": "112",
            "type": "book",
        },
    ),
    (
        "Human Rights Watch, Harbour Workers at Risk, report, March 2015, "
        "https://example.org/report",
        {
            "author": [{"literal": "Human Rights Watch"}],
            "title": "Harbour Workers at Risk",
            "URL": "https://example.org/report",
            "type": "report",
            "issued": [[2015, 3]],
        },
    ),
    (
        "Ministry of Water Resources, Annual Irrigation Survey, 2018.",
        {
            "author": [{"literal": "Ministry of Water Resources"}],
            "title": "Annual Irrigation Survey",
            "issued": [[2018]],
            "type": "report",
        },
    ),
    (
        "County Record Office, Varden Point Station Logbooks, vol. 2, May 1871.",
        {"author": [{"literal": "County Record Office"}], "volume": "2", "issued": [[1871, 5]]},
    ),
    (
        "Perrine Feld, Harbour Lights (Oslo: Nordvik Publishing, 1999).",
        {"publisher": "Nordvik Publishing", "publisher-place": "Oslo", "issued": [[1999]]},
    ),
    (
        "Oskar Brask, “The Ferry Strike”, The Coastal Times, 2011-08-03.",
        {
            "title": "The Ferry Strike",
            "container-title": "The Coastal Times",
            "issued": [[2011, 8, 3]],
            "type": "article-newspaper",
        },
    ),
    (
        "Harriet Vance, Salt and Sail, ISBN 978-0-00-000000-2, Tide House, 2010.",
        {"ISBN": "9780000000002", "title": "Salt and Sail", "type": "book"},
    ),
    (
        "Edwin Halloran, “Canal Tolls,” Barge Quarterly, Sept. 3, 2012, accessed October 1, 2020, "
        "https://barge.example.org/tolls.",
        {
            "issued": [[2012, 9, 3]],
            "accessed": [[2020, 10, 1]],
            "URL": "https://barge.example.org/tolls",
            "title": "Canal Tolls",
        },
    ),
    (
        "Marit Lundqvist, Winter Harbours, www.winterharbours.example/book, 2008",
        {"URL": "www.winterharbours.example/book", "title": "Winter Harbours"},
    ),
    (
        "Rosalind Achterberg, ‘A Quiet Coast’, Sea Letters, 12 January 2001.",
        {"title": "A Quiet Coast", "issued": [[2001, 1, 12]]},
    ),
    (
        "Fenna Marle, Lamps and Ledgers!, Keeper's Digest, Jan 2005",
        {"title": "Lamps and Ledgers!", "issued": [[2005, 1]]},
    ),
    (
        "Jan van der Berg, Polder Tales, Dijk Press, 1994.",
        {"author": [{"family": "van der Berg", "given": "Jan"}], "publisher": "Dijk Press"},
    ),
    (
        "Ruiz, Ana, et al., Estuary Birds, Wetland Journal, vol. 4, no. 2, 2017, pp. 9-30.",
        {
            "author": [{"family": "Ruiz", "given": "Ana"}, {"literal": "et al."}],
            "volume": "4",
            "issue": "2",
            "page": "9–30",
            "type": "article-journal",
        },
    ),
    (
        "See Ilse Marrow, Lights of the Northern Shore, Greyhaven Press, 1987.",
        {
            "title": "Lights of the Northern Shore",
            "author": [{"family": "Marrow", "given": "Ilse"}],
        },
    ),
    (
        "Bridget Caldwell, “Ice on the Sound,” Northern Gazette, February 2, 1952, p. 4.",
        {"locator": "4", "issued": [[1952, 2, 2]], "container-title": "Northern Gazette"},
    ),
    (
        "United Nations Refugee Agency, Camps by the River, 2016, https://unhcr.example/camps",
        {"author": [{"literal": "United Nations Refugee Agency"}], "title": "Camps by the River"},
    ),
    (
        "مهرناز آذرپی، باغ و آب، نشر سپیده، ۱۳۹۰.",
        {
            "author": [{"literal": "مهرناز آذرپی"}],
            "title": "باغ و آب",
            "publisher": "نشر سپیده",
            "issued": {"literal": "۱۳۹۰"},  # a Solar Hijri year, kept as written
        },
    ),
    (
        "آذرپی، مهرناز، «آب‌انبارهای یزد»، فصلنامه میراث، شماره ۳، ۱۳۹۲.",
        {
            "author": [{"family": "آذرپی", "given": "مهرناز"}],
            "title": "آب‌انبارهای یزد",
            "issue": "3",
        },
    ),
    (
        "خبرگزاری بندر، «بازگشایی اسکله جنوبی»، ۱۲ مارس ۲۰۱۸.",
        {"container-title": "خبرگزاری بندر", "title": "بازگشایی اسکله جنوبی"},
    ),
    (
        "AP, Storm hits the east coast, March 3, 2019.",
        {
            "author": [{"literal": "AP"}],
            "title": "Storm hits the east coast",
            "issued": [[2019, 3, 3]],
            "type": "article-newspaper",
        },
    ),
    (
        "AFP, “Rains flood the lower delta,” Delta 24, 12 May 2021.",
        {"author": [{"literal": "AFP"}], "container-title": "Delta 24", "issued": [[2021, 5, 12]]},
    ),
    (
        "BBC News, “Ferry sinks off the cape”, 5 June 2017, https://news.example/ferry-123",
        {
            "container-title": "BBC News",
            "URL": "https://news.example/ferry-123",
            "type": "article-newspaper",
        },
    ),
    (
        "Jonathan Mercer Hale, The Long Ledger, New Haven: Lantern Press, 2009.",
        {
            "author": [{"family": "Hale", "given": "Jonathan Mercer"}],
            "publisher-place": "New Haven",
            "publisher": "Lantern Press",
            "type": "book",
        },
    ),
    (
        "Jane Roe, John Doe and Ana Ruiz, Three Coasts, Coastal Review, May 2020.",
        {
            "author": [
                {"family": "Roe", "given": "Jane"},
                {"family": "Doe", "given": "John"},
                {"family": "Ruiz", "given": "Ana"},
            ],
            "title": "Three Coasts",
            "container-title": "Coastal Review",
        },
    ),
    (
        "Hollis, Gwen, Kaye Brandt, and Omar Fell, “The Wharf Question!”, Port Review, 2015.",
        {
            "author": [
                {"family": "Hollis", "given": "Gwen"},
                {"family": "Brandt", "given": "Kaye"},
                {"family": "Fell", "given": "Omar"},
            ],
            "title": "The Wharf Question!",
        },
    ),
    (
        'Heller, Karl, et al. "Fishing Fleets in Transition." Marine Ledger 45 (2018): 12-19.',
        {
            "author": [{"family": "Heller", "given": "Karl"}, {"literal": "et al."}],
            "container-title": "Marine Ledger",
            "volume": "45",
            "page": "12–19",
            "type": "article-journal",
        },
    ),
    (
        "Heller K, Stone P. Fishing fleets in transition. Mar Ledger. 2018 Mar 3;45(2):12-19.",
        {
            "author": [{"family": "Heller", "given": "K."}, {"family": "Stone", "given": "P."}],
            "title": "Fishing fleets in transition",
            "container-title": "Mar Ledger",
            "issued": [[2018, 3, 3]],
            "volume": "45",
            "issue": "2",
            "page": "12–19",
        },
    ),
    (
        "Eleanor Voss, “Seven Lighthouses,” in Coastal Essays, ed. Mark Hale "
        "(Boston: Pier Press, 2010), 77-90.",
        {
            "container-title": "Coastal Essays",
            "editor": [{"family": "Hale", "given": "Mark"}],
            "publisher": "Pier Press",
            "page": "77–90",
            "type": "chapter",
        },
    ),
    (
        "Kamal Odeh, “Ports of Call”, Levant Blog, 2 February 2018, accessed 3 March 2020, "
        "https://levant.example/ports",
        {
            "issued": [[2018, 2, 2]],
            "accessed": [[2020, 3, 3]],
            "URL": "https://levant.example/ports",
            "type": "post-weblog",
        },
    ),
    (
        "Human Rights Watch, “They Took Our Boats”: Abuses at Sea, June 2019.",
        {"title": "They Took Our Boats: Abuses at Sea", "type": "report"},
    ),
    (
        "“Storm Hits Coast,” by Tara Lind, The Coastal Times, 3rd March 2019.",
        {
            "author": [{"family": "Lind", "given": "Tara"}],
            "container-title": "The Coastal Times",
            "issued": [[2019, 3, 3]],
        },
    ),
    ("Interview with a port official, Basra, 12 March 2018.", {"type": "interview"}),
    (
        'Roe, J., "Tides," Harbour Studies 4 (2011).',
        {"author": [{"family": "Roe", "given": "J."}], "volume": "4", "type": "article-journal"},
    ),
    ("https://www.harbour.example/report", {"URL": "https://www.harbour.example/report"}),
    ("doi:10.5555/harbour.2017.004", {"DOI": "10.5555/harbour.2017.004"}),
    (
        "رضایی، علی، «بنادر جنوب»، روزنامه کرانه، ۱۲ اردیبهشت ۱۳۹۸.",
        {
            "author": [{"family": "رضایی", "given": "علی"}],
            "container-title": "روزنامه کرانه",
            "issued": [[2019, 5, 2]],
            "type": "article-newspaper",
        },
    ),
    (
        "محمد عبدالله، «الموانئ في الخليج»، جريدة الساحل، ١٥ مارس ٢٠١٦.",
        {"author": [{"literal": "محمد عبدالله"}], "issued": [[2016, 3, 15]]},
    ),
    (
        "سامي الحداد، «موانئ الخليج»، مجلة البحر، ٣ تشرين الأول ٢٠١٩.",
        {"issued": [[2019, 10, 3]], "container-title": "مجلة البحر"},
    ),
    (
        "سامي الحداد، «موانئ الخليج»، مجلة البحر، ٢٠١٥.",
        {"author": [{"literal": "سامي الحداد"}], "title": "موانئ الخليج", "issued": [[2015]]},
    ),
    (
        "Brennick Parish Accounts, 1598-1671, county archive, ref. BP/3/2.",
        {
            "title": "Brennick Parish Accounts",
            "author": None,
            "container-title": "county archive",
            "issued": [[1598], [1671]],
            "type": "document",
        },
    ),
    (
        "Royal Observatory, Annual Report of the Observatory, 1921.",
        {"author": [{"literal": "Royal Observatory"}], "type": "report"},
    ),
    # Forms the parser before the labeller got wrong (issue 15), each written anew here.
    (
        "Tarrow, B. S., Heddle, R. C. & Quist, P. L. Evaluation of tide tables. Harbour "
        "Engineering Journal 1997, 54, 2592–2596.",
        {
            "author": [
                {"family": "Tarrow", "given": "B. S."},
                {"family": "Heddle", "given": "R. C."},
                {"family": "Quist", "given": "P. L."},
            ],
            "title": "Evaluation of tide tables",
            "container-title": "Harbour Engineering Journal",
            "volume": "54",
            "page": "2592–2596",
            "type": "article-journal",
        },
    ),
    (
        "Dorrance CK, Hillary FJ. Sea fog and shipping. Mar Weather Rev. 2011;8(3):44-51.",
        {
            "author": [
                {"family": "Dorrance", "given": "C. K."},
                {"family": "Hillary", "given": "F. J."},
            ],
            "volume": "8",
            "issue": "3",
            "page": "44–51",
        },
    ),
    (
        "MALLORY, A., 2015a. Harbour lights revisited. Coastal Press, Hull.",
        {"author": [{"family": "Mallory", "given": "A."}], "issued": [[2015]]},
    ),
    (
        'Lindqvist, Frida (November 15, 2012). "Ferry Line Publishes Its Annual Report For '
        '2011". Harbour Daily. Retrieved January 10, 2013.',
        {
            "author": [{"family": "Lindqvist", "given": "Frida"}],
            "issued": [[2012, 11, 15]],
            "accessed": [[2013, 1, 10]],
        },
    ),
    (
        "Orla Fenn, Tide Mills of the Coast, arXiv:1706.02582, 2017.",
        {"number": "arXiv:1706.02582", "issued": [[2017]]},
    ),
]


def wrong_fields(text: str, expected: dict[str, Any]) -> list[str]:
    """The expected fields a parse of ``text`` gets wrong, each with what it gave."""
    parsed = parse_reference(text)
    if parsed.kind != "citation" or parsed.csl is None:
        return [f"{text[:50]}: {parsed.kind}, no item"]
    wrong = []
    for key, value in expected.items():
        actual = parsed.locator if key == "locator" else parsed.csl.get(key)
        if key in {"issued", "accessed"} and isinstance(value, list):
            actual = (actual or {}).get("date-parts")
        if actual != value:
            wrong.append(f"{text[:50]}: {key} {actual!r}, not {value!r}")
    return wrong


FIXTURE_SHARE = 0.9
"""Share of the fields of these notes the labeller must get right. They are forms the
labeller was not trained on (it learns from data, not from this list), so the measure is a
share, as in the benchmark: a learned parser that gets every one of a fixed list right has
learned the list."""


def test_fields_of_the_written_notes_are_mostly_right() -> None:
    checks = sum(len(expected) for _, expected in CITATIONS)
    wrong = [w for text, expected in CITATIONS for w in wrong_fields(text, expected)]
    assert len(wrong) <= (1 - FIXTURE_SHARE) * checks, "\n".join(wrong)


@pytest.mark.parametrize(
    "text",
    [
        "Agnes Harroway, A History of Positional Astronomy, Meridian Books, 1994, 12-30.",
        "Harold Penrith, The Marsh Parishes: A Survey, Fenland Record Press, 1962, 41-47.",
        'Martha Ollerenshaw, "Canals and the End of Coastal Salt", Journal of Regional '
        "Industry, vol. 12, no. 3, 1987, 201-219.",
        "بهرام کاویانی، آب و کویر، نشر دشت، ۱۳۸۵، ص ۲۳.",
        "Royal Observatory, Instructions to Observers, 1851.",
    ],
)
def test_the_sample_articles_notes_are_read_whole(text: str) -> None:
    parsed = parse_reference(text)
    assert parsed.csl is not None and parsed.csl.get("title") and parsed.csl.get("issued")
    assert parsed.csl.get("author") or parsed.csl.get("container-title")


def test_an_archival_record_is_called_by_its_name_and_dated() -> None:
    parsed = parse_reference("Brennick Parish Accounts, 1598-1671, county archive, ref. BP/3/2.")
    assert parsed.csl is not None and parsed.csl["title"] == "Brennick Parish Accounts"
    assert parsed.csl["issued"] == {"date-parts": [[1598], [1671]]}
    assert parsed.csl["type"] == "document" and "author" not in parsed.csl


def test_a_personal_communication_is_typed_as_one() -> None:
    parsed = parse_reference("Ada Quill, personal communication, 3 May 2019.")
    assert parsed.csl is not None and parsed.csl["type"] == "personal_communication"


BAD_NOTES = [
    "Marrow, Ilse, " + "Lights of the Northern Shore " * 700 + ", 1987.",
    "x" * 20_000,
    "https://example.org/" + "a" * 3_000,
    "".join(chr(c) for c in range(32)) * 50,
    "ილია ჭავჭავაძე, კაცია-ადამიანი?!, თბილისი, 1863.",
    "",
    "   ",
    "1234567890 " * 500,
]


@pytest.mark.parametrize("text", BAD_NOTES, ids=range(len(BAD_NOTES)))
def test_bad_notes_get_a_result_never_an_exception(text: str) -> None:
    parsed = parse_reference(text)
    assert parsed.kind in {"citation", "note"}
    assert parsed.csl is None or isinstance(parsed.csl.get("type"), str)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_parse_reference_never_raises(text: str) -> None:
    assert parse_reference(text).kind in {"citation", "note"}
