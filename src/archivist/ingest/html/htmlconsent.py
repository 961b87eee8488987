"""Find cookie and consent notices by what they say, whatever the consent vendor names them."""

from __future__ import annotations

import re

from lxml import etree

from archivist.ingest.html.htmldom import select, text_content, text_length

# "ookie" finds Cookie, cookie and Cookies without translating every text of the page.
_COOKIE_TEXT = etree.XPath("//body//text()[contains(., 'ookie') or contains(., 'OOKIE')]")
# Words a consent notice uses beside "cookie", in the languages the importer meets, matched
# against case-folded text (an insensitive match of so many words is several times slower).
# A recipe for cookies or an article about tracking uses one now and then, a notice several.
_CONSENT_WORDS = re.compile(
    r"consent|accept|agree|privacy|partners?\b|third[- ]part|personali[sz]|opt[- ]out"
    r"|preferences|tracking|datenschutz|einwillig|akzeptier|zustimm|einverstanden|partnern?\b"
    r"|consentement|accepter|confidentialit|partenaires|consentimiento|aceptar|privacidad"
    r"|socios|consenso|accett|privacy|zgod|akceptuj|prywatno|partnerzy|toestemming|accepteer"
    r"|settings|einstellungen|paramètres|configuración|impostazioni|ustawienia|instellingen"
    r"|allow|erlauben|zulassen|autoriser|permitir|consentir|رضایت|پذیرش|حریم خصوصی|موافقة"
    r"|الخصوصية",
)
_MIN_WORDS = 3
"""Distinct consent words a block must use beside "cookie" to be a notice."""
NOTICE_MAX = 3000
"""A consent notice is short; a block longer than this is a page that mentions cookies."""
_CLIMB_TAGS = frozenset({"div", "section", "aside", "form", "dialog", "p", "span", "ul", "table"})
_NEVER = frozenset({"html", "body", "main", "article"})


def may_mention_cookies(root: etree._Element) -> bool:
    """False when no text of ``root``'s document says "cookie": most pages never do, and the
    document's text built in one piece tells that sooner than ``_COOKIE_TEXT`` testing every
    text node. True may be wrong (a word split across two nodes), False never is."""
    whole = text_content(root.getroottree().getroot())
    return "ookie" in whole or "OOKIE" in whole


def consent_notices(root: etree._Element) -> list[etree._Element]:
    """The outermost blocks of the page that are cookie or consent notices: a few thousand
    characters at most that speak of cookies with several words of consent (accept, privacy,
    partners, preferences, ...) and hold a control to answer them ("Accept all", "OK"). Each
    is the largest such block round a mention of cookies."""
    found: list[etree._Element] = []
    if not may_mention_cookies(root):
        return found
    seen: dict[etree._Element, int] = {}  # each block climbed through, with its text length
    for parent in _mentions(root):
        if parent in seen:
            continue
        notice = _notice_around(parent, seen)
        if (
            notice is not None
            and notice not in found
            and not any(a in found for a in notice.iterancestors())
        ):
            found = [el for el in found if notice not in el.iterancestors()]
            found.append(notice)
    return found


def _mentions(root: etree._Element) -> list[etree._Element]:
    """The holders of the body's texts that say "cookie": the element whose text it is, or
    the one it is the tail of (as lxml's text results name them). One walk over the body's
    elements, in page order by element (which the notices found do not depend on): the path
    search tested every text node of the page. A page of several bodies takes the path."""
    bodies = list(root.getroottree().getroot().iter("body"))
    if len(bodies) != 1:
        found = []
        for text in _COOKIE_TEXT(root):  # type: ignore[union-attr]
            parent = text.getparent() if isinstance(text, etree._ElementUnicodeResult) else None
            if parent is not None:
                found.append(parent)
        return found
    body = bodies[0]
    mentions = []
    for el in body.iter():
        text, tail = el.text, el.tail
        if text and ("ookie" in text or "OOKIE" in text):
            mentions.append(el)
        if tail and el is not body and ("ookie" in tail or "OOKIE" in tail):
            mentions.append(el)
    return mentions


def _notice_around(el: etree._Element, seen: dict[etree._Element, int]) -> etree._Element | None:
    """The outermost block round ``el`` still short enough to be a notice, if it reads as one."""
    best: etree._Element | None = None
    node: etree._Element | None = el
    while node is not None and node.tag not in _NEVER:
        length = seen.get(node)
        if length is None:  # blocks round several mentions are measured once
            length = seen[node] = text_length(node)
        if length > NOTICE_MAX:
            break
        if node.tag in _CLIMB_TAGS:
            best = node
        node = node.getparent()
    if best is None:
        return None
    if not any(_is_answer(c) for c in select(_CONTROLS, best)):
        return None  # checked first: most mentions of cookies have no control to answer them
    return best if _consent_words(text_content(best)) >= _MIN_WORDS else None


def _consent_words(text: str) -> int:
    """How many distinct consent words ``text`` uses."""
    return len({m.group() for m in _CONSENT_WORDS.finditer(text.casefold())})


def _is_answer(control: etree._Element) -> bool:
    """A control that answers the notice ("Accept all", "OK", "Einstellungen"): short, and
    a word of consent or an OK. An article about privacy has no such button."""
    label = " ".join(text_content(control).split()) or control.get("value", "")
    return 0 < len(label) <= _ANSWER_MAX and bool(
        _CONSENT_WORDS.search(label.casefold()) or _OK.fullmatch(label)
    )


_CONTROLS = etree.XPath(".//a | .//button | .//*[@role='button' or @onclick]")
_ANSWER_MAX = 40
_OK = re.compile(
    r"\W*(?:ok(?:ay)?|got it|verstanden|alles klar|d'accord|entendido|rozumiem)\W*", re.I
)


def reads_as_consent(text: str) -> bool:
    """True for an extracted text that is a consent notice and nothing more: short, speaking
    of cookies with several words of consent, or very short and saying "we use cookies"."""
    if len(text) > NOTICE_MAX or "cookie" not in (folded := text.casefold()):
        return False
    if len(text) <= _SAYING_MAX and _WE_USE_COOKIES.search(folded):
        return True
    return _consent_words(text) >= _MIN_WORDS


_WE_USE_COOKIES = re.compile(
    r"\b(?:we use|we are using|this (?:web)?site uses|wir verwenden|wir nutzen|wir setzen"
    r"|(?:diese|unsere) (?:webseite|website|seite) (?:verwendet|nutzt)|nous utilisons"
    r"|ce site utilise|utilizamos|usamos|utilizziamo|używamy|wij gebruiken|we gebruiken)"
    r"\W+(?:\w+\W+){0,3}?cookies\b"
)
_SAYING_MAX = 600
"""An extracted text this short that says the site uses cookies is the notice itself."""
