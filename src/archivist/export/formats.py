"""The dossier's references as CSL-JSON, BibTeX and RIS (importable by Zotero), and Markdown."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from archivist.annotate.markdown import article_markdown
from archivist.export.bibliography import Reference
from archivist.export.citedates import read_date, year_text
from archivist.export.citenames import family_names, real_names
from archivist.export.citeparts import Entry
from archivist.model import Article, ArticleId

_BIBTEX_TYPES = {
    "article-journal": "article",
    "article-newspaper": "article",
    "article-magazine": "article",
    "book": "book",
    "chapter": "incollection",
    "report": "techreport",
    "thesis": "phdthesis",
}
_RIS_TYPES = {
    "article-journal": "JOUR",
    "article-newspaper": "NEWS",
    "article-magazine": "MGZN",
    "book": "BOOK",
    "chapter": "CHAP",
    "report": "RPRT",
    "webpage": "ELEC",
    "post-weblog": "BLOG",
}


def csl_json(references: Sequence[Reference]) -> str:
    """The references as a CSL-JSON array, each with a stable id."""
    items = [{"id": _cite_key(r, n), **dict(r.csl)} for n, r in enumerate(references, 1)]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _cite_key(ref: Reference, n: int) -> str:
    names = family_names(ref.csl.get("author") or ())
    who = re.sub(r"\W+", "", names[0].lower(), flags=re.ASCII) if names else "anon"
    year = read_date(ref.csl.get("issued")).year
    return f"{who or 'ref'}{year if year is not None else ''}-{n}"


_LATEX = {"~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _bibtex_escape(text: object) -> str:
    """A field as BibTeX text: LaTeX's special characters escaped, spaces collapsed."""
    escaped = re.sub(r"([{}\\&%$#_])", r"\\\1", " ".join(str(text).split()))
    return re.sub(r"[~^]", lambda m: _LATEX[m.group()], escaped)


def _bibtex_name(name: Mapping[str, Any]) -> str:
    if "literal" in name:
        return "{" + _bibtex_escape(name["literal"]) + "}"
    return _bibtex_escape(f"{name.get('family', '')}, {name.get('given', '')}".strip(", "))


def bibtex(references: Sequence[Reference]) -> str:
    """The references as BibTeX entries (biblatex field names where BibTeX has none)."""
    out = []
    for n, ref in enumerate(references, 1):
        item = ref.csl
        kind = str(item.get("type", ""))
        entry = _BIBTEX_TYPES.get(kind, "misc")
        fields: list[tuple[str, str]] = []
        authors, _ = real_names(item.get("author"))
        if authors:
            fields.append(("author", " and ".join(_bibtex_name(a) for a in authors)))
        for csl_name, bib_name in (
            ("title", "title"),
            ("container-title", "booktitle" if entry == "incollection" else "journal"),
            ("publisher", "institution" if entry == "techreport" else "publisher"),
            ("publisher-place", "address"),
            ("volume", "volume"),
            ("issue", "number"),
            ("page", "pages"),
            ("DOI", "doi"),
            ("URL", "url"),
        ):
            if item.get(csl_name):
                value = (
                    str(item[csl_name]).replace("–", "--") if csl_name == "page" else item[csl_name]
                )
                fields.append((bib_name, "{" + _bibtex_escape(value) + "}"))
        when = read_date(item.get("issued"))
        year, month, day = when.year, when.month, when.day
        if year is not None or when.literal:
            fields.append(("year", "{" + _bibtex_escape(year_text(when) or "") + "}"))
        if month:
            fields.append(("month", str(month)))
        if year and year > 0 and month:
            fields.append(("date", f"{{{year:04d}-{month:02d}" + (f"-{day:02d}}}" if day else "}")))
        body = ",\n".join(f"  {k} = {v}" for k, v in fields)
        out.append(f"@{entry}{{{_cite_key(ref, n)},\n{body}\n}}\n")
    return "\n".join(out)


def ris(references: Sequence[Reference]) -> str:
    """The references as RIS records."""
    out = []
    for ref in references:
        item = ref.csl
        lines = [f"TY  - {_RIS_TYPES.get(str(item.get('type', '')), 'GEN')}"]
        for name in real_names(item.get("author"))[0]:
            value = name.get("literal") or f"{name.get('family', '')}, {name.get('given', '')}"
            lines.append(f"AU  - {_line(value).strip(', ')}")
        for csl_name, tag in (
            ("title", "TI"),
            ("container-title", "T2"),
            ("publisher", "PB"),
            ("publisher-place", "CY"),
            ("volume", "VL"),
            ("issue", "IS"),
            ("DOI", "DO"),
            ("URL", "UR"),
        ):
            if item.get(csl_name):
                lines.append(f"{tag}  - {_line(item[csl_name])}")
        page = str(item.get("page") or "")
        span = re.fullmatch(r"\s*(\S+?)\s*[-–]\s*(\S+)\s*", page)
        if span:
            lines += [f"SP  - {span.group(1)}", f"EP  - {span.group(2)}"]
        elif page:
            lines.append(f"SP  - {_line(page)}")
        when = read_date(item.get("issued"))
        if when.year is not None:
            lines.append(f"PY  - {when.year}")
            da = f"DA  - {when.year}/{when.month or 0:02d}/{when.day or 0:02d}/"
            lines.append(da.replace("/00", "/"))
        elif when.literal:
            lines.append(f"PY  - {_line(when.literal)}")
        lines.append("ER  - ")
        out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def _line(value: object) -> str:
    return " ".join(str(value).split())


def dossier_markdown(
    title: str,
    articles: Sequence[Article],
    bibliography: Sequence[Entry],
    meanings: Mapping[str, str],
    *,
    subtitle: str | None = None,
    compiler: str | None = None,
    introduction: str | None = None,
    notes: Mapping[tuple[ArticleId | None, str], Entry] | None = None,
) -> str:
    """The dossier as one Markdown document: articles with annotations, then the bibliography.

    ``notes`` are the footnotes in the citation style (by article id and label), when the
    dossier asks for them; otherwise footnotes read as their source wrote them.
    """
    styled = notes or {}
    lines = [f"# {title}", ""]
    if subtitle:
        lines += [f"*{subtitle}*", ""]
    if compiler:
        lines += [f"Compiled by {compiler}", ""]
    if introduction:
        lines += [introduction.strip(), ""]
    for article in articles:
        texts = {
            label: note.markdown() for (aid, label), note in styled.items() if aid == article.id
        }
        body = article_markdown(article, meanings, texts)
        lines += ["#" + body.replace("\n## ", "\n### "), ""]
    lines += ["## Bibliography", ""]
    lines += [f"- {entry.markdown()}" for entry in bibliography]
    return "\n".join(lines) + "\n"
