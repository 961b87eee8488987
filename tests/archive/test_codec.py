"""The archive's JSON columns: written as json.dumps writes them, read back unchanged."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from archivist.archive import codec

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
