"""A protocol that answers ill-formed requests instead of dropping them.

pygls logs a request whose params do not match the LSP types and sends nothing
back, leaving the client waiting forever. We answer such a request with the
JSON-RPC error it deserves (InvalidParams) and carry on.
"""

from __future__ import annotations

import logging
from typing import Any

from pygls.exceptions import JsonRpcException
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.json_rpc import JsonRPCNotification

log = logging.getLogger("textsweep.lsp")

#: Notification pygls ignores quietly ("$/" methods need no handler).
_DROPPED = "$/textsweep/dropped"


class TextsweepProtocol(LanguageServerProtocol):
    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if "id" in data and "method" in data:
                log.warning("answering %s with %s", data.get("method"), type(exc).__name__)
                self._send_response(data["id"], None, exc.to_response_error())
            return JsonRPCNotification(method=_DROPPED, jsonrpc="2.0", params=None)
