"""``serve --tcp HOST:PORT``: localhost only.

The TCP mode is for debugging a client. The protocol has no authentication and the
server reads files and answers about them, so listening on another interface would
offer that to the network: any other host is refused with a message saying why.
"""

from __future__ import annotations

import ipaddress

LOCAL_NAMES = frozenset({"", "localhost", "localhost.localdomain", "ip6-localhost"})


def tcp_address(spec: str) -> tuple[str, int]:
    """``(host, port)`` from ``HOST:PORT``, ``:PORT`` or ``PORT``; ValueError if the
    host is not a loopback address or the port not a number."""
    host, sep, port_text = spec.rpartition(":")
    if not sep:
        host, port_text = "", spec
    host = host.strip("[]")
    try:
        port = int(port_text)
    except ValueError:
        raise ValueError(f"--tcp {spec}: the port is not a number") from None
    if not 0 <= port <= 65535:
        raise ValueError(f"--tcp {spec}: the port is out of range")
    if host.lower() in LOCAL_NAMES:
        return ("127.0.0.1" if host in ("", "localhost.localdomain") else host), port
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ValueError(
            f"--tcp {spec}: the server listens on localhost only (127.0.0.1, ::1): "
            "it has no authentication and reads files for its client"
        )
    return host, port
