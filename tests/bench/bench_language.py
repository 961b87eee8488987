"""Language detection: accuracy per language on short and long texts, and texts per second.

Run: PYTHONPATH=src python tests/bench/bench_language.py

The texts are the machine's own gettext catalogues (/usr/share/locale: human translations of
program messages, English from their message ids) in en, de, fr, fa, ar, zh, ja and ru. Short
texts are one message (up to 80 characters, a title's length); long ones are 40 messages joined
(up to 2,000 characters, an article's opening). The catalogues are split: the "tune" part was
used to choose the detector, the "check" part only to confirm the choice. Other detectors
(py3langid, langdetect, lingua) are measured in the same run when they are importable; none of
them is a dependency of Archivist.
"""

from __future__ import annotations

import gettext
import os
import random
import re
import time
from collections.abc import Callable, Iterator

from archivist.ingest.text.textmeta import guess_language

LOCALES = {"de": "de", "fr": "fr", "fa": "fa", "ar": "ar", "zh_CN": "zh", "ja": "ja", "ru": "ru"}
TUNE = ("glib20", "gtk20", "gtk20-properties", "at-spi2-core")
CHECK = (
    "PackageKit",
    "shared-mime-info",
    "avahi",
    "Linux-PAM",
    "software-properties",
    "gdk-pixbuf",
    "xdg-user-dirs",
)
_PLACEHOLDER = re.compile(r"%[-\d.]*[sdiuxl]+|%\w|\{\w*\}|_")

Sample = list[tuple[str, str]]
Detector = Callable[[str], str | None]


def messages(domains: tuple[str, ...]) -> dict[str, list[str]]:
    """Translated messages per language code (English: the German catalogues' message ids)."""
    found: dict[str, list[str]] = {}
    for locale, code in LOCALES.items():
        for domain in domains:
            path = f"/usr/share/locale/{locale}/LC_MESSAGES/{domain}.mo"
            if not os.path.exists(path):
                continue
            with open(path, "rb") as handle:
                catalog = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
            for key, value in catalog.items():
                msgid = key[0] if isinstance(key, tuple) else key
                if not msgid or not isinstance(value, str) or value == msgid:
                    continue
                found.setdefault(code, []).append(_PLACEHOLDER.sub("", value).strip())
                if code == "de":
                    found.setdefault("en", []).append(_PLACEHOLDER.sub("", msgid).strip())
    return found


def samples(domains: tuple[str, ...], seed: int = 1) -> tuple[Sample, Sample]:
    """Short and long labelled texts drawn from these catalogues."""
    rng = random.Random(seed)
    short: Sample = []
    long: Sample = []
    for code, found in sorted(messages(domains).items()):
        texts = [t for t in found if sum(ch.isalpha() for ch in t) >= 12]
        rng.shuffle(texts)
        short += [(code, t[:80]) for t in texts[:150]]
        long += [(code, " ".join(rng.sample(texts, min(40, len(texts))))[:2000]) for _ in range(30)]
    return short, long


def detectors() -> Iterator[tuple[str, Detector]]:
    """Archivist's detector, then each peer that is importable here."""
    yield "archivist", guess_language
    try:
        import py3langid  # type: ignore[import-not-found]

        yield "py3langid", lambda t: str(py3langid.classify(t)[0])
    except ImportError:
        pass
    try:
        from langdetect import DetectorFactory, detect  # type: ignore[import-not-found]

        DetectorFactory.seed = 0

        def langdetect(text: str) -> str | None:
            try:
                return str(detect(text)).split("-")[0]
            except Exception:  # noqa: BLE001 - it raises on text without features
                return None

        yield "langdetect", langdetect
    except ImportError:
        pass


def measure(name: str, detect: Detector, part: str, short: Sample, long: Sample) -> None:
    """Print accuracy per language and texts per second for one detector on one part."""
    for size, data in (("short", short), ("long", long)):
        started = time.perf_counter()
        guesses = [(code, detect(text)) for code, text in data]
        seconds = time.perf_counter() - started
        right: dict[str, list[int]] = {}
        for code, guess in guesses:
            tally = right.setdefault(code, [0, 0])
            tally[0] += guess is not None and guess.split("-")[0] == code
            tally[1] += 1
        overall = sum(t[0] for t in right.values()) / len(guesses)
        langs = " ".join(f"{c}:{t[0] / t[1]:.2f}" for c, t in sorted(right.items()))
        print(
            f"{name:10s} {part:5s} {size:5s} accuracy {overall:.3f}  {langs}  "
            f"{len(data) / seconds:9.0f} texts/s"
        )


def main() -> None:
    """Measure every detector on the tune part and the check part, side by side."""
    parts = {"tune": samples(TUNE), "check": samples(CHECK)}
    if not parts["tune"][0]:
        print("no gettext catalogues in /usr/share/locale: nothing to measure")
        return
    for name, detect in detectors():
        detect("warm up: the first call loads a model for some detectors")
        for part, (short, long) in parts.items():
            measure(name, detect, part, short, long)


if __name__ == "__main__":
    main()
