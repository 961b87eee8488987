"""A Markdown save's YAML front matter, read safely into the article's metadata.

The field names are those Obsidian Web Clipper (title, source, author, published, created,
description, tags), MarkDownload (source, author, tags) and pandoc (title, subtitle, author,
date, lang, keywords) write. ``created`` is when the page was clipped, not published, so it is
not the article's date.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from archivist.ingest.metadata.pagemeta import iso_date, split_authors

MAX_FRONT_MATTER = 64 * 1024
"""Front matter longer than this is not read: no save's metadata is that long."""
_MAX_ITEMS = 100
"""Authors or tags past this many in one field are ignored (a hostile list, not a byline)."""
_WIKILINK = re.compile(r"^\[\[(?:[^\]|]*\|)?([^\]]*)\]\]$")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """What the front matter says; None or empty where it says nothing or cannot be read."""

    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None
    tags: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


def read_front_matter(source: str) -> FrontMatter:
    """The metadata in a front matter block (without its ``---`` lines); never raises."""
    if len(source) > MAX_FRONT_MATTER:
        return FrontMatter(
            warnings=(f"the front matter is over {MAX_FRONT_MATTER // 1024} KB and was not read",)
        )
    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        return FrontMatter(
            warnings=(f"the front matter is not valid YAML{where}; its fields were not read",)
        )
    except RecursionError:
        return FrontMatter(warnings=("the front matter nests too deeply; it was not read",))
    if data is None:
        return FrontMatter()
    if not isinstance(data, dict):
        return FrontMatter(
            warnings=("the front matter is not a list of fields (key: value); it was not read",)
        )
    fields = {str(key).strip().lower(): value for key, value in data.items()}
    url = _text(_pick(fields, "source", "url", "link", "canonical_url", "original_url"))
    return FrontMatter(
        title=_text(fields.get("title")),
        subtitle=_text(fields.get("subtitle")),
        authors=_authors(_pick(fields, "author", "authors", "creator", "byline")),
        published=_date(_pick(fields, "published", "date", "date_published", "pubdate")),
        site=_text(_pick(fields, "site", "site_name", "sitename", "publisher")),
        url=url if url and url.startswith(("http://", "https://")) else None,
        language=_language(_pick(fields, "lang", "language")),
        tags=_tags(fields.get("tags"), fields.get("keywords")),
    )


def _pick(fields: dict[str, object], *names: str) -> object:
    for name in names:
        value = fields.get(name)
        if value not in (None, "", []):
            return value
    return None


def _text(value: object) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = " ".join(str(value).split())
        wiki = _WIKILINK.match(text)
        return (wiki.group(1).strip() if wiki else text) or None
    return None


def _items(value: object) -> Iterator[object]:
    if isinstance(value, list | tuple):
        yield from value[:_MAX_ITEMS]
    elif value is not None:
        yield value


def _authors(value: object) -> tuple[str, ...]:
    names: list[str] = []
    for item in _items(value):
        text = _text(item)
        if text is None:
            continue
        for name in split_authors(text) if isinstance(item, str) else [text]:
            if name not in names:
                names.append(name)
    return tuple(names[:_MAX_ITEMS])


_EARLIEST_YEAR = 1800
"""A web article's date before this is another calendar's (a Solar Hijri 1401-05-12), not ours."""


def _date(value: object) -> str | None:
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        iso: str | None = value.isoformat()
    else:
        text = _text(value)
        iso = iso_date(text) if text else None
    return iso if iso is not None and int(iso[:4]) >= _EARLIEST_YEAR else None


def _language(value: object) -> str | None:
    text = _text(value)
    if text is None:
        return None
    code = text.replace("_", "-")
    return code.lower() if _LANGUAGE.fullmatch(code) else None


def _tags(*values: object) -> tuple[str, ...]:
    tags: list[str] = []
    for value in values:
        if isinstance(value, str):  # "a, b c" is two tags; "a b" (Obsidian's style) too
            items: object = value.split(",") if "," in value else value.split()
        else:
            items = value
        for item in _items(items):
            text = _text(item)
            tag = text.lstrip("#").strip() if text else ""
            if tag and tag not in tags and len(tags) < _MAX_ITEMS:
                tags.append(tag)
    return tuple(tags)
