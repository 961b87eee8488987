"""Drop page furniture (navigation, share and subscribe boxes, comments, banners, infoboxes)."""

from __future__ import annotations

import functools
import re

from lxml import etree

from archivist.ingest.html.htmlconsent import consent_notices
from archivist.ingest.html.htmldom import (
    ATTRIBUTED,
    link_density,
    remove,
    select,
    text_content,
    text_length,
)
from archivist.ingest.text.furniture import is_trigger

# Matched against each class token whole, so "l-sidebar-fixed" layout classes are not furniture.
_FURNITURE_CLASS = re.compile(
    # "with-navigation", "has-sidebar", "no-comments": layout states of a wrapper, not furniture
    r"^(?!(?:with|has|no|is|without|show|hide)[-_])(?:[a-z0-9]{1,8}(?:-|_|--|__))?(?:share|sharing|social|subscribe|subscription|newsletter|signup|"
    r"comments?|comment-list|related|related-posts|recommended|cookie|cookies|consent|gdpr|"
    r"cc-banner|mw-editsection|navbox|vertical-navbox|infobox|sidebar|noprint|mw-jump-link|"
    r"catlinks|printfooter|ambox|hatnote|toc|breadcrumbs?|advert|ad-slot|promo|"
    # disclaimers, post metadata and author boxes, adverts, lists of other articles, dialogs
    r"disclaimer|disclosure|affiliate|postmetadata|post-?meta|entry-meta|entry-utility|"
    r"post-?ratings?|(?:post-?)?author(?:-|_|--|__)?(?:bio|info|box|details)|about-?(?:the-?)?author|adv|ads|advertisement|anzeige|"
    r"werbung|most-?read|popular-posts|trending|also-?read|further-?reading|"
    r"more-?articles|post-navigation|nav-links|tag-?cloud|tags|keywords|modal|dialog|login|"
    r"credits?|copyright|photo-?credit|image-?credit|"
    # menus and overlays in markup without <nav> or a role, teaser lists, app promotions
    r"nav|navigation|navbar|menu|menubar|mobile-?nav|mega-?menu|overlay|"
    r"related-?post|app-?(?:promo|banner|download|stores?)|appstores?|"
    # recommendation services, user cards, privacy placeholders of embedded media, paywalls
    r"outbrain|taboola|criteo|plista|syndication|most-?popular|more-?on|"
    r"(?:next|prev|previous)-?(?:posts?|articles?|stor(?:y|ies))|user-?(?:info|profile|card)|"
    r"timestamp|embedded|embed-?privacy|third-?party(?:-?services?)?|privacy-?(?:notice|banner)|paywall|"
    # the same furniture named in the languages of the pages the importer meets
    r"kommentare?|teilen|empfehlungen?|verwandte?|comentarios?|relacionad[oa]s?|compartir|"
    r"publicidad|commentaires?|partage|pubblicita|commenti|correlati|komentarze?|powiazane|"
    r"reklama|reclame|gerelateerd|delen)"
    r"(?:(?:-|_|--|__)?(?:box|bar|buttons?|links?|container|wrapper|section|area|list|widget|block|"
    r"module|tools|icons|banner|notice|form|popup|content|items|articles|posts|stories|text|"
    r"disclaimer|disclosure|placeholder|feed))?$",
    re.I,
)
_FURNITURE_ROLES = frozenset(
    {"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"}
)
_MAIN_TAGS = ("article", "main")
_ENTRY_FORMS = etree.XPath(
    "//form[.//textarea or .//input[not(@type) or @type='text' or @type='email'"
    " or @type='search' or @type='tel']]"
)
"""Forms asking the reader to type: newsletter sign-ups, comment and search forms."""
_FURNITURE_TAGS = ("nav", "aside", "footer", "button", "iframe", "object", "embed")
_DROP_TAGS = (
    "script",
    "style",
    "template",
    "link",
    "meta",
    "input",
    "select",
    "textarea",
    "svg",
    "canvas",
    "video",
    "audio",
)
_ID_ONLY = etree.XPath("//*[@id and not(@class or @role or @style or @hidden or @aria-hidden)]")
_MAIN_CONTENT = etree.XPath(
    ".//main | .//*[@role='main' or @itemprop='articleBody' or @itemprop='articlebody']"
)
_NEVER_THE_PAGE = re.compile(
    r"cookie|consent|gdpr|cc-|newsletter|subscri|modal|dialog|popup|comment|related|recommend|"
    r"share|sharing|social|promo|advert|paywall",
    re.I,
)
"""Banners, dialogs, comments and lists of other articles are furniture however much of the
page's text they hold; only a layout wrapper ("has-sidebar") can hold the article."""
_CORE_SHARE = 0.5
"""An element holding more than this share of the page's text is the page, not furniture."""
_CITATION_NEEDED = re.compile(r"\[?\s*(citation|clarification) needed\s*\]?", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def strip_furniture(
    root: etree._Element, marked: list[etree._Element] | None = None, *, by_name: bool = True
) -> None:
    """Drop navigation, share, subscribe, comment, related, cookie, edit and infobox furniture.

    ``marked`` is ``select(ATTRIBUTED, root)`` when the caller already has it; elements in it
    that are no longer in the tree do no harm. With ``by_name`` false, class and id names are
    not read: only tags, roles and hidden markers count.
    """
    if marked is None:
        marked = select(ATTRIBUTED, root)
    entry_forms = select(_ENTRY_FORMS, root)
    for el in list(root.iter(*_DROP_TAGS)):
        remove(el)
    body = root.find("body")
    if body is None:
        body = root
    _drop_noscript(body)
    doomed: list[etree._Element] = list(root.iter(*_FURNITURE_TAGS))
    by_attribute: list[etree._Element] = []
    for el in marked:
        style = el.get("style")
        if (
            (by_name and el.get("class") and _furniture(el.get("class", "")))
            or (by_name and el.get("id") and _furniture(el.get("id", "")))
            or el.get("hidden") is not None
            or el.get("aria-hidden") == "true"
            or el.get("role") in _FURNITURE_ROLES
            or (style and _HIDDEN_STYLE.search(style))
        ):
            by_attribute.append(el)
    if by_name:
        by_attribute.extend(el for el in select(_ID_ONLY, root) if _furniture(el.get("id", "")))
    prose = _Prose(body)
    if by_attribute:
        page = text_length(body)
        doomed.extend(
            el for el in by_attribute if not holds_the_page(el, page) and not prose.held_by(el)
        )
    if entry_forms:
        page = text_length(body)
        doomed.extend(
            f for f in entry_forms if not holds_the_page(f, page) and not prose.held_by(f)
        )
    doomed.extend(
        notice
        for notice in consent_notices(root)
        if not holds_main(notice) and not any(True for _ in notice.iterancestors(*_MAIN_TAGS))
    )
    doomed.extend(
        img
        for img in root.iter("img")
        if img.get("width") in ("0", "1") or img.get("height") in ("0", "1")
    )
    doomed.extend(sup for sup in root.iter("sup") if _citation_needed(sup))
    for el in doomed:
        if el.tag not in ("html", "body", "article", "main"):
            remove(el)


def holds_the_page(el: etree._Element, page: int) -> bool:
    """True for a layout wrapper named like furniture ("has-sidebar", "one-sidebar") that
    holds the main content: most of the page's text (not links), or the element marked as the
    main one."""
    if el.tag in ("html", "body"):
        return True
    if _NEVER_THE_PAGE.search(f"{el.get('class', '')} {el.get('id', '')}"):
        return False
    if holds_main(el):
        return True
    # Most of the text, and mostly not links: a navigation box holding a short page is no wrapper.
    return text_length(el) > _CORE_SHARE * page and _link_share(el) < 0.5


class _Prose:
    """The page's running prose (paragraphs of a sentence or more, mostly not links), measured
    once and only when asked: a box named like furniture that holds most of it is the article's
    wrapper ("toc-content", "one-sidebar", "main-modal-content"), not furniture."""

    def __init__(self, body: etree._Element) -> None:
        self.body = body
        self.total: int | None = None

    def held_by(self, el: etree._Element) -> bool:
        """True when ``el`` holds more than half the page's prose and its name is one a
        layout wrapper can carry (never comments, dialogs, banners or related lists)."""
        if el.get("role") in _FURNITURE_ROLES or el.get("hidden") is not None:
            return False
        if _NEVER_THE_PAGE.search(f"{el.get('class', '')} {el.get('id', '')}"):
            return False
        if self.total is None:
            self.total = prose_length(self.body)
        if self.total < _PROSE_MIN:
            return False
        share = _CORE_SHARE * self.total
        # Prose is part of the text: a box with too little text is settled without counting.
        return text_length(el) > share and prose_length(el) > share


_PROSE_MIN = 200
"""Below this much prose a page has no article for a wrapper to hold."""
_PROSE_PARAGRAPH = 40
_PROSE_LINKS = 0.3


def prose_length(el: etree._Element) -> int:
    """Characters of running prose under ``el``: paragraphs of some length, mostly not links."""
    total = 0
    for p in el.iter("p"):
        length = text_length(p)
        if length >= _PROSE_PARAGRAPH and link_density(p) < _PROSE_LINKS:
            total += length
    return total


def holds_main(el: etree._Element) -> bool:
    """True when the element holds the one the page marks as its main content."""
    return bool(_MAIN_CONTENT(el))


def _drop_noscript(body: etree._Element) -> None:
    """Drop ``<noscript>`` fallbacks, unless the page keeps its text in them (a page built by
    script whose saved copy has only the fallback): then their content is the page."""
    fallbacks = list(body.iter("noscript"))
    if not fallbacks:
        return
    # A fallback parsed as raw text (markup kept as characters) is never the page.
    parsed = [el for el in fallbacks if len(el) and not _has_ancestor(el, "noscript")]
    inside = sum(text_length(el) for el in parsed)
    outside = text_length(body) - sum(text_length(el) for el in fallbacks)
    keep = parsed if inside > outside else []
    for el in keep:
        el.tag = "div"
    for el in fallbacks:
        if el.tag == "noscript":
            remove(el)
    for el in list(body.getroottree().getroot().iter("noscript")):  # any left in the head
        remove(el)


def _has_ancestor(el: etree._Element, tag: str) -> bool:
    return any(True for _ in el.iterancestors(tag))


_RELATED_WORD = re.compile(r"(?:^|[-_])(?:[Rr]elated|RELATED)(?:$|[-_A-Z0-9])")
""""related" as a word of a BEM or camel-case name: "Chapter__RelatedDls", "relatedPost"."""


@functools.lru_cache(maxsize=8192)
def _furniture(cls: str) -> bool:
    return any(
        _FURNITURE_CLASS.match(token) or _RELATED_WORD.search(token) for token in cls.split()
    )


def _citation_needed(sup: etree._Element) -> bool:
    text = text_content(sup)
    return len(text) < 40 and bool(_CITATION_NEEDED.fullmatch(text.strip()))


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
    for el in list(article.iter("div", "span")):
        # A stray label outside any paragraph, heading or list ("Community", "20:37", "News"):
        # interface text, not a sentence of the article.
        if el.getparent() is None or len(el) or el.find(".//archivist-fn") is not None:
            continue
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
        if el.getparent() is None or el.find(".//archivist-fn") is not None:
            continue
        text = " ".join(text_content(el).split())
        if not text:
            continue
        if len(text) <= _READ_ALSO_MAX and _reads_also(el, text):
            after = el.getnext()
            if el.tag in _HEADINGS and after is not None and _link_share(after) > 0.5:
                remove(after)  # the list of other articles under a "More on this" heading
            remove(el)
        elif (
            (len(text) <= 40 and _AD_LABEL.match(text))
            or (len(text) <= _CREDIT_MAX and _CREDIT.match(text))
            or (_is_caption(el) and len(text) <= _CAPTION_MAX and _CAPTION_CREDIT.search(text))
            or (len(text) <= _META_MAX and (_META_LINE.match(text) or _FOLLOW.match(text)))
            or (len(text) <= _TRIGGER_MAX and is_trigger(text) and not _SEE_ALSO.match(text))
            or (len(text) <= _TRIGGER_MAX and _AWAY.match(text))
            or (len(text) <= _DATE_ONLY_MAX and _only_dates(el, text))
            or (el.tag in ("p", "div") and len(text) <= _TRIGGER_MAX and _lone_link(el, text))
        ):
            remove(el)


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
    return match.group().rstrip()[-1:] in ":!?" or _link_share(el) > 0.5


def _sentence_around(el: etree._Element) -> bool:
    """True when the element sits in running text: text right before or after it."""
    parent = el.getparent()
    before = el.getprevious()
    lead = (before.tail if before is not None else parent.text if parent is not None else "") or ""
    return bool(lead.strip() or (el.tail or "").strip())


def _link_share(el: etree._Element) -> float:
    """The share of an element's text that sits inside links."""
    total = text_length(el)
    if not total:
        return 0.0
    return sum(text_length(a) for a in el.iter("a")) / total
