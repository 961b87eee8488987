"""Decide a file's text encoding before any parser sees its bytes, and decode it."""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata

from archivist.errors import ExtractionError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Legacy single-byte encodings a saved article is likely to be in, when nothing declares one.
# charset-normalizer is asked to choose among these only, so Persian in windows-1256 is never
# taken for Latin-1 garbage.
_LEGACY_CANDIDATES = ("cp1252", "cp1256")


def sniff_bom(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, or None."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def normalise_encoding_name(name: str) -> str | None:
    """The Python codec name for an encoding label, or None if Python does not know it."""
    label = name.strip().strip("\"'").lower()
    if not label:
        return None
    # WHATWG: labels for Latin-1 and ASCII mean windows-1252 on the web.
    if label in {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"}:
        label = "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_bytes(
    data: bytes, *, declared: str | None = None, filename: str = ""
) -> tuple[str, str]:
    """Decode ``data`` to text; return the text and the encoding used.

    Order: a BOM; valid UTF-8; a declared encoding that decodes cleanly; then detection among
    legacy encodings. A declaration that contradicts valid UTF-8 loses to UTF-8 (pages often
    lie). Raises ExtractionError when nothing decodes the bytes as text.
    """
    bom = sniff_bom(data)
    if bom is not None:
        try:
            text = data.decode(bom)
        except UnicodeDecodeError as exc:
            raise ExtractionError(f"{filename}: invalid {bom} after its byte-order mark") from exc
        return text.lstrip("\ufeff"), bom.removesuffix("-sig").replace("-le", "").replace("-be", "")
    wide = sniff_utf16(data)  # before UTF-8: NULs and ASCII are valid UTF-8 too
    if wide is not None:
        return data.decode(wide, errors="replace").lstrip("\ufeff"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    codec = normalise_encoding_name(declared) if declared else None
    if codec == "utf-8" or _mostly_utf8(data):
        # A stray bad byte in a UTF-8 file: replacing it (callers warn of the count) keeps every
        # other character; detection would turn each accent of the file into mojibake.
        return data.decode("utf-8", errors="replace"), "utf-8"
    if codec is not None and codec not in {"utf-8", "utf-16", "utf-32"}:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            pass
    if codec is None and _reads_as_arabic_script(data):
        return data.decode("cp1256", errors="replace"), "cp1256"
    # Imported here: detection is the last resort, and loading it costs every command time.
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_LEGACY_CANDIDATES)).best()
    if best is not None and best.encoding is not None:
        codec = codecs.lookup(best.encoding).name
        return data.decode(codec, errors="replace"), codec
    if looks_binary(data):
        raise ExtractionError(f"{filename}: not text in any encoding Archivist recognises")
    # Too little text for detection to decide: windows-1252 is the web's default for that.
    return data.decode("cp1252", errors="replace"), "cp1252"


def _mostly_utf8(data: bytes) -> bool:
    """True when most non-ASCII characters decode as UTF-8.

    In a legacy (windows-1252, windows-1256) file a byte over 127 rarely starts a valid UTF-8
    sequence by chance, so nearly all of them are errors; in a UTF-8 file with a stray bad
    byte, errors are the few exceptions.
    """
    text = data.decode("utf-8", errors="replace")
    genuine = data.count("\ufffd".encode())
    bad = text.count("\ufffd") - genuine
    # Characters past ASCII, counted in C: a per-character loop cost 28 ms on a 1 MB page.
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    good = non_ascii - bad - genuine
    return good >= 1 and bad <= good


def sniff_utf16(data: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` for UTF-16 text saved without a byte-order mark, else None.

    Text in UTF-16 has a NUL as the high byte of every ASCII character (spaces, digits,
    punctuation, newlines, even in Persian or Greek text): NULs then fill one of the two byte
    positions and almost never the other, which binary data does not do.
    """
    head = data[:8192]
    if len(head) < 8 or b"\x00" not in head:
        return None
    head = head[: len(head) // 2 * 2]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    pairs = len(head) // 2
    for nuls, others, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls >= 0.2 * pairs and others <= 0.01 * pairs:
            try:
                text = head.decode(codec)
            except UnicodeDecodeError:
                return None
            readable = sum(1 for c in text if c.isprintable() or c in "\n\r\t")
            return codec if readable >= 0.95 * len(text) else None
    return None


def _reads_as_arabic_script(data: bytes) -> bool:
    """True when legacy bytes read as Arabic-script words in windows-1256, and not as words.

    Detection over a few sentences favoured windows-1252, where Persian comes out as runs of
    accented capitals (``ÊÇÑíÎ``). Read as windows-1252, a real Western text mixes accented
    letters into ASCII words (``café``); Persian bytes make words of nothing but accented
    letters, and read as windows-1256 nearly every one of those letters is Arabic-script.
    """
    high = sum(1 for b in data[:65536] if b > 127)
    if high < 8:
        return False
    western = data[:65536].decode("cp1252", errors="replace")
    words = _LETTER_RUN.findall(western)
    only_accented = sum(len(w) for w in words if len(w) > 1 and not any(c.isascii() for c in w))
    mixed = sum(len(w) for w in words if not w.isascii() and any(c.isascii() for c in w))
    if only_accented < 3 * mixed or only_accented < 6:
        return False
    arabic = data[:65536].decode("cp1256", errors="replace")
    letters = [c for c in arabic if not c.isascii() and c.isalpha()]
    in_script = sum(1 for c in letters if "\u0600" <= c <= "\u06ff")
    return bool(letters) and in_script >= 0.9 * len(letters)


_LETTER_RUN = re.compile(r"[^\W\d_]+")


def looks_binary(data: bytes) -> bool:
    """True when the bytes are evidently not text (NULs or many control bytes, and no BOM)."""
    if sniff_bom(data) is not None or sniff_utf16(data) is not None:
        return False
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    # bytes.translate keeps only the control bytes, in C: a Python loop here cost 1 ms a file.
    controls = len(head.translate(None, _NOT_CONTROL_BYTES))
    return controls / len(head) > 0.05


_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))


def clean_text(text: str) -> str:
    """Normalise newlines to LF, drop NULs and stray control characters, compose to NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():
        # bytes.translate deletes in C; the regex scan it replaces was 6% of a text import.
        text = text.encode("ascii").translate(None, _ASCII_CONTROL_BYTES).decode("ascii")
    elif not text.replace("\n", "").isprintable():
        # Runs of dropped characters never cross a newline, and a printable line holds none:
        # only the other lines (with a no-break space, a joiner, a control) go through the
        # regex, which costs some 25 ns a character even where it finds nothing. Text that is
        # printable but for its newlines (most of it: curly quotes, dashes, accented letters)
        # has nothing to drop, and is told at once rather than line by line.
        pattern = _control_pattern()
        text = "\n".join(
            line if line.isprintable() else pattern.sub(_drop_controls, line)
            for line in text.split("\n")
        )
    return unicodedata.normalize("NFC", text)


# Format characters that carry meaning in Persian and Arabic text (joiners, direction marks).
_KEEP_FORMAT = frozenset("\u200c\u200d\u200e\u200f\u061c\u00ad")
_ASCII_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F])


def _is_dropped(ch: str) -> bool:
    return ch not in "\n\t" and ch not in _KEEP_FORMAT and unicodedata.category(ch)[0] == "C"


@functools.cache
def _control_pattern() -> re.Pattern[str]:
    # A per-character Python loop took 13 s on a 50 MB file; a regex over a BMP character class
    # (compiled to a bitmap) is linear and fast. Astral runs are rare and checked one by one.
    ranges: list[str] = []
    start: int | None = None
    for cp in range(0x10000):
        dropped = _is_dropped(chr(cp))
        if dropped and start is None:
            start = cp
        elif not dropped and start is not None:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(cp - 1))}")
            start = None
    if start is not None:
        ranges.append(f"{re.escape(chr(start))}-\uffff")
    # One class, astral planes included: an alternation of two classes made the engine try
    # both at every character, seven times slower on ordinary text.
    return re.compile(f"[{''.join(ranges)}\U00010000-\U0010ffff]+")


def _drop_controls(match: re.Match[str]) -> str:
    run = match.group()
    if max(run) < "\U00010000":
        return ""  # every BMP character the class matches is one to drop
    return "".join(ch for ch in run if not _is_dropped(ch))
