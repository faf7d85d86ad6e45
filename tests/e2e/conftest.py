"""Start the real server over stdio for every end-to-end test.

Each test runs against several client capability profiles (VS Code, Neovim 0.11
which negotiates UTF-8 and pulls diagnostics, Neovim 0.7 which speaks UTF-16).
"""

from __future__ import annotations

import sys
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import make_test_lsp_client

SERVER = [sys.executable, "-m", "textsweep", "serve", "--stdio"]
PROFILES = ["visual-studio-code", "neovim@v0.11.0", "neovim@v0.7.0"]


def make_client() -> LanguageClient:
    """The test client, also recording pushed diagnostics (versions, counts) and the
    capabilities the server registers dynamically."""
    client = make_test_lsp_client()
    client._versions = {}  # type: ignore[attr-defined]
    client.push_count = 0  # type: ignore[attr-defined]

    def publish(params: lsp.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client._versions[params.uri] = params.version  # type: ignore[attr-defined]
        client.push_count += 1  # type: ignore[attr-defined]

    client.protocol.fm.features[lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish
    client.registrations = []  # type: ignore[attr-defined]

    @client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
    def register(params: lsp.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    return client


CONFIG = ClientServerConfig(server_command=SERVER, client_factory=make_client)


@pytest_lsp.fixture(config=CONFIG, params=PROFILES)
async def client(lsp_client: LanguageClient, request: Any) -> Any:
    caps = client_capabilities(request.param)
    result = await lsp_client.initialize_session(
        lsp.InitializeParams(capabilities=caps, root_uri=None)
    )
    lsp_client.init_result = result  # type: ignore[attr-defined]
    lsp_client.profile = request.param  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def tmp_uri(tmp_path: Any) -> Any:
    def make(name: str, content: str | bytes | None = None) -> str:
        p = tmp_path / name
        if content is not None:
            if isinstance(content, str):
                p.write_text(content, encoding="utf-8", newline="")
            else:
                p.write_bytes(content)
        return str(p.as_uri())

    return make
