"""Issue 19, point 8: rendered notes and articles load no resource: no file, device, URL or data.

Each case runs in a child process with an address-space limit and a timeout: if a regression
made Qt read ``/dev/zero`` again, the test fails instead of exhausting the machine's memory.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
PNG_1PX = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
CHILD = r"""
import json, os, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (3 * 1024**3, 3 * 1024**3))
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QApplication
app = QApplication([])
widget_kind, note_kind, urls = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
if note_kind == "markdown":
    text = "\n\n".join(f"![img{i}]({u})" for i, u in enumerate(urls))
else:
    text = "\n\n".join(f'<img src="{u}" width="40" height="40">' for u in urls)
if widget_kind == "note preview":
    from archivist.gui.note_editor import NoteEditor
    editor = NoteEditor()
    editor.set_text(text)
    editor.setCurrentWidget(editor.preview)
    browser = editor.preview
    top = editor
else:
    from archivist.gui.reader import ReaderView
    browser = top = ReaderView()
    if note_kind == "markdown":
        browser.setMarkdown(text)
    else:
        browser.setHtml(text)
top.resize(400, 300)
top.show()
document = browser.document()
document.documentLayout().documentSize()
browser.viewport().grab()
loaded = {}
for u in urls:
    got = document.resource(QTextDocument.ResourceType.ImageResource.value, u)
    if got is None:
        loaded[u] = 0
    elif isinstance(got, QImage):
        loaded[u] = 0 if got.isNull() else got.width() * got.height()
    else:
        loaded[u] = len(bytes(got))
print(json.dumps({"loaded": loaded, "refused": browser.refused_resources}))
"""


@pytest.mark.parametrize("widget", ["note preview", "reader"])
@pytest.mark.parametrize("note", ["markdown", "html"])
def test_no_resource_a_text_names_is_ever_loaded(tmp_path: Path, widget: str, note: str) -> None:
    image = tmp_path / "secret.png"
    image.write_bytes(PNG_1PX)
    urls = [
        image.as_uri(),
        str(image),
        "file:///dev/zero",
        "/dev/zero",
        "http://127.0.0.1:9/tracker.png",
        "data:image/png;base64," + base64.b64encode(PNG_1PX).decode(),
    ]
    env = {**os.environ, "PYTHONPATH": str(SRC), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, widget, note, json.dumps(urls)],
        capture_output=True,
        timeout=120,
        env=env,
        check=False,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["loaded"] == {u: 0 for u in urls}
    refused = " ".join(result["refused"])
    assert "secret.png" in refused and "dev/zero" in refused
