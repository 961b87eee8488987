"""Dialogs and small views: errors, the welcome view, the import summary, preferences."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from archivist.gui.i18n import QT_TRANSLATE_NOOP, color_label, number, phrases
from archivist.gui.reader import color_icon
from archivist.importer import ImportReport
from archivist.model import PaletteColor

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"
"""Sample articles shipped with Archivist (written for the project)."""
APPEARANCES = (
    ("system", QT_TRANSLATE_NOOP("PreferencesDialog", "As the system")),
    ("light", QT_TRANSLATE_NOOP("PreferencesDialog", "Light")),
    ("dark", QT_TRANSLATE_NOOP("PreferencesDialog", "Dark")),
)
"""Appearance settings: the value stored, and its label (translated where shown)."""


def show_error(parent: QWidget | None, message: str, title: str | None = None) -> QMessageBox:
    """The one place errors reach the user: a one-line message, never a traceback."""
    heading = title or QCoreApplication.applicationName() or "Archivist"
    box = QMessageBox(QMessageBox.Icon.Warning, heading, " ".join(message.split()), parent=parent)
    box.setObjectName("ErrorBox")
    box.setTextFormat(Qt.TextFormat.PlainText)  # messages quote file names and file content
    box.open()
    return box


def import_summary(report: ImportReport) -> tuple[str, str]:
    """The summary line and the details (one failed file per line) of an import."""
    imported, duplicates = report.count("imported"), report.count("duplicate")
    failed = [r for r in report.results if r.status == "error"]
    headline = QCoreApplication.translate(
        "ImportSummary", "{imported}; {duplicates} already in the archive; {failed} failed."
    ).format(
        imported=phrases().imported(imported),
        duplicates=number(duplicates),
        failed=number(len(failed)),
    )
    failed_line = QCoreApplication.translate("ImportSummary", "{path}: failed")
    details = "\n".join(r.error or failed_line.format(path=r.path) for r in failed)
    return headline, details


def sample_files() -> list[str]:
    """The sample articles' paths (empty if they were not installed)."""
    if not SAMPLES.is_dir():
        return []
    return sorted(str(p) for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html", ".htm"))


class WelcomeView(QWidget):
    """Shown on an empty archive: import files, import a folder, or load the samples."""

    importFiles = Signal()
    importFolder = Signal()
    loadSamples = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Welcome")
        title = QLabel(self.tr("Welcome to Archivist"), self)
        title.setObjectName("WelcomeTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setWeight(font.Weight.DemiBold)
        title.setFont(font)
        text = QLabel(
            self.tr(
                "Import saved web articles — plain text, HTML or MHTML — then highlight passages, "
                "note their footnotes and export dossiers. Everything stays on this computer.\n\n"
                "Drop files or folders anywhere on this window, or:"
            ),
            self,
        )
        text.setWordWrap(True)
        text.setMaximumWidth(520)
        buttons = []
        for label, signal in (
            (self.tr("Import files…"), self.importFiles),
            (self.tr("Import a folder…"), self.importFolder),
            (self.tr("Load the sample articles"), self.loadSamples),
        ):
            button = QPushButton(label, self)
            button.setMinimumWidth(240)
            button.clicked.connect(signal)
            buttons.append(button)
        buttons[2].setEnabled(bool(sample_files()))
        buttons[2].setObjectName("LoadSamples")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(8)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(16)
        for button in buttons:
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)


class PreferencesDialog(QDialog):
    """Colour meanings (the legend), appearance and reading width."""

    def __init__(
        self,
        palette: tuple[PaletteColor, ...],
        appearance: str,
        reading_width: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        form = QFormLayout()
        self.meanings: dict[str, QLineEdit] = {}
        for pc in palette:
            field = QLineEdit(pc.meaning, self)
            # The swatch sits inside the field, on its reading-start side in either direction.
            field.addAction(color_icon(pc.color, 16), QLineEdit.ActionPosition.LeadingPosition)
            form.addRow(color_label(pc.color), field)
            self.meanings[pc.color] = field
        self.appearance = QComboBox(self)
        for value, label in APPEARANCES:
            self.appearance.addItem(self.tr(label), value)
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(appearance)))
        form.addRow(self.tr("Appearance"), self.appearance)
        self.reading_width = QSpinBox(self)
        self.reading_width.setRange(400, 1600)
        self.reading_width.setSingleStep(40)
        self.reading_width.setSuffix(self.tr(" px"))
        self.reading_width.setValue(reading_width)
        form.addRow(self.tr("Reading width"), self.reading_width)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("What each highlight colour means:"), self))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen_appearance(self) -> str:
        """The appearance setting chosen: "system", "light" or "dark"."""
        return str(self.appearance.currentData())

    def changed_meanings(self, palette: tuple[PaletteColor, ...]) -> dict[str, str]:
        """Colours whose meaning the user changed, with the new meaning."""
        return {
            pc.color: self.meanings[pc.color].text().strip()
            for pc in palette
            if pc.color in self.meanings and self.meanings[pc.color].text().strip() != pc.meaning
        }
