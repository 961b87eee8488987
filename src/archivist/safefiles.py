"""Reading files a user points at, and showing their names, without trusting either.

Only regular files are ever read: a named pipe would block the import forever, a character
device (``/dev/zero`` saved as ``zero.txt``) would be read until memory ran out. The size
limit is checked on the open descriptor before the first byte is read, and the read itself
stops one byte past the limit in case the file grows meanwhile.

File names on POSIX are bytes. Python hands them over as ``str`` with undecodable bytes
as lone surrogates (``surrogateescape``); such a name cannot be written to SQLite or to a
UTF-8 stream as it is. :func:`shown` makes any name safe for one human-readable line,
:func:`storable` for the archive, and :func:`json_text` keeps it losslessly in JSON.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from archivist.errors import ArchivistError

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)
_MIB = 1024 * 1024
_CHUNK = 4 * _MIB

_UNSHOWABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class NotAFileError(ArchivistError):
    """The path names something other than a regular file: it is skipped, never opened."""


def kind_of(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, what in _KINDS:
        if test(mode):
            return what
    return "not a regular file"


def read_regular(path: str, max_bytes: int, *, label: str | None = None) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; ArchivistError for anything else.

    The file is opened without blocking (a FIFO opened for reading would wait for a writer)
    and without following a final symlink into a device; its type and size are checked on
    the descriptor, so a file swapped between the check and the read is still caught.
    """
    name = shown(label if label is not None else (os.path.basename(path) or path))
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ArchivistError(f"{name}: no such file") from None
    except PermissionError:
        raise ArchivistError(f"{name}: permission denied") from None
    except OSError as exc:
        raise ArchivistError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    what = kind_of(st.st_mode)
    if what is not None:
        raise NotAFileError(f"{name}: is {what}, not a file; skipped")
    _check_size(name, st.st_size, max_bytes)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except PermissionError:
        raise ArchivistError(f"{name}: permission denied") from None
    except OSError as exc:
        raise ArchivistError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    try:
        st = os.fstat(fd)
        what = kind_of(st.st_mode)
        if what is not None:
            raise NotAFileError(f"{name}: is {what}, not a file; skipped")
        _check_size(name, st.st_size, max_bytes)
        # One read of the size fstat gave (plus a byte, to see a file that grew): reading in
        # chunks and joining them held the file twice at once.
        parts: list[bytes] = [os.read(fd, min(st.st_size, max_bytes) + 1)]
        got = len(parts[0])
        while parts[-1] and got <= max_bytes:
            part = os.read(fd, min(_CHUNK, max_bytes + 1 - got))
            parts.append(part)
            got += len(part)
        _check_size(name, got, max_bytes)
        return parts[0] if len(parts) <= 2 and not parts[-1] else b"".join(parts)
    except OSError as exc:
        raise ArchivistError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def is_regular(path: str) -> bool:
    """True for a regular file (symlinks followed); False for pipes, devices, sockets, folders."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _check_size(name: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        if max_bytes >= _MIB:
            raise ArchivistError(
                f"{name}: {size // _MIB} MB is over the {max_bytes // _MIB} MB limit"
            )
        raise ArchivistError(f"{name}: {size} bytes is over the {max_bytes}-byte limit")


def shown(text: str) -> str:
    """``text`` fit for one human-readable line: control characters, line separators and
    undecodable bytes escaped (``\\n``, ``\\x1b``, ``\\xff``), so a name can never split a
    line or forge another one."""
    if not _UNSHOWABLE.search(text):
        return text
    return _UNSHOWABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte carried by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char) or (
        f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    )


def storable(text: str) -> str:
    """``text`` as SQLite and UTF-8 can hold it: undecodable bytes become U+FFFD."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def json_text(dumped: str) -> str:
    """Serialised JSON with any lone surrogate written as a ``\\udcXX`` escape.

    ``json.dumps(..., ensure_ascii=False)`` leaves a surrogate-escaped name's undecodable
    bytes as lone surrogates, which no UTF-8 stream can print. Escaped, the JSON is valid
    and ``json.loads`` gives back the same ``str`` (``os.fsencode`` then the same bytes).
    """
    if not _SURROGATE.search(dumped):
        return dumped
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


PARTIAL_SUFFIX = ".partial"
NAME_MAX = 255
"""Bytes in one file name on the common file systems (ext4, APFS, NTFS in UTF-16 units)."""
_PARTIAL = re.compile(r"^\..*~(\d+)(?:-\d+)?\.partial$")


def create_partial(target: Path) -> Path:
    """Create an empty temporary file beside ``target`` to be renamed over it when complete.

    Its name (``.NAME~PID.partial``) is never longer than a name the folder accepts: when
    ``target``'s name is already near the limit, the temporary name is cut to its length.
    It is made with the umask's permissions (mode 0666 before the umask), like any file the
    user creates, and carries this process's id so a later run can tell a stale one.
    """
    own = os.fsencode(target.name)
    for attempt in range(100):
        tail = f"~{os.getpid()}{f'-{attempt}' if attempt else ''}{PARTIAL_SUFFIX}"
        limit = len(own) + len(tail) + 1
        if limit > NAME_MAX:
            limit = max(len(own), len(tail) + 2)
        head = "." + target.name
        while len(os.fsencode(head + tail)) > limit and len(head) > 1:
            head = head[:-1]
        candidate = target.with_name(head + tail)
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return candidate
    raise FileExistsError(f"{target}: no free temporary name beside it")


def remove_stale_partials(folder: Path) -> list[Path]:
    """Delete temporary files in ``folder`` left by Archivist runs that are no longer alive."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _PARTIAL.match(entry.name)
        if match is None or _alive(int(match.group(1))):
            continue
        try:
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":
        return True  # on Windows os.kill would end the process, not probe it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or a platform that cannot tell: leave it
    return True
