"""W3C Web Annotation JSON-LD: export annotated articles as an AnnotationCollection, read back."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from archivist.annotate.selectors import TextPositionSelector, TextQuoteSelector
from archivist.errors import ArchivistError
from archivist.model import Article, Highlight, Note

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
NAMESPACE = "urn:archivist:ns:"
FOOTNOTE_CONFORMS_TO = NAMESPACE + "footnote"
"""``conformsTo`` of the FragmentSelector naming a footnote by label (``value`` is the label)."""
CONTEXT: list[Any] = [
    ANNO_CONTEXT,
    {
        "archivist": NAMESPACE,
        "color": "archivist:color",
        "colorMeaning": "archivist:colorMeaning",
        "orphaned": "archivist:orphaned",
        "sha256": "archivist:sha256",
        "articleId": "archivist:articleId",
        "url": {"@id": "archivist:url", "@type": "@id"},
    },
]


class AnnotationFormatError(ArchivistError):
    """A file that is not a W3C Web Annotation document Archivist can read."""


@dataclass(frozen=True, slots=True)
class ParsedAnnotation:
    """One annotation read from JSON-LD, before it is matched to an archived article."""

    sha256: str | None
    url: str | None
    position: TextPositionSelector | None = None
    quote: TextQuoteSelector | None = None
    footnote: str | None = None
    color: str | None = None
    notes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    orphaned: bool = False

    @property
    def is_highlight(self) -> bool:
        """True when the annotation targets a quoted passage."""
        return self.quote is not None


def collection(articles: Iterable[Article], meanings: Mapping[str, str]) -> dict[str, Any]:
    """An AnnotationCollection of every highlight, note and tag of these annotated articles."""
    items: list[dict[str, Any]] = []
    for article in articles:
        items.extend(article_annotations(article, meanings))
    digest = hashlib.sha256("\n".join(item["id"] for item in items).encode()).hexdigest()
    return {
        "@context": CONTEXT,
        "id": f"urn:archivist:collection:{digest[:32]}",
        "type": "AnnotationCollection",
        "label": "Archivist annotations",
        "total": len(items),
        "first": {
            "id": f"urn:archivist:collection:{digest[:32]}:page:0",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }


def article_annotations(article: Article, meanings: Mapping[str, str]) -> list[dict[str, Any]]:
    """The annotations of one article (as returned by ``archive.annotations.document``)."""
    source = _source(article)
    base = f"urn:archivist:{source['sha256'] or article.id}"
    items = [_highlight(h, source, base, meanings) for h in article.highlights]
    for footnote in article.footnotes:
        for note in footnote.notes:
            items.append(_note_annotation(note, _footnote_target(source, footnote.label), base))
    for note in article.notes:
        # A note on a footnote that a re-extraction no longer finds keeps its footnote target.
        label = note.footnote_label
        target = source if label is None else _footnote_target(source, label)
        items.append(_note_annotation(note, target, base))
    if article.tags:
        items.append(
            {
                "id": f"{base}:tags",
                "type": "Annotation",
                "motivation": "tagging",
                "body": [_tag_body(t) for t in article.tags],
                "target": source,
            }
        )
    return items


def parse(data: object) -> list[ParsedAnnotation]:
    """The annotations of a JSON-LD value: a collection, a page, one annotation or a list."""
    raw = _annotation_list(data)
    return [_parse_one(item, i) for i, item in enumerate(raw)]


def _source(article: Article) -> dict[str, Any]:
    sha = article.source.sha256 if article.source is not None else None
    source: dict[str, Any] = {
        "id": f"urn:sha256:{sha}" if sha else f"urn:archivist:article:{article.id}",
        "type": "Text",
        "title": article.title,
    }
    if sha:
        source["sha256"] = sha
    if article.id is not None:
        source["articleId"] = article.id
    if article.url:
        source["url"] = article.url
    return source


def _highlight(
    highlight: Highlight, source: dict[str, Any], base: str, meanings: Mapping[str, str]
) -> dict[str, Any]:
    body: list[dict[str, Any]] = [_note_body(n) for n in highlight.notes]
    body.extend(_tag_body(t) for t in highlight.tags)
    annotation: dict[str, Any] = {
        "id": f"{base}:highlight:{highlight.id}",
        "type": "Annotation",
        "motivation": "highlighting",
        **_dates(highlight.created, highlight.edited),
        "color": highlight.color,
        "colorMeaning": meanings.get(highlight.color, ""),
    }
    if highlight.orphaned:
        annotation["orphaned"] = True
    if body:
        annotation["body"] = body
    annotation["target"] = {
        "type": "SpecificResource",
        "source": source,
        "selector": [
            {"type": "TextPositionSelector", "start": highlight.start, "end": highlight.end},
            {
                "type": "TextQuoteSelector",
                "exact": highlight.exact,
                "prefix": highlight.prefix,
                "suffix": highlight.suffix,
            },
        ],
    }
    return annotation


def _footnote_target(source: dict[str, Any], label: str) -> dict[str, Any]:
    return {
        "type": "SpecificResource",
        "source": source,
        "selector": {
            "type": "FragmentSelector",
            "conformsTo": FOOTNOTE_CONFORMS_TO,
            "value": label,
        },
    }


def _note_annotation(note: Note, target: Any, base: str) -> dict[str, Any]:
    return {
        "id": f"{base}:note:{note.id}",
        "type": "Annotation",
        "motivation": "commenting",
        **_dates(note.created, note.edited),
        "body": _note_body(note),
        "target": target,
    }


def _note_body(note: Note) -> dict[str, Any]:
    return {
        "type": "TextualBody",
        "purpose": "commenting",
        "value": note.text,
        "format": "text/markdown",
        **_dates(note.created, note.edited),
    }


def _dates(created: str | None, modified: str | None) -> dict[str, str]:
    """``created``/``modified`` where known (the model wants xsd:dateTime, never null)."""
    return {k: v for k, v in (("created", created), ("modified", modified)) if v is not None}


def _tag_body(tag: str) -> dict[str, Any]:
    return {"type": "TextualBody", "purpose": "tagging", "value": tag}


def _annotation_list(data: object) -> list[object]:
    if isinstance(data, list):
        return list(data)
    if not isinstance(data, dict):
        raise AnnotationFormatError("not a W3C Web Annotation document (expected a JSON object)")
    kind = data.get("type")
    if kind == "Annotation":
        return [data]
    if kind == "AnnotationPage":
        return _items(data)
    if kind == "AnnotationCollection":
        first = data.get("first")
        if isinstance(first, dict):
            return _items(first)
        if isinstance(data.get("items"), list):
            return _items(data)
        if data.get("total", 0) == 0:
            return []
        raise AnnotationFormatError("the AnnotationCollection has no embedded first page")
    raise AnnotationFormatError(f"not a W3C Web Annotation document (type {kind!r})")


def _items(page: Mapping[str, Any]) -> list[object]:
    items = page.get("items", [])
    if not isinstance(items, list):
        raise AnnotationFormatError("the AnnotationPage's items are not a list")
    return items


def _parse_one(item: object, index: int) -> ParsedAnnotation:
    where = f"annotation {index + 1}"
    if not isinstance(item, dict) or item.get("type") != "Annotation":
        raise AnnotationFormatError(f"{where} is not an Annotation")
    target = item.get("target")
    if isinstance(target, list):
        target = target[0] if target else None
    if target is None:
        raise AnnotationFormatError(f"{where} has no target")
    if isinstance(target, dict) and target.get("type") == "SpecificResource":
        source, selectors = target.get("source"), _as_list(target.get("selector"))
    else:
        source, selectors = target, []
    sha256, url = _source_keys(source)
    if sha256 is None and url is None:
        raise AnnotationFormatError(f"{where}: its target names no SHA-256 or URL")
    position = quote = footnote = None
    for sel in selectors:
        if not isinstance(sel, dict):
            continue
        if sel.get("type") == "TextPositionSelector":
            position = TextPositionSelector(int(sel["start"]), int(sel["end"]))
        elif sel.get("type") == "TextQuoteSelector":
            quote = TextQuoteSelector(
                str(sel["exact"]), str(sel.get("prefix", "")), str(sel.get("suffix", ""))
            )
        elif sel.get("type") == "FragmentSelector" and sel.get("conformsTo") == (
            FOOTNOTE_CONFORMS_TO
        ):
            footnote = str(sel["value"])
    notes: list[str] = []
    tags: list[str] = []
    for body in _as_list(item.get("body")):
        if isinstance(body, dict) and isinstance(body.get("value"), str):
            (tags if body.get("purpose") == "tagging" else notes).append(body["value"])
    color = item.get("color")
    return ParsedAnnotation(
        sha256=sha256,
        url=url,
        position=position,
        quote=quote,
        footnote=footnote,
        color=color if isinstance(color, str) else None,
        notes=tuple(notes),
        tags=tuple(tags),
        orphaned=bool(item.get("orphaned", False)),
    )


def _source_keys(source: object) -> tuple[str | None, str | None]:
    if isinstance(source, str):
        if source.startswith("urn:sha256:"):
            return source.removeprefix("urn:sha256:"), None
        return None, source
    if not isinstance(source, dict):
        return None, None
    sha = source.get("sha256")
    ident = source.get("id")
    if not sha and isinstance(ident, str) and ident.startswith("urn:sha256:"):
        sha = ident.removeprefix("urn:sha256:")
    url = source.get("url")
    if url is None and isinstance(ident, str) and ident.startswith(("http://", "https://")):
        url = ident
    return (sha if isinstance(sha, str) and sha else None), (url if isinstance(url, str) else None)


def _as_list(value: object) -> Sequence[object]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
