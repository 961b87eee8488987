"""Names in citations: order, initials, particles, suffixes, "and" and et al."""

from __future__ import annotations

from archivist.export.citelocale import EN_US, FA_IR
from archivist.export.citenames import NameStyle, initials, name_list

DOE = {"family": "Doe", "given": "Jane"}
ROE = {"family": "Roe", "given": "Ana María"}
BERG = {"family": "van der Berg", "given": "Pieter"}
LOWELL = {"family": "Lowell", "given": "James", "suffix": "Jr."}
TRUST = {"literal": "Harbour Trust"}
BIB = NameStyle(order="first", comma_before_last="always", et_al_min=7, et_al_use_first=3)


def test_chicago_inverts_the_first_name_and_puts_a_comma_before_and() -> None:
    assert name_list([DOE, ROE], BIB, EN_US) == "Doe, Jane, and Ana María Roe"
    assert name_list([DOE, TRUST], BIB, EN_US) == "Doe, Jane and Harbour Trust"


def test_a_particle_moves_behind_the_given_name_in_chicago_only() -> None:
    assert name_list([BERG], BIB, EN_US) == "Berg, Pieter van der"
    apa = NameStyle(order="all", initials=True, demote_particle=False, conjunction="symbol")
    assert name_list([BERG, LOWELL], apa, EN_US) == "van der Berg, P. & Lowell, J., Jr."
    assert name_list([BERG], NameStyle(), EN_US) == "Pieter van der Berg"


def test_initials_keep_hyphens_and_existing_initials() -> None:
    assert initials("Jean-Luc Marie") == "J.-L. M."
    assert initials("R. J.") == "R. J."


def test_long_lists_are_cut_with_et_al() -> None:
    seven = [{"family": f"N{n}", "given": "A"} for n in range(7)]
    assert name_list(seven, BIB, EN_US) == "N0, A, A N1, A N2, et al."
    note = NameStyle(et_al_min=3, et_al_use_first=1)
    assert name_list(seven, note, EN_US) == "A N0 et al."
    apa = NameStyle(
        order="all", initials=True, et_al_min=21, et_al_use_first=19, et_al_use_last=True
    )
    many = [{"family": f"N{n:02d}", "given": "A"} for n in range(25)]
    assert name_list(many, apa, EN_US).endswith("N18, A., … N24, A.")


def test_a_list_the_source_cut_short_ends_with_et_al() -> None:
    cut = [DOE, {"literal": "et al."}]
    assert name_list(cut, BIB, EN_US) == "Doe, Jane, et al."
    assert name_list(cut, NameStyle(), EN_US) == "Jane Doe et al."
    assert name_list([{"literal": "et al."}], BIB, EN_US) is None


def test_persian_names_are_joined_in_persian() -> None:
    names = [{"literal": "حسین کریمی"}, {"literal": "مریم احمدی"}]
    assert name_list(names, BIB, FA_IR) == "حسین کریمی و مریم احمدی"
    assert name_list(names, NameStyle(conjunction="symbol"), FA_IR) == "حسین کریمی & مریم احمدی"
