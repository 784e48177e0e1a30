"""TLS against a real server on another address: the certificate and the host name are
checked, a server without TLS is refused, and unencrypted works only when chosen.

127.0.0.2 and 127.0.0.3 are this machine too, but not among the names the desk treats as
local, so the desk's policy for another computer applies to them.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from postgres_server import PostgresServer, find_bin

from kulturpunkt_desk.cli import main
from kulturpunkt_desk.storage.server_connection import ServerAddress
from kulturpunkt_desk.storage.server_probe import ServerConnectionError, probe

CERTIFIED = "127.0.0.2"  # in the server's certificate
UNCERTIFIED = "127.0.0.3"  # the same server, a name its certificate does not hold


@dataclass
class TlsServer:
    server: PostgresServer
    port: int
    ca_file: Path

    def address(self, host: str = CERTIFIED, *, ca: bool = True, tls: bool = True) -> ServerAddress:
        return ServerAddress(
            host=host,
            port=self.port,
            database="postgres",
            user=self.server.user,
            tls=tls,
            ca_file=self.ca_file if ca else None,
        )

    def set_ssl(self, on: bool) -> None:
        import psycopg

        with psycopg.connect(
            host=str(self.server.socket_dir),
            port=self.port,
            user=self.server.user,
            dbname="postgres",
            autocommit=True,
        ) as conn:
            conn.execute(f"ALTER SYSTEM SET ssl = {'on' if on else 'off'}")  # type: ignore[arg-type]
            conn.execute("SELECT pg_reload_conf()")


def _openssl(*args: str) -> None:
    subprocess.run(["openssl", *args], check=True, capture_output=True)


def _certificates(folder: Path) -> None:
    """A test CA, and a server certificate it signed for CERTIFIED only."""
    _openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=Kulturpunkt test-CA",
        "-keyout",
        str(folder / "ca.key"),
        "-out",
        str(folder / "ca.crt"),
    )
    _openssl(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        f"/CN={CERTIFIED}",
        "-keyout",
        str(folder / "server.key"),
        "-out",
        str(folder / "server.csr"),
    )
    (folder / "san.ext").write_text(f"subjectAltName=IP:{CERTIFIED}\n", encoding="utf-8")
    _openssl(
        "x509",
        "-req",
        "-in",
        str(folder / "server.csr"),
        "-CA",
        str(folder / "ca.crt"),
        "-CAkey",
        str(folder / "ca.key"),
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        str(folder / "san.ext"),
        "-out",
        str(folder / "server.crt"),
    )


def _free_port() -> int:
    with socket.socket() as probe_socket:
        probe_socket.bind((CERTIFIED, 0))
        return int(probe_socket.getsockname()[1])


@pytest.fixture(scope="module")
def tls_server() -> Iterator[TlsServer]:
    bin_dir = find_bin()
    if bin_dir is None or shutil.which("openssl") is None:
        pytest.skip("PostgreSQL eller openssl er ikke installeret")
    server = PostgresServer(bin_dir)
    server.start()
    try:
        certs = server.root / "certs"
        certs.mkdir()
        _certificates(certs)
        if server.as_root:
            for path in (certs, *certs.iterdir()):
                shutil.chown(path, "postgres")
        (certs / "server.key").chmod(0o600)
        hba = server.data / "pg_hba.conf"
        hba.write_text(
            "host all all 127.0.0.0/8 trust\n" + hba.read_text(encoding="utf-8"),
            encoding="utf-8",
        )
        port = _free_port()
        server._run("pg_ctl", "-D", str(server.data), "-m", "fast", "-w", "stop")
        # TLS in the configuration file, so ALTER SYSTEM can turn it off for one test.
        with (server.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write(
                f"ssl = on\nssl_cert_file = '{certs / 'server.crt'}'\n"
                f"ssl_key_file = '{certs / 'server.key'}'\n"
            )
        options = (
            f"-c listen_addresses='{CERTIFIED},{UNCERTIFIED}' -c port={port} "
            f"-c unix_socket_directories='{server.socket_dir}' -c fsync=off"
        )
        server._run(
            "pg_ctl", "-D", str(server.data), "-l", str(server.log), "-o", options, "-w", "start"
        )
        yield TlsServer(server, port, certs / "ca.crt")
    finally:
        server.stop()


def test_another_computer_is_reached_only_with_a_checked_certificate(
    tls_server: TlsServer,
) -> None:
    address = tls_server.address()
    assert not address.is_local
    assert address.connect_args(None)["sslmode"] == "verify-full"
    found = probe(address, None)
    assert found.encrypted
    assert "krypteret (TLS)" in found.message


def test_a_certificate_from_an_unknown_authority_is_refused(tls_server: TlsServer) -> None:
    with pytest.raises(ServerConnectionError) as caught:
        probe(tls_server.address(ca=False), None)  # the system's authorities only
    assert caught.value.code == "certifikat"


def test_a_certificate_for_another_name_is_refused(tls_server: TlsServer) -> None:
    with pytest.raises(ServerConnectionError, match=r"gælder ikke for navnet 127\.0\.0\.3"):
        probe(tls_server.address(UNCERTIFIED), None)


def test_a_server_without_tls_is_refused_unless_the_user_chose_so(
    tls_server: TlsServer, capsys: pytest.CaptureFixture[str]
) -> None:
    tls_server.set_ssl(False)
    try:
        with pytest.raises(ServerConnectionError, match="tilbyder ikke kryptering"):
            probe(tls_server.address(), None)
        found = probe(tls_server.address(tls=False), None)  # --uden-tls
        assert not found.encrypted
        assert "ikke krypteret" in found.message
        # The same from the command line: refused, then allowed with --uden-tls and a warning.
        url = tls_server.address().text()
        assert main(["check", "--db", url]) == 1
        refused = capsys.readouterr()
        assert "tilbyder ikke kryptering" in refused.out + refused.err
        main(["check", "--db", url, "--uden-tls"])
        allowed = capsys.readouterr()
        assert "Advarsel: forbindelsen til" in allowed.err
        assert "PostgreSQL-version" in allowed.out
    finally:
        tls_server.set_ssl(True)
