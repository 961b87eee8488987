"""Property tests: after whitespace changes, re-flow and edits elsewhere, every highlight whose
quote is still present is recovered, and never placed where its context says it is not."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from archivist.annotate.anchoring import Anchorer
from archivist.annotate.selectors import CONTEXT_CHARS, NormalizedText, collapse_space, describe

# A small vocabulary so that quotes and contexts repeat, the hard case for anchoring.
WORDS = ("the", "harbour", "ships", "came", "back", "in", "autumn", "stone", "بندر", "کشتی")
PUNCT = ("", "", "", ",", ".", ";")
SPACES = (" ", "  ", "\n", "\n\n", "\t", " \n ")


@dataclass
class Token:
    """A word, the punctuation after it and the whitespace after that."""

    word: str
    punct: str
    space: str


def render(tokens: list[Token]) -> tuple[str, list[int]]:
    """The text and the start offset of each token's word."""
    parts: list[str] = []
    starts: list[int] = []
    at = 0
    for tok in tokens:
        starts.append(at)
        piece = tok.word + tok.punct + tok.space
        parts.append(piece)
        at += len(piece)
    return "".join(parts), starts


tokens_st = st.lists(
    st.builds(Token, st.sampled_from(WORDS), st.sampled_from(PUNCT), st.sampled_from(SPACES)),
    min_size=4,
    max_size=80,
)


@dataclass
class Case:
    old: str
    new: str
    start: int
    end: int
    expected: tuple[int, int]


@st.composite
def cases(draw: st.DrawFn) -> Case:
    """An old text, a highlight on whole words, a changed text and where the highlight is now."""
    tokens = draw(tokens_st)
    first = draw(st.integers(0, len(tokens) - 1))
    last = draw(st.integers(first, min(len(tokens) - 1, first + 8)))
    old, starts = render(tokens)
    start, end = starts[first], starts[last] + len(tokens[last].word)
    ids = list(range(len(tokens)))
    # Whitespace normalisation and paragraph re-flow: any token's whitespace may change.
    new_tokens = [Token(t.word, t.punct, t.space) for t in tokens]
    for tok in new_tokens:
        if draw(st.booleans()):
            tok.space = draw(st.sampled_from(SPACES))
    # Edits elsewhere: outside the highlight and its 32 characters of context.
    for _ in range(draw(st.integers(0, 3))):
        far = [
            i
            for i, tid in enumerate(ids)
            if tid >= 0
            and (starts[tid] > end + CONTEXT_CHARS or starts[tid] + 12 < start - CONTEXT_CHARS)
        ]
        if not far:
            break
        at = draw(st.sampled_from(far))
        if draw(st.booleans()):
            extra = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5))
            for word in reversed(extra):
                new_tokens.insert(at, Token(word, "", " "))
                ids.insert(at, -1)
        elif sum(1 for t in ids if t >= 0) > last - first + 2:
            del new_tokens[at]
            del ids[at]
    new, new_starts = render(new_tokens)
    i, j = ids.index(first), ids.index(last)
    expected = (new_starts[i], new_starts[j] + len(new_tokens[j].word))
    return Case(old, new, start, end, expected)


def indistinguishable(case: Case, found: tuple[int, int], context: tuple[str, str]) -> bool:
    """True when the found place and the true one look the same through the stored context."""
    norm = NormalizedText(case.new)
    prefix, suffix = context
    spans = []
    for s, e in (found, case.expected):
        ns, ne = norm.to_normalized(s), norm.to_normalized(e - 1) + 1
        spans.append(norm.text[max(0, ns - len(prefix)) : ne + len(suffix)])
    return spans[0] == spans[1]


@settings(max_examples=400, deadline=None)
@given(cases())
def test_highlight_with_its_quote_still_present_is_always_recovered_in_place(case: Case) -> None:
    position, quote = describe(case.old, case.start, case.end)
    assert collapse_space(quote.exact) in collapse_space(case.new)
    found = Anchorer(case.new).anchor(position, quote)
    assert found is not None
    assert collapse_space(case.new[found.start : found.end]) == collapse_space(quote.exact)
    if (found.start, found.end) != case.expected:
        context = (collapse_space(quote.prefix), collapse_space(quote.suffix))
        assert indistinguishable(case, (found.start, found.end), context)


@settings(max_examples=200, deadline=None)
@given(tokens_st, st.data())
def test_whitespace_only_changes_never_lose_a_highlight(
    tokens: list[Token], data: st.DataObject
) -> None:
    old, starts = render(tokens)
    k = data.draw(st.integers(0, len(tokens) - 1))
    position, quote = describe(old, starts[k], starts[k] + len(tokens[k].word))
    new = collapse_space(old)
    found = Anchorer(new).anchor(position, quote)
    assert found is not None
    assert new[found.start : found.end] == tokens[k].word
