"""The words, dates and punctuation of a citation in a language: en-US, fa-IR and ar.

The terms are those of the official CSL locale files (citation-style-language/locales,
CC BY-SA 3.0), for the labels Archivist's styles print. An item in Persian or Arabic takes
its own locale's terms, month names and quotation marks, as citeproc-js does when run in
that locale; its delimiters are the Arabic comma and semicolon (``،``, ``؛``), which no CSL
locale can set (a deliberate difference, docs/formats.md). A term a locale lacks falls back
to en-US, as in citeproc-js.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from archivist.text import ARABIC_SCRIPT

Term = str | tuple[str, str]
"""A term's single form, or its (single, plural) pair."""


@dataclass(frozen=True, slots=True)
class Locale:
    """One locale's terms, month names, quotation marks and date order."""

    code: str
    punctuation_in_quote: bool
    quotes: tuple[str, str, str, str]
    """Open, close, inner open, inner close."""
    months: tuple[str, ...]
    months_short: tuple[str, ...]
    seasons: tuple[str, str, str, str]
    terms: Mapping[str, Term]
    """By ``name`` (long form) or ``name/form`` (short, verb, verb-short, symbol)."""
    day_first: bool = False
    """Text dates as ``day month year`` (fa-IR, ar) rather than ``month day, year``."""
    month_suffix: str = " "
    """What follows the month in a text date with a year (ar: ``، ``)."""
    rtl: bool = False
    overrides: Mapping[str, Term] = field(default_factory=dict)
    """A style's own terms for this locale (CSL ``<locale>`` in the style)."""

    def term(self, name: str, form: str = "long", *, plural: bool = False) -> str:
        """A term's text (its plural when asked and it has one); empty when unknown.

        A form the locale lacks falls back within the locale first (verb-short to verb to
        long, symbol to short to long), then to en-US, as CSL 1.0.2 says.
        """
        keys = [name if f == "long" else f"{name}/{f}" for f in _FALLBACK[form]]
        for tables in ((self.overrides, self.terms), (EN_TERMS,)):
            for key in keys:
                for table in tables:
                    value = table.get(key)
                    if value is not None:
                        if isinstance(value, tuple):
                            return value[1] if plural else value[0]
                        return value
        return ""

    def punct(self, delimiter: str) -> str:
        """A delimiter as this locale writes it (Arabic comma and semicolon right to left)."""
        if not self.rtl:
            return delimiter
        return delimiter.replace(",", "،").replace(";", "؛")

    def styled(self, overrides: Mapping[str, Term]) -> Locale:
        """This locale with a style's own terms (only English ones: the styles set no other)."""
        if not self.code.startswith("en"):
            return self
        return Locale(
            self.code,
            self.punctuation_in_quote,
            self.quotes,
            self.months,
            self.months_short,
            self.seasons,
            self.terms,
            self.day_first,
            self.month_suffix,
            self.rtl,
            overrides,
        )


_FALLBACK = {
    "long": ("long",),
    "short": ("short", "long"),
    "verb": ("verb", "long"),
    "verb-short": ("verb-short", "verb", "long"),
    "symbol": ("symbol", "short", "long"),
}

EN_TERMS: dict[str, Term] = {
    "accessed": "accessed",
    "and": "and",
    "and/symbol": "&",
    "et-al": "et al.",
    "in": "in",
    "no date": "no date",
    "no date/short": "n.d.",
    "retrieved": "retrieved",
    "from": "from",
    "circa": "circa",
    "circa/short": "c.",
    "anonymous": "anonymous",
    "interview": "interview",
    "letter": "letter",
    "personal-communication": "personal communication",
    "article": "preprint",
    "legislation/short": "legis.",
    "ordinal": "th",
    "ordinal-01": "st",
    "ordinal-02": "nd",
    "ordinal-03": "rd",
    "ordinal-11": "th",
    "ordinal-12": "th",
    "ordinal-13": "th",
    "editor": ("editor", "editors"),
    "editor/short": ("ed.", "eds."),
    "editor/verb": "edited by",
    "editor/verb-short": "ed. by",
    "translator": ("translator", "translators"),
    "translator/short": ("trans.", "trans."),
    "translator/verb": "translated by",
    "translator/verb-short": "trans. by",
    "edition": ("edition", "editions"),
    "edition/short": ("ed.", "eds."),
    "issue": ("issue", "issues"),
    "issue/short": ("no.", "nos."),
    "number/short": ("no.", "nos."),
    "volume": ("volume", "volumes"),
    "volume/short": ("vol.", "vols."),
    "page": ("page", "pages"),
    "page/short": ("p.", "pp."),
    "chapter/short": ("chap.", "chaps."),
    "section/short": ("sec.", "secs."),
    "section/symbol": ("§", "§§"),
    "paragraph/short": ("para.", "paras."),
    "collection-number/short": ("no.", "nos."),
    "number-of-pages": ("page", "pages"),
    "number-of-pages/short": ("p.", "pp."),
}

EN_US = Locale(
    code="en-US",
    punctuation_in_quote=True,
    quotes=("“", "”", "‘", "’"),
    months=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    months_short=(
        "Jan.",
        "Feb.",
        "Mar.",
        "Apr.",
        "May",
        "June",
        "July",
        "Aug.",
        "Sept.",
        "Oct.",
        "Nov.",
        "Dec.",
    ),
    seasons=("Spring", "Summer", "Autumn", "Winter"),
    terms=EN_TERMS,
)

_FA_MONTHS = (
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "می",
    "ژوئن",
    "جولای",
    "آگوست",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
)

FA_IR = Locale(
    code="fa-IR",
    punctuation_in_quote=True,
    quotes=("“", "”", "‘", "’"),
    months=_FA_MONTHS,
    months_short=_FA_MONTHS,
    seasons=("بهار", "تابستان", "پاییز", "زمستان"),
    terms={
        "accessed": "دسترسی",
        "and": "و",
        "et-al": "و همکاران",
        "in": "در",
        "no date": "بدون تاریخ",
        "no date/short": "بدون تاریخ",
        "from": "از",
        "circa": "تقریباً",
        "anonymous": "ناشناس",
        "interview": "مصاحبه",
        "letter": "نامه",
        "personal-communication": "ارتباط شخصی",
        "ordinal": "",
        "ordinal-01": "",
        "ordinal-02": "",
        "ordinal-03": "",
        "ordinal-11": "",
        "ordinal-12": "",
        "ordinal-13": "",
        "editor": ("ویراستار", "ویراستاران"),
        "editor/short": ("ویراستار", "ویراستاران"),
        "editor/verb": "ویراسته\u200cی",
        "editor/verb-short": "ویراسته\u200cی",
        "translator": ("مترجم", "مترجمین"),
        "translator/short": ("مترجم", "مترجمین"),
        "translator/verb": "ترجمه\u200cی",
        "translator/verb-short": "ترجمه\u200cی",
        "edition": ("ویرایش", "ویرایش\u200cهای"),
        "edition/short": "ویرایش",
        "issue": ("شماره", "شماره\u200cهای"),
        "issue/short": "ش",
        "volume": ("جلد", "جلدهای"),
        "volume/short": ("ج", "جج"),
        "page": ("صفحه", "صفحات"),
        "page/short": ("ص", "صص"),
        "chapter/short": "فصل",
        "section/short": "قسمت",
        "paragraph/short": "پاراگراف",
        "collection-number/short": "ش",
    },
    day_first=True,
    rtl=True,
)

_AR_MONTHS = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)

AR = Locale(
    code="ar",
    punctuation_in_quote=False,
    quotes=('"', '"', "'", "'"),
    months=_AR_MONTHS,
    months_short=_AR_MONTHS,
    seasons=("ربيع", "صيف", "خريف", "شتاء"),
    terms={
        "accessed": "تاريخ الوصول",
        "and": "و",
        "et-al": "وآخرون",
        "in": "في",
        "no date": "دون تاريخ",
        "no date/short": "د.ت",
        "retrieved": "استرجع في",
        "from": "من",
        "circa": "حوالي",
        "circa/short": "حوالي",
        "anonymous": "مجهول",
        "interview": "مقابلة",
        "letter": "خطاب",
        "personal-communication": "اتصال شخصي",
        "ordinal": "",
        "ordinal-01": "",
        "ordinal-02": "",
        "ordinal-03": "",
        "ordinal-11": "",
        "ordinal-12": "",
        "ordinal-13": "",
        "editor": "تحقيق",
        "editor/verb": "تحقيق",
        "editor/verb-short": "ed. by",
        "translator": "ترجمة",
        "translator/verb": "ترجمة",
        "edition": ("الطبعة", "الطبعات"),
        "edition/short": "ط",
        "issue": ("عدد", "أعداد"),
        "issue/short": "عدد",
        "volume": ("مجلد", "مجلدات"),
        "volume/short": ("م", "م"),
        "page": ("صفحة", "صفحات"),
        "page/short": ("ص", "ص"),
        "chapter/short": "فصل",
        "section/short": "قسم",
        "paragraph/short": "فقرة",
        "collection-number/short": "عدد",
    },
    day_first=True,
    month_suffix="، ",
    rtl=True,
)

_PERSIAN_LETTERS = re.compile(r"[پچژگکی\u06c0\u06cc]")


def language(item: Mapping[str, Any]) -> str:
    """The item's language as two lower-case letters ("" when it names none)."""
    value = str(item.get("language") or "").strip()
    match = re.match(r"[A-Za-z]{2}", value)
    return match.group().lower() if match else ("tlh" if value else "")


def is_english(item: Mapping[str, Any]) -> bool:
    """Whether the item's language is English or unknown (what title case applies to)."""
    return language(item) in ("", "en")


def locale_for(item: Mapping[str, Any]) -> Locale:
    """The locale an item is set in: Persian and Arabic ones in their own, others en-US.

    The item's ``language`` decides; an item that names none but whose title (or first
    author) is in Arabic script is Persian when it has letters only Persian uses.
    """
    lang = language(item)
    if lang == "fa":
        return FA_IR
    if lang == "ar":
        return AR
    if lang:
        return EN_US
    names = item.get("author") or ()
    first = names[0] if names and isinstance(names[0], Mapping) else {}
    sample = str(item.get("title") or first.get("literal") or first.get("family") or "")
    if ARABIC_SCRIPT.search(sample):
        return FA_IR if _PERSIAN_LETTERS.search(sample) else AR
    return EN_US
