"""The features the reference labeller sees for each token, the same in training and in use.

A token is described by its own form (the word, its shape and case, its punctuation, number
shapes such as a year or a page range, words of a few small dictionaries), by where it stands
(position in the reference, inside quotes or brackets, which full-stop-delimited chunk it is
in and what that chunk holds) and by the forms of its neighbours. The dictionaries are small
lists of the words that signal a field in the languages Archivist reads: months and seasons,
role words (ed., trans., به کوشش), numbering words (vol., no., pp., ص), publisher and
periodical words. What a token's form implies is cached: references repeat their words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from archivist.text import ORGANISATION_OPENINGS, ORGANISATION_WORDS, to_ascii_digits


def _words(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list (the dictionaries below are long)."""
    return frozenset(text.split())


_MONTHS = _words(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec janvier février fevrier mars avril mai juin
    juillet août aout septembre octobre novembre décembre januar februar märz april juni juli
    oktober dezember jänner enero febrero marzo abril mayo junio julio agosto septiembre
    setiembre octubre noviembre diciembre gennaio febbraio aprile maggio giugno luglio settembre
    ottobre dicembre janeiro fevereiro março maio junho julho setembro outubro novembro dezembro
    januari februari maart mei augustus spring summer autumn fall winter frühjahr sommer herbst
    printemps été automne hiver фәрвәрдин января февраля марта апреля мая июня июля августа
    сентября октября ноября декабря январь февраль март апрель май июнь июль август сентябрь
    октябрь ноябрь декабрь ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım
    aralık stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października
    listopada grudnia فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند بهار
    تابستان پاییز زمستان يناير فبراير مارس أبريل ابريل إبريل مايو يونيو يونيه يوليو يوليه أغسطس
    اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر كانون شباط آذار نيسان أيار ايار حزيران تموز أيلول
    ايلول تشرين جانفي فيفري أفريل جوان جويلية أوت يوليوز نونبر دجنبر ژانویه فوریه آوریل مه ژوئن
    ژوئیه اوت سپتامبر اکتبر نوامبر دسامبر محرم صفر ربيع جمادى رجب شعبان رمضان شوال القعدة الحجة
    """
)
_KEYWORDS = {
    word: kind
    for kind, group in (
        ("in", "in in: dans im en em w: 载 收入 در في"),
        (
            "ed",
            "ed ed. eds eds. edited editor editors edd hrsg hrsg. hg hg. (ed.) (eds.) (ed.), "
            "(eds.), (hrsg.) éd éd. dir. (dir.) a cura curatore red. ويراسته ویراستهٔ کوشش "
            "اهتمام تصحیح تحقيق تح: إعداد مراجعة",
        ),
        (
            "trans",
            "trans trans. translated translator transl. übers. übersetzt trad. tr. "
            "ترجمه ترجمهٔ ترجمة مترجم تعريب 译 訳",
        ),
        (
            "vol",
            "vol vol. volume vols vols. bd bd. band t. tome tomo jg jg. jahrgang ج جلد "
            "المجلد مجلد دوره سال 卷 巻",
        ),
        (
            "no",
            "no no. nr nr. issue num. número numero heft h. n. nº № شماره شمارهٔ العدد عدد 期 号 號",
        ),
        (
            "pp",
            "p p. pp pp. page pages s. ss. seite seiten pg. pág. págs. str. с. ص ص. صص "
            "صص. صفحه 页 頁",
        ),
        (
            "edn",
            "edn edn. edition ed., aufl aufl. auflage éd., édition edición edizione "
            "چاپ ط الطبعة 版",
        ),
        (
            "acc",
            "retrieved accessed available viewed visited abgerufen consulté consultado "
            "archived online accessed: retrieved: 閲覧 访问 دسترسی بازیابی الاطلاع الزيارة",
        ),
        (
            "pub",
            "press publishing publishers publisher books verlag university editions "
            "éditions presses house inc inc. ltd ltd. co. company editore editorial editora "
            "انتشارات نشر دار منشورات مكتبة مکتبة 出版社 出版",
        ),
        (
            "jour",
            "journal j j. review rev rev. proc proc. proceedings quarterly annals ann "
            "ann. bulletin bull bull. studies transactions trans. letters lett lett. zeitschrift "
            "revue rivista revista tijdschrift فصلنامه فصلنامهٔ مجله مجلهٔ مجلة 学报 雑誌 紀要",
        ),
        (
            "news",
            "times post news herald gazette tribune telegraph guardian daily chronicle "
            "monitor observer journal wire newsletter روزنامه روزنامهٔ جريدة صحيفة 新聞 日报",
        ),
        ("and", "and & et und y e i и ve و 和 与"),
        ("al", "al al. al., others al.; دیگران وآخرون همکاران"),
        (
            "genre",
            "thesis dissertation report paper phd ph.d. working unpublished diss. "
            "doctoral master's mémoire tesis tesi پایان‌نامه رسالة أطروحة 学位论文",
        ),
        ("id", "doi doi: isbn isbn: issn pmid arxiv arxiv: s2cid bibcode oclc jstor hdl"),
        (
            "org",
            "ministry department agency office council institute committee commission "
            "organization organisation association society foundation centre center bureau "
            "خبرگزاری وزارت سازمان مرکز وكالة وزارة منظمة مركز هيئة",
        ),
    )
    for word in group.split()
}
_ORGANISATION = frozenset(w.lower() for w in ORGANISATION_WORDS | ORGANISATION_OPENINGS) | _words(
    "network networks group groups society trust board club league union council office ltd "
    "ltd. inc inc. gmbh plc llc cooperative co-operative parish church diocese"
)
"""Words that make a name an organisation's (Archivist's own list, from ``names``)."""
_STRIP = "\"'“”‘’«»„‚()[]{}.,;:!?¿¡<>–—-/*"
_YEAR = re.compile(r"(?:1[5-9]\d\d|20\d\d)[a-z]?")
_YEAR_SPAN = re.compile(r"(?:1[5-9]\d\d|20\d\d)[-–—/](?:1[5-9]\d\d|20\d\d|\d\d)")
_RANGE = re.compile(r"[a-zA-Z]?\d+[-–—]+[a-zA-Z]?\d+")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|e|er|ème|\.)")
_ROMAN = re.compile(r"(?=[ivxlc]+$)c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
_VOLUME_ISSUE = re.compile(r"\d+\(\d")
_INITIALS = re.compile(r"(?:\w\.-?){2,}")
_ABBREVIATIONS = _words(
    "pp. p. vol. vols. no. nr. ed. eds. trans. ibid. al. in: s. hrsg. bd. jr. dr. st. ch. cf. "
    "e.g. i.e. n.d. n. ms. mr. mrs. inc. co. ltd. univ. dept. rev. proc. conf. int. j. am. "
    "soc. edn. repr. transl. ann. bull. natl. acad. sci. res. med. eng. chem. phys. biol. "
    "assoc. inst. dept. comp. vs. v. op. cit. id. ca. c. art. sec. fig. tab. col. bk. pt."
)
_SENTENCE_ENDS = (".", "?", "!", ".”", '."', "?”", '?"', ".’", "。", ".»")
_OPEN_QUOTES = "“«„「『‘"
_CLOSE_QUOTES = "”»」』’"


def _shape(word: str) -> str:
    out: list[str] = []
    for ch in word:
        if ch.isdigit():
            kind = "d"
        elif ch.isalpha():
            kind = "X" if ch.isupper() else "x" if ch.islower() else "a"
        else:
            kind = ch
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)[:12]


class _Vocabulary:
    """The lexicon and the model's features in use (set once, when the model is opened)."""

    lexicon: Mapping[str, str] = {}
    known: frozenset[str] | None = None


_vocabulary = _Vocabulary()


def lexicon_key(word: str) -> str:
    """The form a token is looked up in the lexicon by: its core, lower case."""
    return word.strip(_STRIP).lower()[:24]


def lexicon_in_use() -> Mapping[str, str]:
    """The lexicon the features are read with now."""
    return _vocabulary.lexicon


def lexicon_fields(word: str) -> frozenset[str]:
    """The fields the lexicon in use saw a word in (none for a word it does not know)."""
    fields = _vocabulary.lexicon.get(lexicon_key(word))
    return frozenset(fields.split()) if fields else frozenset()


def use_lexicon(lexicon: Mapping[str, str]) -> None:
    """Words seen in the training data and the fields they were mostly seen in.

    ``{"penguin": "publisher", "london": "location"}`` with several fields joined by spaces.
    Gathered by the training script from the part it trains on, shipped beside the model.
    """
    _vocabulary.lexicon = lexicon
    view.cache_clear()


def use_known(attributes: frozenset[str] | None) -> None:
    """Keep only the features the model has weights for (None: keep all, as in training).

    A feature the model never learned adds nothing to the labelling, but CRFsuite still looks
    it up; dropping those once per distinct token, here, halves the time of tagging.
    """
    _vocabulary.known = attributes
    view.cache_clear()


def _kept(features: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    known = _vocabulary.known
    return tuple(features) if known is None else tuple(f for f in features if f in known)


class TokenView:
    """What a token's form says, computed once per distinct token string."""

    __slots__ = (
        "after1",
        "after2",
        "alpha",
        "before1",
        "before2",
        "brackets",
        "code",
        "core",
        "digits",
        "ends_chunk",
        "features",
        "has_year",
        "initial",
        "last",
        "lower",
        "nests",
        "parens",
        "quotes",
        "shape",
        "toggles",
    )

    def __init__(self, word: str) -> None:
        core = word.strip(_STRIP)
        low = core.lower()
        ascii_low = to_ascii_digits(low)
        shape = _shape(word)
        last = word[-1] if word and not word[-1].isalnum() else "A"
        first = word[0] if word and not word[0].isalnum() else "A"
        features = [
            f"w={low[:24]}",
            f"sh={shape}",
            f"csh={_shape(core)}",
            f"last={last}",
            f"first={first}",
        ]
        if core:
            features += [f"p3={low[:3]}", f"s3={low[-3:]}"]
            if core.isupper() and len(core) > 1:
                features.append("caps")
            elif core[0].isupper():
                features.append("title")
            elif core[0].islower():
                features.append("lower")
        if len(word) > 1 and not word[-2].isalnum():
            features.append(f"last2={word[-2:]}")
        self.has_year = (
            _YEAR.fullmatch(ascii_low) is not None or _YEAR_SPAN.fullmatch(ascii_low) is not None
        )
        self.digits = any(ch.isdigit() for ch in word)
        if self.has_year:
            features.append("year")
        elif _YEAR.search(to_ascii_digits(word)):
            features.append("hasyear")
        if ascii_low.isdigit():
            features.append(f"num{min(len(ascii_low), 5)}")
        elif self.digits:
            if _RANGE.fullmatch(ascii_low):
                features.append("range")
            elif _ORDINAL.fullmatch(ascii_low):
                features.append("ordinal")
            elif _VOLUME_ISSUE.match(ascii_low):
                features.append("volissue")
        if _ROMAN.fullmatch(low) and low:
            features.append("roman")
        if low in _MONTHS or low.rstrip(".") in _MONTHS:
            features.append("month")
        keyword = _KEYWORDS.get(word.lower()) or _KEYWORDS.get(low)
        if keyword:
            features.append(f"kw={keyword}")
        if low in _ORGANISATION:
            features.append("org")
        fields = _vocabulary.lexicon.get(low[:24])
        if fields:
            features += [f"d={field}" for field in fields.split()]
        if "http" in low or "www." in low or "://" in word:
            features.append("url")
        elif low.startswith("10.") and "/" in low:
            features.append("doi")
        if len(core) == 1 and core.isalpha() and word.endswith("."):
            features.append("initial")
        elif _INITIALS.fullmatch(core + "."):
            features.append("initials")
        elif core.isupper() and len(core) <= 3 and core.isalpha() and not word.endswith("."):
            features.append("upper3")
        self.features = _kept(features)
        self.core = low[:24]
        self.alpha = self.core[:1].isalpha()
        self.initial = "initial" in features or "initials" in features or "upper3" in features
        self.lower = (
            self.alpha and self.core[:1].islower() and self.core[:1].upper() != self.core[:1]
        )
        # The token's kind for the shape of its comma-separated part (see _part_kind).
        self.code = (
            "I" if self.initial
            else "Y" if self.has_year
            else "D" if self.digits and not self.alpha
            else "L" if self.lower
            else "C" if self.alpha
            else "O"
        )  # fmt: skip
        self.shape = f"csh={_shape(core)}"
        self.last = last
        self.ends_chunk = _ends_chunk(word, core)
        # What the token says of the tokens one and two places after it (before2, before1)
        # and before it (after1, after2).
        self.before2 = _kept((f"-2w={self.core}", f"-2l={last}"))
        self.before1 = _kept((f"-1w={self.core}", f"-1s={shape}", f"-1l={last}"))
        self.after1 = _kept((f"1w={self.core}", f"1s={shape}", f"1l={last}"))
        self.after2 = _kept((f"2w={self.core}", f"2l={last}"))
        # What the token does to the quotes and brackets open around the tokens after it.
        self.quotes = (
            sum(ch in _OPEN_QUOTES for ch in word),
            sum(ch in _CLOSE_QUOTES for ch in word),
        )
        self.toggles = word.count('"') % 2 == 1
        self.parens = word.count("("), word.count(")")
        self.brackets = word.count("["), word.count("]")
        self.nests = any(self.quotes) or self.toggles or any(self.parens) or any(self.brackets)


def _ends_chunk(word: str, core: str) -> bool:
    """Whether a token closes a sentence-like chunk: a full stop that is not an abbreviation."""
    if not word.endswith(_SENTENCE_ENDS):
        return False
    if word.lower() in _ABBREVIATIONS or (len(core) == 1 and core.isalpha()):
        return False
    return _INITIALS.fullmatch(word) is None


@functools.lru_cache(maxsize=65536)
def view(word: str) -> TokenView:
    """The cached view of one token string."""
    return TokenView(word)


def _bucket(n: int) -> str:
    return "1" if n == 1 else "2" if n == 2 else "3" if n == 3 else "4" if n <= 6 else "7"


def _chunk_features(views: list[TokenView]) -> list[tuple[str, ...]]:
    """For each token: which full-stop-delimited chunk it is in (from either end), how long
    that chunk is, whether it holds digits or a year, and the word that opens the next one."""
    n = len(views)
    bounds: list[tuple[int, int]] = []
    stats: list[tuple[bool, bool]] = []
    start = digits = years = 0
    for i, token in enumerate(views):
        digits |= token.digits
        years |= token.has_year
        if token.ends_chunk or i == n - 1:
            bounds.append((start, i + 1))
            stats.append((bool(digits), bool(years)))
            start = i + 1
            digits = years = 0
    out: list[tuple[str, ...]] = []
    last = len(bounds) - 1
    for k, (a, b) in enumerate(bounds):
        after = views[bounds[k + 1][0]].core[:8] if k < last else None
        key = (min(k, 4), min(last - k, 4), _bucket(b - a), *stats[k], after)
        out += [_chunk_strings(key)] * (b - a)
    return out


@functools.lru_cache(maxsize=8192)
def _chunk_strings(key: tuple[Any, ...]) -> tuple[str, ...]:
    """The features of a chunk's tokens, from what describes the chunk."""
    k, from_end, size, has_digits, has_year, after = key
    common = [f"ci={k}", f"cj={from_end}", f"cn={size}"]
    if has_digits:
        common.append("cdig")
    if has_year:
        common.append("cyear")
    if after is not None:
        common.append(f"ncw={after}")
    return tuple(common)


def _part_features(views: list[TokenView]) -> list[tuple[str, ...]]:
    """For each token: which comma-separated part it is in, and what kind of part that is.

    Footnotes list their parts with commas (``Org, Title, Place, Year``) where bibliographies
    also list authors (``Roe, J., Doe, K.``): a part's shape and its neighbours' tell the two
    apart.
    """
    n = len(views)
    kinds: list[str] = []
    sizes: list[int] = []
    codes = ""
    for i, token in enumerate(views):
        codes += token.code
        if token.last in ",،;" or token.ends_chunk or i == n - 1:
            kinds.append(_part_kind(codes))
            sizes.append(len(codes))
            codes = ""
    out: list[tuple[str, ...]] = []
    last = len(kinds) - 1
    for k, kind in enumerate(kinds):
        key = (kind, kinds[k - 1] if k else "^", kinds[k + 1] if k < last else "^")
        out += [_part_strings(key)] * sizes[k]
    return out


def _part_kind(codes: str) -> str:
    """A part's shape from its tokens' codes: initials, a year, a number, one capitalised
    word, two, more, lower case words, or none of these."""
    if not codes.strip("I"):
        return "I"
    if "Y" in codes:
        return "Y"
    if not codes.strip("D"):
        return "D"
    if "L" in codes:
        return "L"
    if "C" not in codes:
        return "O"
    return "C1" if len(codes) == 1 else "C2" if len(codes) == 2 else "C3"


@functools.lru_cache(maxsize=8192)
def _part_strings(key: tuple[str, str, str]) -> tuple[str, ...]:
    kind, before, after = key
    return (f"qk={kind}", f"qb={before}|{kind}", f"qa={kind}|{after}")


_POSITIONS = [f"pos={k}" for k in range(10)]
_SINCE_STOP = [f"sp={k}" for k in range(7)]
_SINCE_COMMA = [f"sk={k}" for k in range(7)]
_PADS = {offset: (f"{offset}pad",) for offset in (-2, -1, 1, 2)}


@functools.lru_cache(maxsize=4096)
def _after(last: str, shape: str) -> str:
    """The punctuation ending the token before, with the shape of this one."""
    return f"pl={last}|{shape}"


def sequence_features(tokens: list[str]) -> list[list[str]]:
    """The features of every token of one reference, in order."""
    n = len(tokens)
    views = [view(t) for t in tokens]
    chunks = _chunk_features(views)
    parts = _part_features(views)
    before2 = [_PADS[-2], _PADS[-2], *[v.before2 for v in views]]
    before1 = [_PADS[-1], *[v.before1 for v in views]]
    after1 = [v.after1 for v in views[1:]] + [_PADS[1]]
    after2 = [v.after2 for v in views[2:]] + [_PADS[2], _PADS[2]]
    out: list[list[str]] = []
    quote = paren = bracket = 0
    since_stop = since_comma = 6
    previous = "^"
    for i, own in enumerate(views):
        features = [
            *(own.features + chunks[i] + parts[i] + before2[i] + before1[i] + after1[i]),
            *after2[i],
            _POSITIONS[10 * i // n],
            _after(previous, own.shape),
            _SINCE_STOP[since_stop],
            _SINCE_COMMA[since_comma],
        ]
        if quote:
            features.append("inq")
        if paren:
            features.append("inp")
        if bracket:
            features.append("inb")
        if i == 0:
            features.append("BOS")
        elif i == n - 1:
            features.append("EOS")
        out.append(features)
        if own.nests:
            opened, closed = own.quotes
            quote = max(quote + opened - closed, 0)
            if own.toggles:
                quote = 0 if quote else 1
            paren = max(paren + own.parens[0] - own.parens[1], 0)
            bracket = max(bracket + own.brackets[0] - own.brackets[1], 0)
        # Counted up to 6 (the features say "6 or more"), whatever the reference's length.
        since_stop = 0 if own.ends_chunk else since_stop + (since_stop < 6)
        since_comma = 0 if own.last in ",،" else since_comma + (since_comma < 6)
        previous = own.last
    return out
