"""Connecting to the team's server: no password in any URL, the keyring, TLS away from home."""

from __future__ import annotations

import logging

import pytest
from keyring_memory import MemoryKeyring

from kulturpunkt_desk.domain.errors import DeskError
from kulturpunkt_desk.storage.server_connection import (
    KEYRING_SERVICE,
    ServerAddress,
    ServerAddressError,
    forget_password,
    password_for,
    redact,
    remember_password,
    stored_password,
)
from kulturpunkt_desk.storage.server_probe import explain_connection_error


def test_password_typed_into_the_url_is_taken_out_and_never_shown() -> None:
    address, password = ServerAddress.from_url("postgresql+psycopg://anne:hemmelig@db.rn.dk/kp")
    assert password == "hemmelig"
    assert (address.user, address.host, address.port, address.database) == (
        "anne",
        "db.rn.dk",
        5432,
        "kp",
    )
    assert "hemmelig" not in address.text()
    assert "hemmelig" not in repr(address)
    assert "hemmelig" not in str(address.url())
    assert address.connect_args(password)["password"] == "hemmelig"


def test_redact_hides_passwords_in_urls_keywords_and_known_secrets() -> None:
    message = (
        "postgresql+psycopg://anne:s3cr3t@db/kp failed; dsn: host=db password='a b' "
        "user=anne; also hunter2"
    )
    cleaned = redact(message, "hunter2")
    assert "s3cr3t" not in cleaned and "a b'" not in cleaned and "hunter2" not in cleaned
    assert "anne:***@db" in cleaned


def test_another_host_gets_verified_tls() -> None:
    address, _ = ServerAddress.from_url("postgresql+psycopg://anne@db.rn.dk:5433/kp")
    args = address.connect_args(None)
    assert args["sslmode"] == "verify-full"
    assert args["sslrootcert"] == "system"
    assert "password" not in args
    assert address.tls_state().startswith("Krypteret")


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "::1", "/run/postgresql"])
def test_this_machine_needs_no_tls(host: str) -> None:
    address = ServerAddress(host=host, database="kp", user="anne")
    assert address.is_local
    assert "sslmode" not in address.connect_args(None)
    assert "kryptering ikke nødvendig" in address.tls_state()


def test_weak_tls_to_another_host_is_refused_unless_chosen_knowingly() -> None:
    with pytest.raises(ServerAddressError, match="--uden-tls"):
        ServerAddress.from_url("postgresql+psycopg://anne@db.rn.dk/kp?sslmode=prefer")
    address, _ = ServerAddress.from_url("postgresql+psycopg://anne@db.rn.dk/kp", tls=False)
    assert address.connect_args(None)["sslmode"] == "disable"
    assert "IKKE krypteret" in address.tls_state()


def test_the_ca_file_from_it_is_used_to_check_the_certificate() -> None:
    address, _ = ServerAddress.from_url(
        "postgresql+psycopg://anne@db.rn.dk/kp?sslrootcert=/etc/region-ca.pem"
    )
    assert address.connect_args(None)["sslrootcert"] == "/etc/region-ca.pem"


@pytest.mark.parametrize(
    ("url", "part"),
    [
        ("postgresql+psycopg://db.rn.dk/kp", "login"),
        ("postgresql+psycopg://anne@db.rn.dk/", "database"),
        ("sqlite:///x.sqlite", "PostgreSQL"),
    ],
)
def test_an_incomplete_address_names_what_is_missing(url: str, part: str) -> None:
    with pytest.raises(ServerAddressError, match=part):
        ServerAddress.from_url(url)


def test_password_is_kept_in_the_keyring_under_login_host_port_database(
    memory_keyring: MemoryKeyring,
) -> None:
    address, _ = ServerAddress.from_url("postgresql+psycopg://anne@db.rn.dk/kp")
    assert stored_password(address) is None
    remember_password(address, "kodeord-anne")
    assert memory_keyring.store == {(KEYRING_SERVICE, "anne@db.rn.dk:5432/kp"): "kodeord-anne"}
    assert password_for(address) == "kodeord-anne"
    forget_password(address)
    assert password_for(address, lambda question: "skrevet") == "skrevet"


def test_without_a_keyring_the_user_is_asked_and_told_it_cannot_be_kept() -> None:
    # conftest installs keyring's fail backend: no keyring at all.
    address = ServerAddress(host="db.rn.dk", database="kp", user="anne")
    asked: list[str] = []
    assert password_for(address, lambda q: asked.append(q) or "skrevet") == "skrevet"
    assert asked == ["Adgangskode for anne@db.rn.dk:5432/kp: "]
    with pytest.raises(DeskError, match="nøglering"):
        remember_password(address, "x")


@pytest.mark.parametrize(
    ("libpq_says", "danish"),
    [
        ('FATAL:  password authentication failed for user "anne"', "adgangskoden er forkert"),
        (
            'could not translate host name "dbx" to address: Name or service not known',
            "findes ikke",
        ),
        ("server does not support SSL, but SSL was required", "tilbyder ikke kryptering"),
        ('FATAL:  database "kp" does not exist', "Databasen kp findes ikke"),
    ],
)
def test_connection_failures_are_told_in_danish(libpq_says: str, danish: str) -> None:
    address = ServerAddress(host="db.rn.dk", database="kp", user="anne")
    error = explain_connection_error(Exception(libpq_says), address, "pw")
    assert danish in str(error)


def test_an_unknown_failure_never_shows_the_password(caplog: pytest.LogCaptureFixture) -> None:
    address = ServerAddress(host="db.rn.dk", database="kp", user="anne")
    caplog.set_level(logging.DEBUG)
    error = explain_connection_error(
        Exception("weird: postgresql://anne:topsecret@db/kp password=topsecret"),
        address,
        "topsecret",
    )
    assert "topsecret" not in str(error)
