"""Qt's own texts (message-box buttons, file dialogs, context menus) in the desk's Danish.

Qt ships its Danish as `qtbase_da.qm` in PySide6's translations folder. A few of its words
differ from the desk's one spelling per word (resources/ordliste.toml, [[stavning]]):
Qt says "Annuller" and "Omgør" where every dialog of the desk says "Annullér" and "Gentag".
`DeskDanish` asks Qt's catalogue and then puts the desk's spelling on those few words, so
a message box's Annullér is the same word as a form's.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication

# Qt's word -> the desk's spelling of it (the Alt-letter kept where Qt has one).
SPELLING: dict[str, str] = {
    "Annuller": "Annullér",
    "&Annuller": "&Annullér",
    "&Omgør": "&Gentag",
    "Omgør": "Gentag",
    "Ignorer": "Ignorér",
}


def translations_folder() -> str:
    """PySide6's own translations folder (also inside the packaged desk)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


class DeskDanish(QTranslator):
    """Qt's Danish catalogue, with the desk's spelling of the words listed in SPELLING."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.qt = QTranslator(self)

    def load_danish(self) -> bool:
        danish = QLocale(QLocale.Language.Danish, QLocale.Country.Denmark)
        return self.qt.load(danish, "qtbase", "_", translations_folder())

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        text = self.qt.translate(context, source, disambiguation, n)
        # None (a null QString) means "not mine": Qt then asks the next translator or keeps
        # the source text; an empty string would blank every text Qt does not know.
        return SPELLING.get(text, text) if text else None

    def isEmpty(self) -> bool:
        return self.qt.isEmpty()


def install_qt_danish(app: QApplication) -> DeskDanish | None:
    """Install Qt's Danish on `app`; None when the catalogue is missing (Qt then speaks
    English in its own dialogs, and the packaged desk's smoke test says so)."""
    translator = DeskDanish(app)
    if not translator.load_danish():
        return None
    app.installTranslator(translator)
    return translator
