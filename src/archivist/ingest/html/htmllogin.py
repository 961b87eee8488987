"""Find sign-in and registration boxes by their password fields, whatever the site names them."""

from __future__ import annotations

from lxml import etree

from archivist.ingest.html.htmldom import text_length

_WRAPPER_TEXT = 100
"""Characters a wrapper round the box may add and still be the box's own (a dialog's
close button and heading), not the page round it."""


def login_box(root: etree._Element) -> etree._Element | None:
    """The box holding the page's sign-in, registration and new-password forms: the nearest
    container of its password fields, when they sit in two forms or more, widened to the
    wrappers round it that add little text (the dialog it opens in). The messages the box
    shows on the way ("Your registration was successful") sit beside the forms in it, so
    the forms alone do not take it away. None on a page with one password form or none:
    a single sign-in form goes with the other entry forms."""
    # A walk by tag: an XPath testing the type took half as long again.
    fields = [f for f in root.iter("input") if (f.get("type") or "").lower() == "password"]
    if len({next(f.iterancestors("form"), None) for f in fields}) < 2:
        return None
    shared = set(fields[0].iterancestors())
    for field in fields[1:]:
        shared &= set(field.iterancestors())
    box = next((a for a in fields[0].iterancestors() if a in shared), None)
    if box is None or box.tag in ("body", "html"):
        return None
    size = text_length(box)
    while (parent := box.getparent()) is not None and parent.tag not in ("body", "html"):
        if text_length(parent) > size + _WRAPPER_TEXT:
            break
        box = parent
    return box
