"""Headline-style capitalisation of English titles, as CMOS 18 8.159 and MLA 9 set it.

The words are walked as citeproc-js walks them (so Archivist prints what Zotero prints):
quotation marks, hyphens, dashes, slashes and punctuation cut a title into runs of words;
a lower-case word is capitalised unless it is a small word (an article, a preposition, a
coordinating conjunction, "to", "as"); the first word, the last word and the first word
after a colon, question mark or exclamation point are capitalised whatever they are. A word
that has a capital already (an acronym, ``NASA``, ``eBay``, a title in capitals) is left
alone, and nothing is ever put in lower case. Only English titles are changed: items in
another language keep their titles.

A small word inside a hyphenated compound stays lower case (CMOS 8.161: ``Up-to-Date``).
Two corrections to citeproc-js's small words, from the manuals: "next" is an adjective or
adverb, not a preposition; CMOS lowercases only the conjunctions and, but, for, or and nor,
so "yet" and "so" are capitalised in Chicago (MLA 9 lowercases them).
Not the ``titlecase`` package (Gruber's rules, 2.4.1 checked against CMOS 8.159): it
capitalises most prepositions ("After", "Along", "From", "With", "About", "Through"),
lowercases the subordinating conjunction "if", and turns a title in capitals into title case
("THE NORTHERN LIGHTS" → "The Northern Lights"), all three against CMOS.
"""

from __future__ import annotations

import re

_PREPOSITIONS = frozenset(
    [
        "about",
        "above",
        "across",
        "afore",
        "after",
        "against",
        "al",
        "along",
        "alongside",
        "amid",
        "amidst",
        "among",
        "amongst",
        "anenst",
        "apropos",
        "apud",
        "around",
        "as",
        "aside",
        "astride",
        "at",
        "athwart",
        "atop",
        "barring",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "besides",
        "between",
        "beyond",
        "but",
        "by",
        "circa",
        "despite",
        "down",
        "during",
        "et",
        "except",
        "for",
        "forenenst",
        "from",
        "given",
        "in",
        "inside",
        "into",
        "lest",
        "like",
        "modulo",
        "near",
        "notwithstanding",
        "of",
        "off",
        "on",
        "onto",
        "out",
        "over",
        "per",
        "plus",
        "pro",
        "qua",
        "sans",
        "since",
        "than",
        "through",
        "thru",
        "throughout",
        "thruout",
        "till",
        "to",
        "toward",
        "towards",
        "under",
        "underneath",
        "until",
        "unto",
        "up",
        "upon",
        "versus",
        "vs",
        "v",
        "via",
        "vis-à-vis",
        "with",
        "within",
        "without",
    ]
)
_OTHERS = frozenset(["or", "and", "nor", "a", "an", "the", "de", "d'", "von", "van", "c", "ca"])
MLA_SMALL_WORDS = _PREPOSITIONS | _OTHERS | {"yet", "so"}
"""Lower-case in MLA 9 headline style (6.? "Capitalization of titles"): the conjunctions too."""
CHICAGO_SMALL_WORDS = _PREPOSITIONS | _OTHERS
"""Lower-case in CMOS 18 headline style (8.159)."""

_TAGS = re.compile(r"(‘|’|“|”| \"| '|\"|'|[-\u2013\u2014/.,;?!:]|\[|\]|\(|\))")
_SPACES = re.compile(r"([\u00a0\u0020\u2000-\u200b\u205f\u3000]+)")
_GREEK = re.compile(r"^[\u0370-\u03ff]$")
_MARKUP = re.compile(r"[<>]")


def title_case(text: str, small: frozenset[str] = CHICAGO_SMALL_WORDS) -> str:
    """The title in headline style; ``small`` are the words kept in lower case."""
    parts = _TAGS.split(text)
    strings, tags = parts[0::2], parts[1::2]
    for i, tag in enumerate(tags):
        # An apostrophe inside a word ("ferryman's") is part of the word that follows it.
        if tag == "'" and strings[i + 1]:
            strings[i + 1] = "'" + strings[i + 1]
            tags[i] = ""
    state = _State(small)
    state.run(strings, 0)
    for i, tag in enumerate(tags):
        if tag and tag[-1] in "!?:":
            state.after_punct = True
        state.run(strings, i + 1)
    state.finish(strings)
    out = [strings[0]]
    for tag, string in zip(tags, strings[1:], strict=True):
        out += [tag, string]
    return "".join(out)


class _State:
    """Where the walk is: first word seen, after a colon, the last word's place."""

    def __init__(self, small: frozenset[str]) -> None:
        self.small = small
        self.first = True
        self.after_punct = False
        self.last: tuple[int, int] | None = None

    def run(self, strings: list[str], index: int) -> None:
        text = strings[index]
        if not text.strip():
            return
        words = _SPACES.split(text)
        for j in range(0, len(words), 2):
            word = words[j]
            if not word:
                continue
            lower = word.lower()
            wanted = (len(word) > 1 and lower not in self.small) or self.first or self.after_punct
            # Markup characters are text here: "i>" of a "</i>" is no word to capitalise.
            if wanted and word == lower and not _MARKUP.search(word):
                words[j] = _capitalise(word)
            self.after_punct = False
            self.first = False
            self.last = (index, j)
        strings[index] = "".join(words)

    def finish(self, strings: list[str]) -> None:
        """The last word is capitalised even when it is a small word."""
        if self.last is None:
            return
        index, j = self.last
        words = _SPACES.split(strings[index])
        word = words[j]
        if len(word) > 1 and word.lower() in self.small:
            words[j] = _capitalise(word)
            strings[index] = "".join(words)


def _capitalise(word: str) -> str:
    if _GREEK.match(word):
        return word
    return word[:1].upper() + word[1:]


def capitalize_first(text: str) -> str:
    """The first letter in upper case when the first word has no capital (CSL capitalize-first)."""
    words = _SPACES.split(text)
    for j in range(0, len(words), 2):
        if words[j]:
            if words[j] == words[j].lower():
                words[j] = _capitalise(words[j])
            break
    return "".join(words)
