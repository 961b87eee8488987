"""Recognise a saved page's site furniture in plain text: share, subscribe, related posts."""

from __future__ import annotations

import re

from archivist.ingest.text.textmeta import fold_arabic

_MAX_FURNITURE_LINE = 200

# Whole lines that a site adds around every article. Each also marks the start of the trailing
# furniture area, where the short lines that follow (related-post titles) are furniture too.
_TRIGGER = re.compile(
    fold_arabic(
        r"^(?:you (?:may|might) also (?:like|enjoy)|more (?:from|in|on) .{1,60}|see also"
        r"|related(?: posts?| articles?| stories| reading| content)?|recommended(?: for you)?"
        r"|popular posts|most read|trending"
        r"|leave a (?:comment|reply)|post a comment|add a comment"
        r"|\d+ (?:comments?|responses?|replies)"
        r"|comments?(?: \(\d+\))?|comments are closed\.?|join the (?:conversation|discussion)"
        r"|share(?: this)?(?: (?:article|post|story|page))?|share (?:on|via) .{1,30}"
        r"|(?:tweet|pin it|like this|like|whatsapp|telegram|linkedin|reddit|facebook|twitter)"
        r"|click to (?:share|print|email).{0,40}"
        r"|subscribe(?: .{1,80})?|sign up for .{1,80}|newsletter|follow us(?: on .{1,40})?"
        r"|tags?\s*:.*|tagged\s*:?.*|filed under\b.*|categor(?:y|ies)\s*:.*|posted in\b.{1,80}"
        r"|previous(?: post| article| story)?|next(?: post| article| story)?"
        r"|(?:«|‹|<|←)\s*previous.*|next\s*(?:»|›|>|→).*|previous post:.*|next post:.*"
        r"|read more|continue reading.{0,80}|print(?: this)?(?: (?:article|page|post))?"
        r"|email(?: this)?(?: (?:article|page|post))?|back to top|top"
        r"|your email address will not be published\..*|required fields are marked.*"
        r"|save my name, email.*|post comment|name \*|email \*|website|cancel reply"
        r"|loading(?:\.\.\.|…)?|report an error|about the author"
        r"|مطالب مرتبط|مطالب مشابه|نوشته‌های مرتبط|نوشته های مرتبط|اشتراک‌گذاری|اشتراک گذاری"
        r"|ارسال نظر|نظرات|دیدگاه‌ها|دیدگاه ها|برچسب‌ها\s*:.*|برچسب ها\s*:.*|برچسب\s*:.*"
        r"|مقالات ذات صلة|اقرأ أيضا|اقرأ أيضاً|شارك|مشاركة|التعليقات|أضف تعليق|الوسوم\s*:.*)"
        r"\s*[:.…]?$"
    ),
    re.I,
)
_ARROWS = "«‹<←"
_ADVERT = re.compile(
    r"^(?:advertisements?|advert|sponsored(?: content)?|ad|تبلیغات|آگهی|إعلان|اعلان)$", re.I
)
_ELLIPSIS_END = ("…", "...", "[…]", "[...]", "read more", "continue reading")


def is_trigger(line: str) -> bool:
    """True for a line of site furniture: share, subscribe, related, comments, tags..."""
    # Every trigger starts with a letter, a digit or an arrow: a reference line ("[3] ...")
    # need not try the forty alternatives.
    return (
        len(line) <= _MAX_FURNITURE_LINE
        and (line[:1].isalnum() or line[:1] in _ARROWS)
        and _TRIGGER.match(fold_arabic(line)) is not None
    )


def is_advert(line: str) -> bool:
    """True for an ``Advertisement`` placeholder line, removed wherever it appears."""
    return len(line) <= 40 and _ADVERT.match(fold_arabic(line)) is not None


def is_title_like(line: str) -> bool:
    """True for a short line without final punctuation, such as a related post's title."""
    if len(line) > 160 or len(line.split()) > 20:
        return False
    if line.lower().endswith(_ELLIPSIS_END):
        return True
    return line[-1] not in ".;,:!"
