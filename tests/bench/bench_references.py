"""Benchmark: references to CSL-JSON, field by field, on labelled references never trained on.

Run from the project root: ``PYTHONPATH=src .venv/bin/python tests/bench/bench_references.py``.

Data: AnyStyle's hand-labelled references (``../shared/corpora/anystyle-parser``: core, good,
ugly) and Archivist's own (``training/data``). Each reference falls into train, tune or check
by a hash of its text (``archivist.ingest.references.corpus``); the shipped model was trained on
train and tune only (its manifest beside it says so, and this script checks it), and the
figures below are on the check part. ``--part tune`` scores the tune part instead, for work on
features; nothing is ever tuned on the check part.

Every reference is parsed as a footnote by ``parse_reference`` (the importer's one path) and
by the parser Archivist had before the labeller (commit 1070b4d, run from ``git archive`` in a
subprocess), and each is compared with what the hand labels say.

Field definitions (``gold`` comes from the hand-labelled segments; a field counts for a
reference when the gold or the parse has it, and is right when both have it and they agree):

- author list: the family names (literal names for organisations) of the ``author`` segments,
  in order; right when the parse gives the same list (accents, case and punctuation folded;
  "et al." left out on both sides) and no family name it gives is only initials or holds a
  digit. Gold names are read by the same name reader as the parse, so a consistent misreading
  would not show here; the sanity rule and tests/ingest/test_refnames.py catch those.
- title: the first ``title`` segment, folded (case, accents, quotes and punctuation ignored).
- year: the first year in the first ``date`` segment (Gregorian, or a Solar or lunar Hijri
  year in Persian and Arabic); the parse's ``issued`` year.
- container title: the first ``journal`` or ``container-title`` segment without a leading
  "In" / "In:", folded.
- publisher: the first ``publisher`` segment, folded.
- volume: the first number of the first ``volume`` segment, leaving out a year that opens it
  (Vancouver's ``2013;122(2):``) and a number an issue word introduces (``no. 211``: an issue,
  not a volume).
- pages: the first page range or page of the ``pages`` segment as ``first-last`` (a count of
  pages, "189 p.", is the number of pages, not pages; Vancouver's ``128(1):183–269``, labelled
  as one volume segment, holds the pages after its colon), against the parse's ``page`` or,
  for a page it pinpoints in a whole work, its locator.
"""

from __future__ import annotations

import argparse
import collections
import gc
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from archivist.ingest.references import labeller, link_footnotes, parse_reference
from archivist.ingest.references.corpus import (
    ClassedNote,
    Labelled,
    fifth_of,
    read_classed,
    read_labelled,
)
from archivist.ingest.references.names import parse_names
from archivist.model import Footnote
from archivist.text import to_ascii_digits

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "corpora" / "anystyle-parser"
OWN = ROOT / "training" / "data"
OLD_COMMIT = "1070b4d"
FIELDS = ("author", "title", "year", "container", "publisher", "volume", "pages")
GROUPS = {
    "AnyStyle core+good": ("core", "good"),
    "AnyStyle ugly": ("ugly",),
    "AnyStyle all": ("core", "good", "ugly"),
    "Archivist's own": (
        "web-notes",
        "world-notes",
        "persian-notes",
        "arabic-notes",
        "short-notes",
        "humanities-notes",
    ),
}
_WORD = re.compile(r"\w+")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d|1[34]\d\d)(?!\d)")
_NUMBER = re.compile(r"\d+")
_PAGES = re.compile(r"([A-Za-z]?\d+)(?:\s*[-–—‐]+\s*([A-Za-z]?\d+))?")
_IN = re.compile(r"^(?:in|in:|dans|en|im)\s+", re.I)
_PAGE_COUNT = re.compile(r"^\s*\d+\s*(?:pp?|pages|S|Seiten|ص)\.?\s*[,.;]?\s*$", re.I)
_VANCOUVER_PAGES = re.compile(r"\)\s*:\s*([A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?)")
_GOLD_VOLUME = re.compile(
    r"^(?:\D*?(?:1[5-9]\d\d|20\d\d)\s*[;:]\s*)?"  # a Vancouver year before the volume
    r"(?:(?!\b(?:no|n|nr|issue|num|heft|h)\b\.?\s*\d|[#№]\s*\d)\D)*(?P<volume>\d+)",
    re.I,
)

Fields = dict[str, Any]


def fold(text: str) -> str:
    """Lower-case words without accents or punctuation."""
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(to_ascii_digits(plain)))


def _families(names: Iterable[dict[str, Any]]) -> list[str]:
    out = []
    for name in names:
        value = str(name.get("family") or name.get("literal") or "")
        if value and fold(value) not in ("et al", ""):
            out.append(fold(value))
    return out


def _year(text: str) -> int | None:
    found = _YEAR.search(to_ascii_digits(text))
    return int(found.group(1)) if found else None


def _pages(text: str) -> str | None:
    found = _PAGES.search(to_ascii_digits(text))
    if not found:
        return None
    return f"{found.group(1)}-{found.group(2)}" if found.group(2) else found.group(1)


def gold_fields(ref: Labelled) -> Fields:
    """What the hand labels say of each field."""
    first: dict[str, str] = {}
    authors: list[dict[str, str]] = []
    for label, text in ref.segments:
        first.setdefault(label, text)
        if label == "author":
            authors += parse_names(text)
    gold: Fields = {}
    if authors:
        gold["author"] = _families(authors)
    if "title" in first:
        gold["title"] = fold(first["title"])
    if "date" in first and _year(first["date"]):
        gold["year"] = _year(first["date"])
    container = next((t for lab, t in ref.segments if lab in ("journal", "container-title")), "")
    if container:
        gold["container"] = fold(_IN.sub("", container.strip()))
    if "publisher" in first:
        gold["publisher"] = fold(first["publisher"])
    if "volume" in first:
        volume = _GOLD_VOLUME.search(to_ascii_digits(first["volume"]))
        if volume:
            gold["volume"] = volume.group("volume")
    if "pages" in first and not _PAGE_COUNT.match(to_ascii_digits(first["pages"])):
        gold["pages"] = _pages(first["pages"])
    elif "pages" not in first and "volume" in first:
        glued = _VANCOUVER_PAGES.search(to_ascii_digits(first["volume"]))
        gold["pages"] = _pages(glued.group(1)) if glued else None
    return {key: value for key, value in gold.items() if value not in ("", [], None)}


def parsed_fields(csl: dict[str, Any] | None, locator: str | None) -> Fields:
    """What a parse says of each field."""
    if csl is None:
        return {}
    out: Fields = {}
    if csl.get("author"):
        out["author"] = _families(csl["author"])
    if csl.get("title"):
        out["title"] = fold(str(csl["title"]))
    issued = csl.get("issued") or {}
    parts = issued.get("date-parts") or []
    if parts and parts[0] and isinstance(parts[0][0], int):
        out["year"] = parts[0][0]
    elif issued.get("literal"):
        out["year"] = _year(str(issued["literal"]))
    for key, field in (("container-title", "container"), ("publisher", "publisher")):
        if csl.get(key):
            out[field] = fold(str(csl[key]))
    if csl.get("volume"):
        number = _NUMBER.search(to_ascii_digits(str(csl["volume"])))
        out["volume"] = number.group() if number else None
    page = csl.get("page") or locator
    if page:
        out["pages"] = _pages(str(page))
    return {key: value for key, value in out.items() if value not in ("", [], None)}


_INITIALS_ONLY = re.compile(r"(?:[^\W\d_]{1,2}\.\s?-?\s?)+")


def _sane(raw: list[dict[str, Any]]) -> bool:
    """No family name that is only initials ("C. K.") or holds a digit ("2015a")."""
    for name in raw:
        family = str(name.get("family") or "")
        if any(ch.isdigit() for ch in family) or _INITIALS_ONLY.fullmatch(family):
            return False
    return True


class Score:
    """Per-field counts of references where the field counts, and where it is right."""

    def __init__(self) -> None:
        self.counted: collections.Counter[str] = collections.Counter()
        self.right: collections.Counter[str] = collections.Counter()
        self.references = 0

    def add(self, gold: Fields, got: Fields, raw_authors: list[dict[str, Any]]) -> None:
        self.references += 1
        for field in FIELDS:
            if field not in gold and field not in got:
                continue
            self.counted[field] += 1
            same = gold.get(field) == got.get(field)
            if field == "author" and same:
                same = _sane(raw_authors)
            self.right[field] += same

    def accuracy(self, field: str) -> float | None:
        return self.right[field] / self.counted[field] if self.counted[field] else None

    def mean(self) -> float:
        values = [a for f in FIELDS if (a := self.accuracy(f)) is not None]
        return sum(values) / len(values) if values else 0.0


def old_tree(folder: str) -> Path:
    """The source tree of commit OLD_COMMIT, extracted into ``folder``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", OLD_COMMIT, "src/archivist"],
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
    return Path(folder) / "src"


def old_parses(texts: list[str], tree: Path) -> list[tuple[str, dict[str, Any] | None]]:
    """Kinds and CSL items from the parser of commit OLD_COMMIT, run from its own tree."""
    script = (
        "import json, sys\n"
        "from archivist.ingest.references import parse_reference\n"
        "for line in sys.stdin:\n"
        "    parsed = parse_reference(json.loads(line))\n"
        "    print(json.dumps([parsed.kind, parsed.csl]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        input="\n".join(json.dumps(t) for t in texts) + "\n",
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(tree)},
    )
    return [json.loads(line) for line in result.stdout.splitlines()]


def score(
    refs: list[Labelled], parses: list[tuple[dict[str, Any] | None, str | None]]
) -> dict[str, Score]:
    """Scores per group of sources."""
    scores = {name: Score() for name in (*GROUPS, *sorted({r.source for r in refs}))}
    for ref, (csl, locator) in zip(refs, parses, strict=True):
        gold, got = gold_fields(ref), parsed_fields(csl, locator)
        raw = list((csl or {}).get("author") or [])
        for name, sources in GROUPS.items():
            if ref.source in sources:
                scores[name].add(gold, got, raw)
        scores[ref.source].add(gold, got, raw)
    return scores


def print_table(title: str, new: dict[str, Score], old: dict[str, Score]) -> None:
    print(f"\n{title}: field accuracy, old parser (commit {OLD_COMMIT}) → labeller")
    header = "".join(f"{f[:9]:>16}" for f in FIELDS)
    print(f"{'references':28}{'n':>6}{header}{'mean':>16}")
    for name, score_ in new.items():
        if not score_.references:
            continue
        cells = ""
        for field in FIELDS:
            a, b = old[name].accuracy(field), score_.accuracy(field)
            cells += f"{_pct(a):>7} → {_pct(b):<6}" if b is not None else f"{'':16}"
        mean = f"{_pct(old[name].mean())} → {_pct(score_.mean())}"
        print(f"{name:28}{score_.references:6}{cells}{mean:>16}")


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def timed(function: Callable[[], object], repeat: int = 3) -> float:
    """The best of ``repeat`` timings of ``function``, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - started)
    return best


def load_time(model: str) -> float:
    """Median seconds, in a fresh process, to import the parser and open the model."""
    script = (
        "import time; t = time.perf_counter()\n"
        "from archivist.ingest.references import labeller\n"
        f"labeller.model_path = lambda: {model!r}\n"
        "labeller._tagger(); print(time.perf_counter() - t)\n"
    )
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", script], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(7)
    ]
    return statistics.median(runs)


def commentary(notes: list[ClassedNote], refs: list[Labelled], tree: Path | None) -> None:
    """Commentary told from citation, and comments that name a work linked to its citation."""
    comments = [n for n in notes if n.kind == "comment"]
    citations = [n for n in notes if n.kind == "citation"]
    if tree is not None:
        kinds = old_parses([n.text for n in comments + citations], tree)
        old_comments = sum(kind == "note" for kind, _ in kinds[: len(comments)])
        old_junk = sum(csl is not None for _, csl in kinds[: len(comments)])
        old_citations = sum(kind == "citation" for kind, _ in kinds[len(comments) :])
        print(
            f"\ncommentary, old parser: {old_comments}/{len(comments)} comments classed "
            f"commentary, {old_junk} given a CSL item; {old_citations}/{len(citations)} "
            "hand-classed citations classed citation"
        )
    comment_right = sum(parse_reference(n.text).kind == "note" for n in comments)
    citation_right = sum(parse_reference(n.text).kind == "citation" for n in citations)
    junk = sum(parse_reference(n.text).csl is not None for n in comments)
    print(
        f"commentary, labeller: {comment_right}/{len(comments)} comments classed commentary "
        f"({_pct(comment_right / max(len(comments), 1))}), {junk} given a CSL item; "
        f"{citation_right}/{len(citations)} hand-classed citations classed citation "
        f"({_pct(citation_right / max(len(citations), 1))})"
    )
    labelled = sum(parse_reference(r.text).kind == "citation" for r in refs)
    print(
        f"  labelled references classed citation: {labelled}/{len(refs)} "
        f"({_pct(labelled / max(len(refs), 1))})"
    )
    naming = [n for n in comments if n.names]
    linked = 0
    for note in naming:
        surname, title = note.names or ("", "")
        surname = surname.removesuffix("'s").removesuffix("’s")
        # The work named, cited in full in an earlier note, as an article would cite it.
        full = f"Anne {surname}, {title or 'Collected Papers'} (London: Harbour Press, 1990)."
        other = "Jonas Pell, Salt and Iron (Leeds: Wharf Books, 2001)."
        linked_notes = link_footnotes(
            [Footnote("1", (), full), Footnote("2", (), other), Footnote("3", (), note.text)]
        )
        linked += linked_notes[2].refers_to == "1"
    print(
        f"  comments naming a work linked to its full citation: {linked}/{len(naming)} "
        f"({_pct(linked / max(len(naming), 1))})"
    )


PAGES = ROOT.parent / "shared" / "corpora" / "readability-test-pages"
_TEMPLATE_SCRIPT = r"""
import json, sys
from pathlib import Path
from lxml import html
from archivist.ingest import extract
TYPES = {"web": "webpage", "news": "article-newspaper", "journal": "article-journal",
         "book": "book", "encyclopaedia": "entry-encyclopedia", "magazine": "article-magazine"}
rows = []
for name in sys.argv[1:]:
    data = Path(name).read_bytes()
    notes = extract(data, name).article.footnotes
    templates = []
    for li in html.fromstring(data).xpath("//ol[contains(@class, 'references')]/li"):
        cite = li.find(".//cite")
        classes = (cite.get("class") or "").split() if cite is not None else []
        templates.append(next((TYPES[c] for c in classes if c in TYPES), None))
    rows += [[t, (n.csl or {}).get("type")] for n, t in zip(notes, templates) if t]
print(json.dumps(rows))
"""


def template_types(old_tree: Path | None) -> None:
    """Footnotes of the Wikipedia pages typed as their citation template says, old and new."""
    pages = sorted(PAGES.glob("wiki*/source.html"))
    trees = [("labeller", ROOT / "src")] + ([("old parser", old_tree)] if old_tree else [])
    for name, tree in trees:
        env = {**os.environ, "PYTHONPATH": str(tree)}
        out = subprocess.run(
            [sys.executable, "-c", _TEMPLATE_SCRIPT, *map(str, pages)],
            capture_output=True, text=True, check=True, env=env,
        ).stdout  # fmt: skip
        rows = json.loads(out)
        right = sum(template == got for template, got in rows)
        web = [got for template, got in rows if template == "webpage"]
        print(
            f"  {name}: {right}/{len(rows)} Wikipedia notes typed as their template says; "
            f"cite web: {web.count('webpage')} webpage, {web.count('article-newspaper')} "
            "article-newspaper"
        )


HOSTILE = {
    "20,000 characters": "Marrow, Ilse, " + "Lights of the Northern Shore " * 700 + ", 1987.",
    "20,000 characters, no spaces": "x" * 20_000,
    "only a URL": "https://example.org/" + "a" * 3000,
    "control characters": "".join(chr(c) for c in range(32)) * 200,
    "unseen script (Georgian)": "ილია ჭავჭავაძე, კაცია-ადამიანი?!, თბილისი, 1863. " * 40,
    "empty": "",
    "digits": "1234567890 " * 1500,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=("check", "tune"), default="check")
    parser.add_argument("--no-old", action="store_true", help="skip the old parser")
    parser.add_argument("--model", type=Path, help="another model (training/train_references.py)")
    parser.add_argument(
        "--held-out",
        action="store_true",
        help="score the fifth of the train part the model was trained without "
        "(train_references.py --hold-out)",
    )
    parser.add_argument(
        "--fields-only", action="store_true", help="only the field table (no speed, no pages)"
    )
    args = parser.parse_args()
    if args.model:
        labeller.model_path = lambda: str(args.model)  # type: ignore[assignment]
    manifest = json.loads(Path(labeller.model_path()).with_suffix(".json").read_text())
    fifth = manifest.get("held_out_fifth")
    if args.held_out:
        if fifth is None:
            sys.exit("the model was trained on every fifth of the train part")
        args.part = "train"
    elif args.part in manifest["parts"]:
        sys.exit(f"the model was trained on the {args.part} part: its figures would say nothing")
    paths = [SHARED / f"{n}.xml" for n in ("core", "good", "ugly")] + sorted(OWN.glob("*.xml"))
    refs = [r for path in paths if path.stem != "commentary-notes" for r in read_labelled(path)]
    refs = [
        r for r in refs if r.part == args.part and (not args.held_out or fifth_of(r.text) == fifth)
    ]
    texts = [r.text for r in refs]
    print(
        f"{len(refs)} references of the {args.part} part; model trained on "
        f"{manifest['references']} references of parts {', '.join(manifest['parts'])} "
        f"of {', '.join(manifest['sources'])}"
    )
    new_parses = [(p.csl, p.locator) for p in map(parse_reference, texts)]
    old: list[tuple[dict[str, Any] | None, str | None]] = [(None, None)] * len(refs)
    with tempfile.TemporaryDirectory() as folder:
        tree = None if args.no_old else old_tree(folder)
        if tree is not None:
            old = [(csl, None) for _, csl in old_parses(texts, tree)]
        name = f"fifth {fifth} of the train part" if args.held_out else f"{args.part} part"
        print_table(name, score(refs, new_parses), score(refs, old))
        if args.fields_only:
            return 0
        classed = [n for n in read_classed(OWN / "commentary-notes.xml") if n.part == args.part]
        commentary(classed, refs, tree)
        print("\nreal pages (the readability test pages' Wikipedia articles):")
        template_types(tree)

    anystyle = [r.text for r in refs if r.source in ("core", "good", "ugly")]
    # What this script holds (every reference, every parse) is frozen out of the collector's
    # walks, as the importer's workers freeze theirs: the figure is the parser's own.
    gc.collect()
    gc.freeze()
    seconds = timed(lambda: [parse_reference(t) for t in anystyle])
    print(
        f"\nspeed: {len(anystyle) / seconds:,.0f} references/s on one core "
        f"({1e6 * seconds / len(anystyle):.0f} µs each, best of 3, AnyStyle {args.part} part)"
    )
    model = labeller.model_path()
    print(
        f"model: {os.path.getsize(model) / 1e6:.1f} MB; import and open in a fresh process: "
        f"{1000 * load_time(model):.0f} ms (median of 7)"
    )
    worst = 0.0
    for name, text in HOSTILE.items():
        taken = timed(lambda text=text: parse_reference(text), repeat=5)
        worst = max(worst, taken)
        print(f"  bad input, {name}: {1000 * taken:.2f} ms, kind {parse_reference(text).kind}")
    print(f"slowest bad input: {1000 * worst:.2f} ms (bound: 10 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
