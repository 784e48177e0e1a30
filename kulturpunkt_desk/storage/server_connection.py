"""Where the team's PostgreSQL server is, how the desk logs in, and TLS: safely by default.

    address, typed = ServerAddress.from_url("postgresql+psycopg://anne@db.rn.dk/kulturpunkt")
    password = typed or password_for(address, prompt)   # the keyring, else ask
    engine_url, connect_args = address.url(), address.connect_args(password)

Rules kept here, in one place:
- A password never travels inside a URL the desk keeps, logs or shows: `from_url` takes it
  out, `ServerAddress.text()` has none, and `redact` scrubs every message passed on.
- The password is kept in the system keyring (service "Kulturpunkt Desk", user
  "login@host:port/database"), never in settings or files.
- Any host but this machine (localhost, 127.0.0.1, ::1 or a Unix socket folder) gets TLS with
  `sslmode=verify-full`: the server must show a certificate from a trusted authority for
  exactly the host name typed. `require` alone encrypts but lets anyone in the middle who
  shows any certificate read the data, so it is accepted only when written into the URL
  knowingly; `disable`/`allow`/`prefer` (or no TLS at all) need `tls=False`, which the
  user sets with `--uden-tls` or the dialog's box, and which is warned about.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from kulturpunkt_desk.domain.errors import DeskError

log = logging.getLogger(__name__)

KEYRING_SERVICE = "Kulturpunkt Desk"
DEFAULT_PORT = 5432
DRIVER = "postgresql+psycopg"
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
# sslmode values by strength; only the first two are TLS that cannot silently be skipped.
STRONG_TLS = ("verify-full", "verify-ca", "require")
WEAK_TLS = ("disable", "allow", "prefer")
# libpq 16+ reads the operating system's trusted authorities for "system".
SYSTEM_CA = "system"

NO_TLS_WARNING = (
    "Advarsel: forbindelsen til {where} er ikke krypteret (--uden-tls). Adgangskoden og "
    "alle data kan læses af andre på netværket. Brug det kun på et netværk, du stoler på, "
    "og bed IT om at slå TLS til på serveren."
)


class ServerAddressError(DeskError):
    """The server's address cannot be used as typed; the message names the part."""


@dataclass(frozen=True)
class ServerAddress:
    """A PostgreSQL database and the login to use, never with a password.

    `host` is a name, an IP address or a Unix socket folder (starting with "/").
    `sslmode` None means the policy's choice (verify-full away from this machine).
    """

    host: str
    database: str
    user: str
    port: int = DEFAULT_PORT
    tls: bool = True
    sslmode: str | None = None
    ca_file: Path | None = None

    @classmethod
    def from_url(cls, url: str, *, tls: bool | None = None) -> tuple[ServerAddress, str | None]:
        """The address in a `postgresql+psycopg://login@host[:port]/database` URL and the
        password typed into it, if any (to be used once, never stored). `tls` None: as
        this process was told (`allow_without_tls`), else required away from here."""
        try:
            parsed = make_url(url)
        except ArgumentError as exc:
            raise ServerAddressError(
                f"Serveradressen {redact(url)} kan ikke læses. Skriv den som "
                "postgresql+psycopg://login@vært/database."
            ) from exc
        if not parsed.drivername.startswith("postgresql"):
            raise ServerAddressError(
                f"Serveradressen {redact(url)} er ikke en PostgreSQL-adresse "
                "(den skal begynde med postgresql+psycopg://)."
            )
        query = dict(parsed.query)
        host = parsed.host or _single(query.get("host")) or ""
        ca_file = _single(query.get("sslrootcert"))
        address = cls(
            host=host,
            database=parsed.database or "",
            user=parsed.username or "",
            port=parsed.port or DEFAULT_PORT,
            sslmode=_single(query.get("sslmode")),
            ca_file=Path(ca_file) if ca_file and ca_file != SYSTEM_CA else None,
        )
        if tls is None:
            tls = address.keyring_user not in _WITHOUT_TLS
        address = replace(address, tls=tls)
        address.validate()
        return address, parsed.password if isinstance(parsed.password, str) else None

    def password(self) -> str | None:
        """The password typed in this process, else the keyring's; None: libpq's own
        places (PGPASSWORD, .pgpass) or no password at all."""
        return _TYPED.get(self.keyring_user) or stored_password(self)

    def validate(self) -> None:
        """Every part there; a weak TLS mode away from this machine only when chosen knowingly."""
        missing = [
            label
            for label, value in (("vært", self.host), ("database", self.database))
            if not value
        ]
        if not self.user:
            missing.append("login")
        if missing:
            raise ServerAddressError(
                f"Serveradressen mangler {' og '.join(missing)}. Skriv den som "
                "postgresql+psycopg://login@vært/database."
            )
        if not 0 < self.port < 65536:
            raise ServerAddressError(f"Porten {self.port} findes ikke (1–65535).")
        known = STRONG_TLS + WEAK_TLS
        if self.sslmode is not None and self.sslmode not in known:
            raise ServerAddressError(
                f"sslmode={self.sslmode} kendes ikke; brug en af {', '.join(known)}."
            )
        if self.tls and not self.is_local and self.sslmode in WEAK_TLS:
            raise ServerAddressError(
                f"Forbindelsen til {self.host} skal være krypteret (TLS), men adressen siger "
                f"sslmode={self.sslmode}. Fjern det, eller brug --uden-tls, hvis du bevidst "
                "vil forbinde ukrypteret."
            )

    @property
    def is_local(self) -> bool:
        """This machine: a loopback name or address, or a Unix socket folder."""
        return self.host.startswith("/") or self.host.lower() in LOCAL_HOSTS

    @property
    def keyring_user(self) -> str:
        """The keyring entry's user name: one password per login and database."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def text(self) -> str:
        """The address as the desk shows, logs and remembers it: never a password."""
        return self.url().render_as_string(hide_password=True)

    def describe(self) -> str:
        """Short form for messages: login@host:port/database."""
        return self.keyring_user

    def effective_sslmode(self) -> str | None:
        """What libpq is told: None leaves libpq's own default (on this machine only)."""
        if self.sslmode is not None and (self.tls or self.sslmode in WEAK_TLS):
            return self.sslmode
        if not self.tls:
            return "disable" if not self.is_local else None
        return None if self.is_local else "verify-full"

    def url(self) -> URL:
        """SQLAlchemy's URL without password; a socket folder goes in the query."""
        query: dict[str, str] = {}
        socket = self.host.startswith("/")
        if socket:
            query["host"] = self.host
        if self.sslmode is not None:
            query["sslmode"] = self.sslmode
        if self.ca_file is not None:
            query["sslrootcert"] = str(self.ca_file)
        return URL.create(
            DRIVER,
            username=self.user,
            host=None if socket else self.host,
            port=None if socket or self.port == DEFAULT_PORT else self.port,
            database=self.database,
            query=query,
        )

    def connect_args(self, password: str | None) -> dict[str, Any]:
        """psycopg's connection arguments: the TLS policy, and the password outside any URL."""
        args: dict[str, Any] = {"connect_timeout": 10, "application_name": "Kulturpunkt Desk"}
        if self.host.startswith("/") and self.port != DEFAULT_PORT:
            args["port"] = self.port
        mode = self.effective_sslmode()
        if mode is not None:
            args["sslmode"] = mode
            if mode in ("verify-full", "verify-ca"):
                args["sslrootcert"] = str(self.ca_file) if self.ca_file else SYSTEM_CA
        if password:
            args["password"] = password
        return args

    def tls_state(self) -> str:
        """The connection's protection in words (never colour alone)."""
        mode = self.effective_sslmode()
        if mode == "verify-full":
            return "Krypteret (TLS), og serverens certifikat kontrolleres"
        if mode in ("verify-ca", "require"):
            return "Krypteret (TLS), men serverens navn kontrolleres ikke"
        if mode is None and self.is_local:
            return "Denne computer: kryptering ikke nødvendig"
        return "IKKE krypteret: slået fra med vilje"

    def without_tls(self) -> ServerAddress:
        return replace(self, tls=False)


def _single(value: object) -> str | None:
    if isinstance(value, tuple):
        value = value[0] if value else None
    return str(value) if value else None


# --- this process's logins ---------------------------------------------------------------

# Passwords typed once (at a prompt, in the dialog, in a URL) and TLS turned off knowingly,
# by keyring user. Only in this process's memory: never written anywhere.
_TYPED: dict[str, str] = {}
_WITHOUT_TLS: set[str] = set()


def use_password(address: ServerAddress, password: str) -> None:
    """Use `password` for this login for as long as the desk runs (not kept afterwards)."""
    _TYPED[address.keyring_user] = password


def allow_without_tls(address: ServerAddress) -> str:
    """Let this process connect to `address` unencrypted; returns the warning to show."""
    _WITHOUT_TLS.add(address.keyring_user)
    return NO_TLS_WARNING.format(where=address.describe())


def login_for(url: str) -> ServerAddress:
    """The address in `url`, remembering a password typed into it for this process."""
    address, typed = ServerAddress.from_url(url)
    if typed:
        use_password(address, typed)
    return address


def forget_session_logins() -> None:
    """Forget typed passwords and TLS choices (the tests start each from nothing)."""
    _TYPED.clear()
    _WITHOUT_TLS.clear()


# --- passwords --------------------------------------------------------------------------


def stored_password(address: ServerAddress) -> str | None:
    """The password the keyring holds for this login, or None (no keyring: None too)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, address.keyring_user)
    except KeyringError as exc:
        log.info("Nøgleringen kunne ikke læses: %s", exc)  # no keyring: asked instead
        return None


def remember_password(address: ServerAddress, password: str) -> None:
    """Keep the password in the system keyring; a missing keyring is told in Danish."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, address.keyring_user, password)
    except KeyringError as exc:
        raise DeskError(
            "Adgangskoden kunne ikke gemmes i systemets nøglering (ingen nøglering fundet). "
            "Du bliver spurgt om den, hver gang du forbinder."
        ) from exc


def forget_password(address: ServerAddress) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    # Nothing stored is nothing to forget.
    with contextlib.suppress(PasswordDeleteError, KeyringError):
        keyring.delete_password(KEYRING_SERVICE, address.keyring_user)


def password_for(address: ServerAddress, prompt: Callable[[str], str] | None = None) -> str | None:
    """The keyring's password, else what `prompt` returns (the CLI asks on the terminal);
    None lets libpq look in its own places (PGPASSWORD, the .pgpass file)."""
    found = stored_password(address)
    if found is not None or prompt is None:
        return found
    return prompt(f"Adgangskode for {address.describe()}: ") or None


# --- messages ---------------------------------------------------------------------------

_URL_PASSWORD = re.compile(r"(://[^:/@\s]*:)[^@\s]*@")
_KEYWORD_PASSWORD = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE)


def redact(text: str, *secrets: str | None) -> str:
    """`text` with every password hidden: in URLs, in `password=` pairs and `secrets`."""
    text = _URL_PASSWORD.sub(r"\1***@", text)
    text = _KEYWORD_PASSWORD.sub(r"\1***", text)
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text
