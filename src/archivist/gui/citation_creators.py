"""The citation editor's creators table: one row per author, editor or translator."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QTableWidget, QTableWidgetItem

from archivist.annotate.cslfields import name_text
from archivist.export.corrections import NAME_ROLES, Changes
from archivist.gui.citation_fields import _ROLE_NAMES, _tr


class CitationCreators(QDialog):
    """Shows, edits, reorders and reads back the creators table of the citation editor."""

    # What the editor holds and does, used here.
    creators: QTableWidget
    _loading: bool
    _loaded_names: dict[str, tuple[str, ...]]
    _commit: Callable[[Changes], None]

    # -- creators ------------------------------------------------------------------------

    def _add_row(self, role: str, name: Mapping[str, Any]) -> None:
        row = self.creators.rowCount()
        self.creators.blockSignals(True)
        self.creators.insertRow(row)
        box = QComboBox(self.creators)
        for key in NAME_ROLES:
            box.addItem(_tr("CitationEditor", _ROLE_NAMES[key]), key)
        box.setCurrentIndex(max(0, box.findData(role)))
        box.currentIndexChanged.connect(lambda _i: self._names_done())
        self.creators.setCellWidget(row, 0, box)
        literal = bool(name.get("literal"))
        typed = name_text(name).removeprefix("=")
        family, _, given = typed.partition(", ") if not literal else (typed, "", "")
        self.creators.setItem(row, 1, QTableWidgetItem(family))
        self.creators.setItem(row, 2, QTableWidgetItem(given))
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        check.setCheckState(Qt.CheckState.Checked if literal else Qt.CheckState.Unchecked)
        self.creators.setItem(row, 3, check)
        self.creators.blockSignals(False)

    def add_creator(self) -> int:
        """A new empty creator row (stored once a name is typed in it); returns its row."""
        self._add_row("author", {})
        row = self.creators.rowCount() - 1
        self.creators.setCurrentCell(row, 1)
        return row

    def set_creator(
        self, row: int, *, role: str | None = None, family: str | None = None, given: str = ""
    ) -> None:
        """Change a creator row as a user would: its role, or its names."""
        if role is not None:
            box = self.creators.cellWidget(row, 0)
            if isinstance(box, QComboBox):
                box.setCurrentIndex(box.findData(role))
        if family is not None:
            self.creators.blockSignals(True)
            self.creators.setItem(row, 2, QTableWidgetItem(given))
            self.creators.blockSignals(False)
            cell = self.creators.item(row, 1)
            if cell is None:
                cell = QTableWidgetItem()
                self.creators.setItem(row, 1, cell)
            cell.setText(family)  # as typing in the cell does: itemChanged stores the names

    def _typed_names(self) -> dict[str, tuple[str, ...]]:
        typed: dict[str, list[str]] = {role: [] for role in NAME_ROLES}
        for row in range(self.creators.rowCount()):
            box = self.creators.cellWidget(row, 0)
            role = str(box.currentData()) if isinstance(box, QComboBox) else "author"
            family = (self.creators.item(row, 1) or QTableWidgetItem()).text().strip()
            given = (self.creators.item(row, 2) or QTableWidgetItem()).text().strip()
            check = self.creators.item(row, 3)
            organisation = check is not None and check.checkState() == Qt.CheckState.Checked
            if not family:
                continue
            if organisation:
                typed[role].append("=" + " ".join(p for p in (family, given) if p))
            else:
                typed[role].append(f"{family}, {given}" if given else f"{family},")
        return {role: tuple(names) for role, names in typed.items()}

    def _names_done(self) -> None:
        if self._loading:
            return
        typed = self._typed_names()
        if typed != self._loaded_names:
            self._commit(Changes(names=typed))

    def _remove_creator(self) -> None:
        row = self.creators.currentRow()
        if row >= 0:
            self.creators.removeRow(row)
            self._names_done()

    def _move_creator(self, step: int) -> None:
        row = self.creators.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.creators.rowCount():
            return
        names = self._rows()
        names[row], names[target] = names[target], names[row]
        self._loading = True
        self.creators.setRowCount(0)
        for role, name in names:
            self._add_row(role, name)
        self._loading = False
        self.creators.setCurrentCell(target, 1)
        self._names_done()

    def _rows(self) -> list[tuple[str, dict[str, str]]]:
        out = []
        for row in range(self.creators.rowCount()):
            box = self.creators.cellWidget(row, 0)
            role = str(box.currentData()) if isinstance(box, QComboBox) else "author"
            family = (self.creators.item(row, 1) or QTableWidgetItem()).text()
            given = (self.creators.item(row, 2) or QTableWidgetItem()).text()
            check = self.creators.item(row, 3)
            if check is not None and check.checkState() == Qt.CheckState.Checked:
                out.append((role, {"literal": family}))
            else:
                out.append((role, {"family": family, "given": given}))
        return out
