"""Filer > Forbind til server…: the team's PostgreSQL database instead of a file.

The consultant types the server's address and their own login; the password goes to the
system keyring only when "Husk adgangskoden" is ticked, otherwise it lives in this process
alone. How the connection is protected is said in words beside the fields. "Test
forbindelsen" logs in and reads the schema version; Forbind does the same and then the
window reopens on the server (MainWindow.switch_database). Every rule (TLS, keyring,
messages) is storage/server_connection.py's and server_probe.py's, as for the CLI.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.errors import DeskError
from kulturpunkt_desk.storage.server_connection import (
    DEFAULT_PORT,
    NO_TLS_WARNING,
    ServerAddress,
    allow_without_tls,
    remember_password,
    stored_password,
    use_password,
)
from kulturpunkt_desk.storage.server_probe import ProbeResult, probe

from . import preferences
from .accessibility import label_field
from .dialog_buttons import ok_cancel
from .scale import chars_wide

# The last server connected to (its address, never a password), to fill the form next time.
LAST_SERVER = "server/last_address"


class ServerDialog(QDialog):
    """Asks for the server and the login; `url` is the address to open after Forbind."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Forbind til server")
        self.url: str | None = None
        self.host = QLineEdit()
        self.host.setMinimumWidth(chars_wide(self.host, 36))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit()
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox("&Husk adgangskoden (i systemets nøglering)")
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText("systemets betroede udstedere")
        self.choose_ca = QPushButton("&Vælg…")
        self.choose_ca.setAccessibleName("Vælg CA-certifikat")
        self.choose_ca.clicked.connect(self._choose_ca)
        self.without_tls = QCheckBox("Forbind &uden kryptering (frarådes)")
        # One line (a wrapped label in a form row gets cut at large fonts).
        self.tls_state = QLabel()
        self.tls_state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.test_button = QPushButton("&Test forbindelsen")
        self.test_button.clicked.connect(self.test_connection)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setAccessibleName("Resultat af testen")
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)

        form = QFormLayout()
        for text, field in (
            ("Væ&rt:", self.host),
            ("&Port:", self.port),
            ("&Database:", self.database),
            ("&Login:", self.user),
            ("&Adgangskode:", self.password),
        ):
            label = QLabel(text)
            label_field(label, field)
            form.addRow(label, field)
        form.addRow("", self.remember)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.choose_ca)
        ca_label = QLabel("&CA-certifikat fra IT:")
        label_field(ca_label, self.ca_file)
        form.addRow(ca_label, ca_row)
        form.addRow("", self.without_tls)
        tls_label = QLabel("Kryptering:")
        label_field(tls_label, self.tls_state)
        form.addRow(tls_label, self.tls_state)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.outcome)
        buttons = ok_cancel(self, "&Forbind", self.connect_and_accept)
        layout.addWidget(buttons)

        for field in (self.host, self.database, self.user, self.ca_file):
            field.textChanged.connect(self._show_tls_state)
        self.port.valueChanged.connect(self._show_tls_state)
        self.without_tls.toggled.connect(self._tls_toggled)
        self._fill_from_last()
        self._show_tls_state()

    # --- the address ------------------------------------------------------------------------

    def address(self) -> ServerAddress:
        """The typed address, checked (ServerAddressError names what is missing)."""
        ca = self.ca_file.text().strip()
        address = ServerAddress(
            host=self.host.text().strip(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            port=self.port.value(),
            tls=not self.without_tls.isChecked(),
            ca_file=Path(ca) if ca else None,
        )
        address.validate()
        return address

    def _fill_from_last(self) -> None:
        last = preferences.settings().value(LAST_SERVER)
        if not isinstance(last, str) or not last:
            return
        try:
            address, _ = ServerAddress.from_url(last, tls=True)
        except DeskError:
            return
        self.host.setText(address.host)
        self.port.setValue(address.port)
        self.database.setText(address.database)
        self.user.setText(address.user)
        if address.ca_file is not None:
            self.ca_file.setText(str(address.ca_file))
        if stored_password(address):
            self.remember.setChecked(True)
            self.password.setPlaceholderText("gemt i nøgleringen")

    def _show_tls_state(self) -> None:
        host = self.host.text().strip()
        if not host:
            self.tls_state.setText("Skriv serverens værtsnavn.")
            return
        address = ServerAddress(
            host=host, database="-", user="-", tls=not self.without_tls.isChecked()
        )
        self.tls_state.setText(address.tls_state() + ".")

    def _tls_toggled(self, checked: bool) -> None:
        if checked:
            where = self.host.text().strip() or "serveren"
            QMessageBox.warning(self, "Uden kryptering", NO_TLS_WARNING.format(where=where))
        self._show_tls_state()

    def _choose_ca(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "CA-certifikat fra IT", "", "Certifikater (*.pem *.crt *.cer);;Alle filer (*)"
        )
        if name:
            self.ca_file.setText(name)

    # --- testing and connecting ------------------------------------------------------------

    def _password(self, address: ServerAddress) -> str | None:
        return self.password.text() or stored_password(address)

    def _probe(self) -> tuple[ServerAddress, ProbeResult] | None:
        """Log in once; the outcome is shown in words below the button. None: it failed."""
        try:
            address = self.address()
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                found = probe(address, self._password(address))
            finally:
                QGuiApplication.restoreOverrideCursor()
        except DeskError as exc:
            self._say(f"Fejl: {exc}")
            return None
        self._say(found.message)
        # What the server says about this very connection, not only what was asked for.
        self.tls_state.setText(
            "Forbindelsen er krypteret (TLS)." if found.encrypted else address.tls_state() + "."
        )
        return address, found

    def _say(self, text: str) -> None:
        """Show the outcome and have a screen reader say it (a status message, WCAG 4.1.3)."""
        self.outcome.setText(text)
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.outcome, text))

    def test_connection(self) -> None:
        self._probe()

    def connect_and_accept(self) -> None:
        """Forbind: test, keep the password as asked, remember the address, close."""
        tested = self._probe()
        if tested is None:
            return
        address, found = tested
        if not found.usable:
            return  # the message says why (an empty database, another schema version)
        typed = self.password.text()
        if typed:
            use_password(address, typed)
            if self.remember.isChecked():
                try:
                    remember_password(address, typed)
                except DeskError as exc:
                    QMessageBox.warning(self, "Nøglering", str(exc))
        if not address.tls:
            allow_without_tls(address)
        self.url = address.text()
        store = preferences.settings()
        store.setValue(LAST_SERVER, self.url)
        store.sync()
        self.accept()
