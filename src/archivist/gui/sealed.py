"""A text browser for content from users and articles that loads no resource whatever."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget


def nothing(resource_type: int) -> Any:
    """What a loadResource returns to refuse a resource for good.

    Not None: on an empty answer QTextDocument goes on to read a local file itself (verified
    with Qt 6: ``file:///dev/zero`` was read until memory ran out). An empty image, or empty
    bytes for a style sheet or page, ends the lookup.
    """
    if int(resource_type) == QTextDocument.ResourceType.ImageResource.value:
        return QImage()
    return QByteArray(b"")


class SealedBrowser(QTextBrowser):
    """Shows Markdown or HTML written by a user or imported with an article, sealed off.

    Qt's default loadResource reads any local file an ``<img>`` or ``![](…)`` names (even
    ``file:///dev/zero``, read until the app dies) and QTextBrowser follows links inside
    itself. Here every resource (file:, http:, data:, a bare path) is refused and recorded,
    and links are never followed: the reader's rule, for every other rendered text.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.refused_resources: list[str] = []

    def loadResource(self, type: int, name: QUrl | str, /) -> Any:
        """Nothing is ever loaded; the request is remembered (for tests and diagnosis)."""
        self.refused_resources.append(QUrl(name).toString())
        return nothing(type)
