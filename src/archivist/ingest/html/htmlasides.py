"""Drop what sits inside an article without being it: credits, teaser cards, "read also"
links, advertisement labels, date and category lines."""

from __future__ import annotations

import re

from lxml import etree

from archivist.ingest.html.htmlcards import drop_card_rows
from archivist.ingest.html.htmldom import holds_marker, remove, text_content, text_length
from archivist.ingest.html.htmlfurniture import link_share
from archivist.ingest.html.htmltags import drop_tag_lists
from archivist.ingest.text.furniture import is_trigger

# Lead-ins of a link to another article, set inside the text ("Read also: ..."), in the
# languages the importer meets; matched at the start of a short block, case-folded.
_READ_ALSO = re.compile(
    r"^(?:read (?:also|more|next)|related|more on this|more about|you (?:may|might)"
    r" also (?:like|enjoy)|recommended|lesen sie (?:auch|mehr|hier)|auch interessant"
    r"|das könnte (?:sie|dich) (?:auch )?interessieren|mehr zum thema|schon gelesen|zum weiterlesen"
    r"|mehr dazu|passend dazu|dazu passend|auch lesenswert|ebenfalls interessant"
    r"|you may also be interested in|recommended for you|don't miss|also on"
    r"|también te puede interesar|te recomendamos|lee más|leia mais|à lire également"
    r"|vous aimerez aussi|potrebbe interessarti anche|zobacz również|czytaj więcej"
    r"|weiterlesen|lesetipp|à lire aussi|lire aussi|voir aussi|à voir aussi|le puede interesar"
    r"|lea también|lee también|vea también|ver también|puedes ver|te puede interesar"
    r"|leggi anche|potrebbe interessarti|leia também|veja também|lees ook|czytaj (?:też|także)"
    r"|zobacz (?:też|także)|читайте также|смотрите также|اقرأ أيضا|اقرأ أيضاً|بیشتر بخوانید"
    r"|مطالب مرتبط|همچنین بخوانید|dowiedz się (?:więcej|też)|przeczytaj (?:też|także|również)"
    r"|learn more|find out more|mehr erfahren|en savoir plus|leer más|saiba mais|scopri di più"
    # headings over lists of other articles
    r"|most (?:read|popular|viewed|shared)|latest (?:news|articles|posts|stories)"
    r"|more (?:stories|articles|news)|neueste (?:artikel|beiträge)|meistgelesen\w*"
    r"|meistdiskutiert\w*|weitere (?:artikel|beiträge|news|themen)|ähnliche (?:artikel|beiträge)"
    r"|entdecke weitere|artículos relacionados|noticias relacionadas|más noticias"
    r"|articles similaires|sur le même sujet|articoli correlati|najczęściej czytane"
    r"|najnowsze|popular posts|recent posts|latest posts|trending now|editor's picks"
    r"|beliebte (?:artikel|beiträge)|aktuelle (?:artikel|beiträge)|letzte beiträge"
    r"|verwandte (?:artikel|beiträge)|ähnliche themen|lo más leído|más leídas|últimas noticias"
    r"|les plus lus|dans la même rubrique|sur le même thème|i più letti|polecane"
    r"|mais lidas|notícias relacionadas|الأكثر قراءة|پربازدیدترین)"
    r"(?:\s+(?:articles?|stories|posts|news|artikel|beiträge|nachrichten|artículos|noticias"
    r"|artykuły))?\b\s*[:!?.…]*",
    re.I,
)
_AD_LABEL = re.compile(
    r"^[-–—\s]*(?:advertisement|advertising|advert|ad|anzeige|werbung|reklama|publicidad"
    r"|publicité|pubblicità|reclame|sponsored|gesponsert|anuncio|advertorial|promoted"
    r"|(?:sponsored|paid|partner) content|تبلیغات|آگهی|إعلان)[-–—\s]*$",
    re.I,
)
_CREDIT = re.compile(
    r"^(?:©|\(c\)|copyright\b|(?:photo|foto|fotos|bild|bilder|titelbild|image|imagen|abbildung"
    r"|picture|credit|credits|crédit|crédito|illustration|grafik)\s*:)",
    re.I,
)
_CREDIT_MAX = 160
_CAPTION_CREDIT = re.compile(
    r"(?:^|[\s.,;(\[|/–-])(?:©|\(c\)|(?:photo|photos|foto|fotos|bild|bilder|image|imagen|picture"
    r"|credit|credits|crédit|crédito|zdjęcie|fot\.|fotó|source|quelle|fuente)\s*:)",
    re.I,
)
"""A credit set inside a caption ("... mañana. Foto: LN", "Überblick. (Foto: Getty)")."""
_CAPTION_MAX = 300
# A post's date, category or update line set in the text, in the languages the importer meets.
_META_LINE = re.compile(
    # optionally after the date and time it was posted: "24.01.2022 11:38 Kategorie: News"
    r"^(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:uhr\b)?)?"
    r"\s*[|·•,–-]?\s*)?"
    r"(?:(?:published|updated|last (?:modified|updated)|release date|date|category|categories"
    r"|veröffentlicht|aktualisiert|stand|kategorie|datum|publicado|actualizado|fecha|categoría"
    r"|publié|catégorie|pubblicato|aggiornato|publikacja|aktualizacja|kategoria|تاریخ انتشار"
    r"|تاريخ النشر)\s*:|(?:posted|published|updated) (?:on|in|by)\b|erstellt am\b"
    r"|veröffentlicht am\b|aktualisiert am\b|publié le\b|mis à jour le\b|publicado el\b"
    r"|pubblicato il\b|نشر في"
    # or the date alone before a category of a few words: "2021-10-16 | Botschaft"
    r"|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s*[|·•]\s*[^\W\d][\w&' -]{0,30}$)",
    re.I,
)
_META_MAX = 80
_FOLLOW = re.compile(
    r"^(?:follow us|folgen sie uns|folge uns|síguenos|siguenos|nos siga|suivez-nous|seguici"
    r"|obserwuj nas|volg ons|ما را دنبال کنید|تابعونا)\b",
    re.I,
)
_TRIGGER_MAX = 80
# A call to subscribe, sign up, donate or buy, in the languages the importer meets: in a short
# block that is mostly a link, it is a promotion, never a sentence of the article.
_CALL = re.compile(
    r"newsletter|\babo\b|abonn|subscri|sign up|signup|anmelden|registrier|register|spende|donat"
    r"|unterstütz|support us|\bshop\b|bestellen|download the app|suscr|inscri|abbona|zapisz"
    r"|prenumer|zamów|wesprzyj|اشترك|عضویت|اشتراک",
    re.I,
)
_CALL_MAX = 120
# A link's whole text pointing away from the article ("Learn more", "Back to the home page"),
# in the languages the importer meets; matched against a whole short block.
_AWAY = re.compile(
    r"^(?:learn more|find out more|mehr erfahren|jetzt mehr erfahren|dowiedz się więcej"
    r"|en savoir plus|leer más|saiba mais|scopri di più|meer informatie|подробнее"
    r"|back to (?:the )?(?:home ?page|home|start|overview|list)|zurück zur (?:startseite|übersicht)"
    r"|retour à l'accueil|volver (?:al inicio|a la portada)|torna alla home"
    r"|powrót do strony głównej"
    r"|بازگشت به صفحه اصلی|العودة إلى الرئيسية)\s*[.!…>»›→]*$",
    re.I,
)
"""Interface text, never a sentence of an article."""
_DATE_ONLY_MAX = 60
_TITLE_WORDS = 3
_ISO_DAY = re.compile(r"\d{4}-\d{2}")
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)")
_DATE_SEPARATORS = " |·•,–-/"
_SEE_ALSO = re.compile(r"see also\b", re.I)
"""An encyclopedia's "See also" section is the article's own; other furniture lines are not."""
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_CARD_SHARE = 0.3
_LABEL_MAX = 25
_PROSE_TAGS = (
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "blockquote",
    "pre",
    "figcaption",
    "dd",
    "dt",
    "code",
    "a",
)
_CARD_PARTS = etree.XPath(".//h1|.//h2|.//h3|.//h4|.//h5|.//h6|.//p|.//li")
_READ_ALSO_MAX = 200
_TEXT_BLOCKS = (
    "p", "div", "span", "li", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "figcaption", "dt",
    "dd",
)  # fmt: skip


def strip_asides(article: etree._Element) -> None:
    """Drop what sits inside an article without being it: image credits, teaser cards and
    "read also" links to other articles, and advertisement labels. Captions stay: they
    describe the article's own pictures."""
    whole = text_length(article)
    for el in list(article.iter("a")):
        # A link to another page wrapped round a heading or paragraphs is a teaser card for
        # another article, unless it holds most of the text (a page wrapped in one link).
        href = (el.get("href") or "").strip().lower()
        if (
            href
            and not href.startswith(("#", "javascript:"))
            and _CARD_PARTS(el)
            and text_length(el) < _CARD_SHARE * whole
        ):
            remove(el)
    for el in list(article.iter("ul", "ol")):
        if el.getparent() is not None and _teaser_list(el):
            remove(el)
    drop_card_rows(article)
    drop_tag_lists(article)
    for el in list(article.iter("div", "span")):
        # A stray label outside any paragraph, heading or list ("Community", "20:37", "News"):
        # interface text, not a sentence of the article.
        if el.getparent() is None or len(el):
            continue  # a box with children (a marker placeholder among them) is no stray label
        label = " ".join((el.text or "").split())
        if (
            label
            and len(label) <= _LABEL_MAX
            and label[-1] not in '.!?:;"”»)'
            and next(el.iterancestors(*_PROSE_TAGS), None) is None
            and not _sentence_around(el)
        ):
            remove(el)
    for el in list(article.iter(*_TEXT_BLOCKS)):
        if el.getparent() is None or holds_marker(el):
            continue
        text = " ".join(text_content(el).split())
        if not text:
            continue
        if len(text) <= _READ_ALSO_MAX and _reads_also(el, text):
            after = el.getnext()
            if el.tag in _HEADINGS and after is not None and link_share(after) > 0.5:
                remove(after)  # the list of other articles under a "More on this" heading
            remove(el)
        elif (
            (len(text) <= 40 and _AD_LABEL.match(text))
            or (len(text) <= _CREDIT_MAX and _CREDIT.match(text))
            or (_is_caption(el) and len(text) <= _CAPTION_MAX and _CAPTION_CREDIT.search(text))
            or (len(text) <= _META_MAX and (_META_LINE.match(text) or _FOLLOW.match(text)))
            # The link share first: a case-blind search for so many words costs more.
            or (len(text) <= _CALL_MAX and link_share(el) > 0.5 and _CALL.search(text))
            or (len(text) <= _TRIGGER_MAX and is_trigger(text) and not _SEE_ALSO.match(text))
            or (len(text) <= _TRIGGER_MAX and _AWAY.match(text))
            or (len(text) <= _DATE_ONLY_MAX and _only_dates(el, text))
            or (el.tag in ("p", "div") and len(text) <= _TRIGGER_MAX and _lone_link(el, text))
        ):
            remove(el)


_TEASERS_MIN = 3
_TEASER_MISSES = 0.1
"""Share of a teaser list's items that may be other boxes."""
_CUT_SHORT = ("...", "…", "[…]", "[...]")


def _teaser_list(el: etree._Element) -> bool:
    """A list of other articles: three items or more, nearly all of them opening with a link
    to another page and closing on an excerpt cut short ("..."), whatever the list is named;
    a box or two set among them ("Topics", "Latest comments") does not make it the article's.
    A list of the article's own ends its items as sentences."""
    items = [li for li in el if li.tag == "li"]
    if len(items) < _TEASERS_MIN:
        return False
    misses = 0
    for li in items:
        if not _teaser(li):
            misses += 1
            if misses > _TEASER_MISSES * len(items):
                return False
    return True


def _teaser(li: etree._Element) -> bool:
    """An item opening with a link to another page and closing on an excerpt cut short."""
    first = next((c for c in li.iter("a") if (c.get("href") or "").strip()), None)
    href = "" if first is None else (first.get("href") or "").strip()
    if first is None or href.startswith(("#", "javascript:")):
        return False
    text = text_content(li).strip()
    return text.startswith(text_content(first).strip()) and text.endswith(_CUT_SHORT)


def _is_caption(el: etree._Element) -> bool:
    """A figure's caption: ``figcaption``, or a text block inside a ``figure``."""
    return el.tag == "figcaption" or next(el.iterancestors("figure"), None) is not None


def _lone_link(el: etree._Element, text: str) -> bool:
    """A block that is one link to another page and nothing else, not a sentence: a pointer
    to another article ("Alkohol beim Angeln – Diskussion im Forum")."""
    links = list(el.iter("a"))
    if len(links) != 1 or text[-1] in '.!?:;"”»)' or len(text.split()) < _TITLE_WORDS:
        return False  # a bare "link" or "PDF" is the page's own; a title has a few words
    href = (links[0].get("href") or "").strip().lower()
    if not href or href.startswith(("#", "javascript:")):
        return False
    return " ".join(text_content(links[0]).split()) == text


def _calendar_date(time: etree._Element) -> bool:
    """A ``<time>`` that holds a day (a ``datetime`` of a date, or a year in its text), not a
    duration such as a recipe's cooking time."""
    stamp = (time.get("datetime") or "").strip()
    if stamp:
        return bool(_ISO_DAY.match(stamp))
    return bool(_YEAR.search(text_content(time)))


def _only_dates(el: etree._Element, text: str) -> bool:
    """A block that is nothing but ``<time>`` elements, one of them a day (a post's date
    line): what is left of its text once their text is taken out is at most separators."""
    stamps = list(el.iter("time"))
    if not any(_calendar_date(t) for t in stamps):  # a duration ("15 – 30 Min") alone stays
        return False
    times = [" ".join(text_content(t).split()) for t in stamps]
    rest = text
    for stamp in times:
        rest = rest.replace(stamp, "", 1)
    return not rest.strip(_DATE_SEPARATORS)


def _reads_also(el: etree._Element, text: str) -> bool:
    """A "Read also: <link>" block: the lead-in alone (a heading must be nothing else), or
    the lead-in closed by a colon or followed by a link; not "Read more about ..."."""
    match = _READ_ALSO.match(text)
    if match is None:
        return False
    rest = text[match.end() :].strip(" :!?.…")
    if el.tag in _HEADINGS or not rest:
        return not rest  # "Related work" or "Weiterlesen im Archiv" heads a section of its own
    return match.group().rstrip()[-1:] in ":!?" or link_share(el) > 0.5


def _sentence_around(el: etree._Element) -> bool:
    """True when the element sits in running text: text right before or after it."""
    parent = el.getparent()
    before = el.getprevious()
    lead = (before.tail if before is not None else parent.text if parent is not None else "") or ""
    return bool(lead.strip() or (el.tail or "").strip())
