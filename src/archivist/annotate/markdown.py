"""Markdown export of annotated articles: quotes as blockquotes, notes, footnote notes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from archivist.model import Article, Highlight, Note


def collection_markdown(articles: Iterable[Article], meanings: Mapping[str, str]) -> str:
    """One Markdown document for several annotated articles, one section each."""
    return "\n".join(article_markdown(a, meanings) for a in articles)


def article_markdown(
    article: Article,
    meanings: Mapping[str, str],
    footnote_text: Mapping[str, str] | None = None,
) -> str:
    """One annotated article (as returned by ``archive.annotations.document``) as Markdown.

    ``footnote_text`` gives footnotes (by label) in other words than the source's, already
    Markdown: a dossier's notes in its citation style.
    """
    styled = footnote_text or {}
    lines = [f"# {_inline(article.title)}", ""]
    meta = [", ".join(article.authors), article.site or "", article.published or ""]
    if any(meta):
        lines += [" · ".join(_inline(m) for m in meta if m), ""]
    if article.url:
        lines += [f"<{article.url}>", ""]
    if article.tags:
        lines += ["Tags: " + ", ".join(f"`{t}`" for t in article.tags), ""]
    if article.notes:
        lines += ["## Notes", ""]
        for note in article.notes:
            if note.footnote_label is not None:
                lines += [f"*On footnote [{note.footnote_label}] (no longer in the text):*", ""]
            lines += _note(note)
    if article.highlights:
        lines += ["## Highlights", ""]
        for highlight in article.highlights:
            lines += _highlight(highlight, meanings)
    noted = [fn for fn in article.footnotes if fn.notes]
    if noted:
        lines += ["## Footnote notes", ""]
        for footnote in noted:
            text = styled.get(footnote.label) or _inline(footnote.text)
            lines += [f"**[{_inline(footnote.label)}]** {text}", ""]
            for note in footnote.notes:
                lines += _note(note)
    return "\n".join(lines)


def _highlight(highlight: Highlight, meanings: Mapping[str, str]) -> list[str]:
    lines = [_quote_line(line) for line in highlight.exact.strip().splitlines()]
    meaning = meanings.get(highlight.color, "")
    label = f"{highlight.color} — {meaning}" if meaning else highlight.color
    about = [f"*{label}*"]
    if highlight.tags:
        about.append(", ".join(f"`{t}`" for t in highlight.tags))
    if highlight.orphaned:
        about.append("**orphaned**: no longer found in the article's current text")
    lines += ["", " · ".join(about), ""]
    for note in highlight.notes:
        lines += _note(note)
    return lines


def _quote_line(line: str) -> str:
    return "> " + _escape(line) if line.strip() else ">"


def _note(note: Note) -> list[str]:
    body = note.text.strip().splitlines() or [""]
    return ["- " + body[0], *("  " + line if line.strip() else "" for line in body[1:]), ""]


def _inline(text: str) -> str:
    """Text on one line, with characters that would start Markdown structure escaped."""
    return _escape(" ".join(text.split()))


def _escape(text: str) -> str:
    for ch in "\\`*_[]<>#":
        text = text.replace(ch, "\\" + ch)
    return text
