"""Back references recognised: ibid, Id., op. cit., همان, short and author-year forms."""

from __future__ import annotations

import pytest

from archivist.ingest.references import parse_reference

BACK_REFERENCES: list[tuple[str, str, str | None, str | None, str | None]] = [
    # (text, form, author, title, locator)
    ("Ibid.", "ibid", None, None, None),
    ("ibid", "ibid", None, None, None),
    ("Ibid., 34.", "ibid", None, None, "34"),
    ("Ibid, 3.", "ibid", None, None, "3"),
    ("ibid., pp. 12-14", "ibid", None, None, "12-14"),
    ("Id.", "id", None, None, None),
    ("Id. at 5", "id", None, None, "5"),
    ("Slovin, op. cit., 4.", "op_cit", "Slovin", None, "4"),
    ("Marrow, op. cit.", "op_cit", "Marrow", None, None),
    ("همان.", "ibid", None, None, None),
    ("همان، ص ۳.", "ibid", None, None, "3"),
    (
        "Marrow, Lights of the Northern Shore, 88.",
        "short",
        "Marrow",
        "Lights of the Northern Shore",
        "88",
    ),
    ('Marrow, "Harbour Ledgers," 12.', "short", "Marrow", "Harbour Ledgers", "12"),
    ("Ruiz, Grain Ledger, p. 40.", "short", "Ruiz", "Grain Ledger", "40"),
    ("ibid.", "ibid", None, None, None),
    ("Ibid., 34–35.", "ibid", None, None, "34–35"),
    ("[12] Ibid.", "ibid", None, None, None),
    ("12. Ibid., 45.", "ibid", None, None, "45"),
    ("Id., at 12.", "id", None, None, "12"),
    ("Op. cit., p. 9.", "op_cit", None, None, "9"),
    ("Cf. Marrow, op. cit., 77.", "op_cit", "Marrow", None, "77"),
    ("Marrow, Harbour Ledgers, op. cit., 3.", "op_cit", "Marrow", "Harbour Ledgers", "3"),
    ("همان‌جا.", "ibid", None, None, None),
    ("المصدر السابق، ص ٢٣.", "ibid", None, None, "23"),
    ("الحداد، المرجع السابق، ص ٤.", "op_cit", "الحداد", None, "4"),
    ("آذرپی، پیشین، ص ۱۲.", "op_cit", "آذرپی", None, "12"),
    ("See Marrow, Lights of the North, 12.", "short", "Marrow", "Lights of the North", "12"),
    ("Marrow, Lights of the North.", "short", "Marrow", "Lights of the North", None),
    ("Marrow, “Harbour Ledgers.”", "short", "Marrow", "Harbour Ledgers", None),
    ("آذرپی، «آب‌انبارهای یزد».", "short", "آذرپی", "آب‌انبارهای یزد", None),
    ("آذرپی، باغ و آب، ص ۱۲.", "short", "آذرپی", "باغ و آب", "12"),
    ("(Marrow 1987, 45)", "short", "Marrow", None, "45"),
    ("Marrow, 45.", "short", "Marrow", None, "45"),
    ("Fisk, supra note 3, at 12.", "op_cit", "Fisk", None, "12"),
    (
        "For more on this, see Marrow, Lights of the North, 12.",
        "short",
        "Marrow",
        "Lights of the North",
        "12",
    ),
]


@pytest.mark.parametrize(("text", "form", "author", "title", "locator"), BACK_REFERENCES)
def test_back_references(
    text: str, form: str, author: str | None, title: str | None, locator: str | None
) -> None:
    parsed = parse_reference(text)
    assert parsed.kind == "citation" and parsed.csl is None and parsed.back is not None
    assert (parsed.back.form, parsed.back.author, parsed.back.title, parsed.back.locator) == (
        form,
        author,
        title,
        locator,
    )
