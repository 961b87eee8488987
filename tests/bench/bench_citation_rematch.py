"""Benchmark: does a hand correction stay with its note across a re-extraction, and only there?

Run from the project root:
``PYTHONPATH=src .venv/bin/python tests/bench/bench_citation_rematch.py [--sweep]``.

After a re-extraction ``archivist.annotate.citations.rematch`` keeps a correction on the note
of the same label when its text is still similar (rapidfuzz ratio at least ``SAME_NOTE``).
That is a guess, measured here on notes made from AnyStyle's hand-labelled references
(``../shared/corpora/anystyle-parser``), split by the same hash as the reference benchmark:
the threshold was chosen on the train and tune parts; the check part is only measured.

- Same note: the reference as a newer importer might give it again — a few of: spaces
  collapsed or doubled, a final full stop added or dropped, straight quotes made curly, an
  entity decoded (``&`` for ``&amp;``), a leftover marker (``3.``) dropped or kept, a dash
  made an en dash. The correction should stay (kept rate).
  In one note of four, one text lacks the note's last words (5-40%), as when an older
  importer cut a note at a line break.
- A different note under the same label: the next reference of the same file (often the same
  author's next work), an ``Ibid., N.`` note, and a short form of the same work citing
  another page (``Marrow, The Salt Roads, 45.`` for ``..., 88.``: the hard case, where the
  text says little besides the page). The correction should not follow it (refused rate).

Yardsticks in the same run: the label alone (a correction always stays) and exact text after
folding spaces.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from rapidfuzz import fuzz

from archivist.annotate.citations import SAME_NOTE, same_note
from archivist.ingest.references.corpus import part_of, read_labelled

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "anystyle-parser"


def fold(text: str) -> str:
    """Spaces collapsed and case folded, as Archivist compares note texts."""
    return " ".join(text.split()).casefold()


def _respace(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    at = rng.randrange(len(words))
    words[at] += " "
    return " ".join(words)


def _full_stop(text: str, _rng: random.Random) -> str:
    return text[:-1] if text.endswith(".") else text + "."


def _curly(text: str, _rng: random.Random) -> str:
    return text.replace('"', "“", 1).replace('"', "”", 1).replace("'", "’")


def _entity(text: str, _rng: random.Random) -> str:
    return text.replace("&", "&amp;") if "&" in text else text.replace(" and ", " & ", 1)


def _marker(text: str, rng: random.Random) -> str:
    return f"{rng.randint(1, 40)}. {text}"


def _dash(text: str, _rng: random.Random) -> str:
    return text.replace("-", "–", 1)


CHANGES = (_respace, _full_stop, _curly, _entity, _marker, _dash)


def reextracted(text: str, rng: random.Random) -> str:
    """The note as a newer importer might give it: one to three small changes, and in one
    note of four the rest of a note an older importer had cut at a line break."""
    for change in rng.sample(CHANGES, rng.randint(1, 3)):
        text = change(text, rng)
    if rng.random() < 0.25:
        words = text.split()
        text = " ".join(words[: max(1, round(len(words) * rng.uniform(0.6, 0.95)))])
    return text


def short_form(text: str, page: int) -> str:
    """A short-form note of the reference's work: its first words and a page."""
    return " ".join(text.split()[:5]).rstrip(",.;:") + f", {page}."


def pairs(part: str, seed: int = 7) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(same-note pairs, different-note pairs) of one part of the corpus."""
    rng = random.Random(seed)
    same: list[tuple[str, str]] = []
    different: list[tuple[str, str]] = []
    for name in ("core.xml", "good.xml", "ugly.xml"):
        texts = [r.text for r in read_labelled(CORPUS / name)]
        for i, text in enumerate(texts):
            if not text or _in(part, text) is False:
                continue
            new = reextracted(text, rng)
            same.append((new, text) if rng.random() < 0.5 else (text, new))
            if i + 1 < len(texts) and texts[i + 1] != text:
                different.append((text, texts[i + 1]))
            different.append((text, f"Ibid., {rng.randint(2, 400)}."))
            page = rng.randint(2, 400)
            different.append((short_form(text, page), short_form(text, page + rng.randint(1, 99))))
    return same, different


def _in(part: str, text: str) -> bool:
    where = part_of(text)
    return where == "check" if part == "check" else where != "check"


def rates(
    same: list[tuple[str, str]], different: list[tuple[str, str]], keep
) -> tuple[float, float]:
    kept = sum(bool(keep(a, b)) for a, b in same) / len(same)
    refused = sum(not keep(a, b) for a, b in different) / len(different)
    return kept, refused


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true", help="print kept/refused per threshold")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 1
    methods = {
        f"ratio >= {SAME_NOTE:g}, numbers agree (Archivist)": same_note,
        f"rapidfuzz ratio >= {SAME_NOTE:g} alone": lambda a, b: (
            fuzz.ratio(fold(a), fold(b)) >= SAME_NOTE
        ),
        "label alone (yardstick)": lambda a, b: True,
        "exact text, spaces folded (yardstick)": lambda a, b: fold(a) == fold(b),
    }
    print(f"{'method':44} {'part':6} {'pairs':>11} {'kept':>7} {'refused':>8}")
    for part in ("tune", "check"):
        same, different = pairs(part)
        for name, keep in methods.items():
            kept, refused = rates(same, different, keep)
            size = f"{len(same)}/{len(different)}"
            print(f"{name:44} {part:6} {size:>11} {kept:7.1%} {refused:8.1%}")
        if args.sweep and part == "tune":
            for threshold in range(60, 100, 5):
                kept, refused = rates(same, different, lambda a, b, t=threshold: same_note(a, b, t))
                print(f"  threshold {threshold}: kept {kept:.1%}, refused {refused:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
