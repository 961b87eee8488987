"""The MUSTs of the W3C Web Annotation Data Model that Archivist's export touches."""

from __future__ import annotations

import re
from typing import Any

MOTIVATIONS = {
    "assessing", "bookmarking", "classifying", "commenting", "describing", "editing",
    "highlighting", "identifying", "linking", "moderating", "questioning", "replying",
    "tagging",
}  # fmt: skip
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


def problems(doc: dict[str, Any]) -> list[str]:
    """Every way ``doc`` (an AnnotationCollection) breaks the model; empty when it is valid."""
    found: list[str] = []
    context = doc.get("@context")
    contexts = context if isinstance(context, list) else [context]
    if "http://www.w3.org/ns/anno.jsonld" not in contexts:
        found.append("@context lacks the anno.jsonld context")
    if doc.get("type") != "AnnotationCollection" or not IRI.match(str(doc.get("id", ""))):
        found.append("the collection needs an IRI id and type AnnotationCollection")
    page = doc.get("first", {})
    if page.get("type") != "AnnotationPage" or not IRI.match(str(page.get("id", ""))):
        found.append("the first page needs an IRI id and type AnnotationPage")
    items = page.get("items")
    if not isinstance(items, list) or doc.get("total") != len(items):
        found.append("total must count the page's items")
        return found
    for n, item in enumerate(items):
        found += [f"annotation {n}: {p}" for p in _annotation(item)]
    return found


def _annotation(item: dict[str, Any]) -> list[str]:
    found = []
    if item.get("type") != "Annotation" or not IRI.match(str(item.get("id", ""))):
        found.append("needs an IRI id and type Annotation")
    if item.get("motivation") not in MOTIVATIONS:
        found.append(f"unknown motivation {item.get('motivation')!r}")
    for key in ("created", "modified"):
        if key in item and not DATETIME.match(str(item[key])):
            found.append(f"{key} is not an xsd:dateTime")
    bodies = item.get("body", [])
    for body in bodies if isinstance(bodies, list) else [bodies]:
        if body.get("type") != "TextualBody" or not isinstance(body.get("value"), str):
            found.append("a TextualBody needs a string value")
        if body.get("purpose", "commenting") not in MOTIVATIONS:
            found.append("a body purpose must be a motivation")
    target = item.get("target")
    if not target:
        found.append("needs a target")
    elif target.get("type") == "SpecificResource":
        if not IRI.match(str(target.get("source", {}).get("id", ""))):
            found.append("a SpecificResource needs a source with an IRI")
        selectors = target.get("selector", [])
        for sel in selectors if isinstance(selectors, list) else [selectors]:
            found += _selector(sel)
    elif not IRI.match(str(target.get("id", ""))):
        found.append("a target resource needs an IRI")
    return found


def _selector(sel: dict[str, Any]) -> list[str]:
    kind = sel.get("type")
    if kind == "TextQuoteSelector" and isinstance(sel.get("exact"), str):
        return []
    if kind == "TextPositionSelector":
        start, end = sel.get("start"), sel.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start <= end:
            return []
    if kind == "FragmentSelector" and isinstance(sel.get("value"), str):
        return []
    return [f"bad selector {sel!r}"]
