"""The archive's JSON columns: written as json.dumps writes them, read back unchanged."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from archivist.archive import codec
from archivist.model import Block, Mark

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=20,
)


@given(JSON_VALUES)
def test_dumps_is_compact_json_that_keeps_every_script_readable(value: object) -> None:
    written = codec.dumps(value)
    assert written == json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    assert json.loads(written) == value


def test_the_c_encoder_is_used_where_python_has_one() -> None:
    # CPython ships json's C accelerator; without it dumps falls back to the public encoder.
    accelerated = getattr(json.encoder, "c_make_encoder", None) is not None
    assert (codec._C_ENCODE is not None) == accelerated


TEXTS = st.text(max_size=8) | st.sampled_from(["footnote", "paragraph", "list_item", "12", 'a"b'])
BLOCKS = st.builds(
    Block,
    kind=TEXTS,
    start=st.integers(0, 10**6),
    end=st.integers(0, 10**6),
    level=st.none() | st.integers(1, 6),
    ordered=st.booleans(),
)
MARKS = st.builds(
    Mark,
    kind=TEXTS,
    start=st.integers(0, 10**6),
    end=st.integers(0, 10**6),
    href=st.none() | TEXTS,
    label=st.none() | TEXTS,
)


def as_dicts(spans: tuple[Block, ...] | tuple[Mark, ...], optional: tuple[str, ...]) -> list:
    """What the JSON of blocks or marks must be: dicts of their set fields, in field order."""
    out = []
    for span in spans:
        item = {"kind": span.kind, "start": span.start, "end": span.end}
        for name in optional:
            value = getattr(span, name)
            if value is not None and value is not False:
                item[name] = value
        out.append(item)
    return out


@given(st.lists(BLOCKS, max_size=5).map(tuple))
def test_blocks_json_is_dumps_of_their_dicts_and_reads_back(blocks: tuple[Block, ...]) -> None:
    written = codec.blocks_to_json(blocks)
    assert written == codec.dumps(as_dicts(blocks, ("level", "ordered")))
    assert codec.blocks_from_json(written) == blocks


@given(st.lists(MARKS, max_size=5).map(tuple))
def test_marks_json_is_dumps_of_their_dicts_and_reads_back(marks: tuple[Mark, ...]) -> None:
    written = codec.marks_to_json(marks)
    assert written == codec.dumps(as_dicts(marks, ("href", "label")))
    assert codec.marks_from_json(written) == marks
