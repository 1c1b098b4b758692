"""TLS to a pinned address: the certificate and SNI are those of the name, the socket that of the checked address."""

from __future__ import annotations

import asyncio
import shutil
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from refcheck.net.connect import PinnedTransport, Pins
from refcheck.net.policy import Policy
from refcheck.net.probe import Prober

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command to make a certificate")


def certificate(folder, name):
    cert, key = folder / f"{name}.pem", folder / f"{name}.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", f"/CN={name}",
                    "-addext", f"subjectAltName=DNS:{name}"], check=True, capture_output=True)
    return cert, key


@pytest.fixture
def https_server(tmp_path):
    cert, key = certificate(tmp_path, "secure.test")
    seen = {"sni": [], "host": []}

    class Handler(BaseHTTPRequestHandler):
        def do_HEAD(self):
            seen["host"].append(self.headers.get("Host"))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda sock, name, ctx: seen["sni"].append(name)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield httpd.server_address[1], cert, seen
    httpd.shutdown()
    httpd.server_close()


def probe_with(resolver, url, cafile):
    async def go():
        pins = Pins(resolver)
        transport = PinnedTransport(pins, httpx.Limits(), ssl.create_default_context(cafile=str(cafile)))
        async with httpx.AsyncClient(transport=transport) as client:
            return await Prober(client, Policy(allow_private=True), pins=pins).probe(url), transport.backend.connected

    return asyncio.run(go())


async def loopback(host):
    return ["127.0.0.1"]


def test_sni_host_header_and_certificate_use_the_name(https_server):
    port, cert, seen = https_server
    status, connected = probe_with(loopback, f"https://secure.test:{port}/", cert)
    assert status.status == "alive"
    assert seen["sni"] == ["secure.test"] and seen["host"] == [f"secure.test:{port}"]
    assert connected == [("secure.test", "127.0.0.1", port)]


def test_a_certificate_for_another_name_fails_even_at_the_right_address(https_server, tmp_path):
    port, cert, seen = https_server
    status, _ = probe_with(loopback, f"https://other.test:{port}/", cert)
    assert status.status == "error" and status.reason.startswith("TLS failure: ")
    assert seen["host"] == []
