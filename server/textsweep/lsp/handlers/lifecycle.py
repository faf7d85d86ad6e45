"""``initialize`` and ``initialized``: client facts, warm-up, file watchers."""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import Future
from typing import TYPE_CHECKING

from lsprotocol import types as lsp

from ...settings import WATCH_GLOBS
from .workspace import IGNORE_GLOBS

if TYPE_CHECKING:
    from ..server import TextsweepServer

log = logging.getLogger("textsweep.lsp")

#: The id of our one dynamic registration (settings files to watch).
WATCH_REGISTRATION_ID = "textsweep-settings-files"


def initialize(ls: TextsweepServer, params: lsp.InitializeParams) -> None:
    init = params.initialization_options
    if isinstance(init, dict):
        forced = init.get("positionEncoding")
        if forced in ("utf-8", "utf-16", "utf-32"):
            ls.forced_encoding = forced
        settings = {k: v for k, v in init.items() if k != "positionEncoding"}
        ls.pushed_settings = init.get("textsweep", settings)


async def initialized(ls: TextsweepServer, params: lsp.InitializedParams) -> None:
    if ls._supports("workspace", "did_change_watched_files", "dynamic_registration"):
        # Not awaited: a client slow to answer must not delay the warm-up.
        ls.client_register_capability(
            lsp.RegistrationParams(
                registrations=[
                    lsp.Registration(
                        id=WATCH_REGISTRATION_ID,
                        method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                        register_options=lsp.DidChangeWatchedFilesRegistrationOptions(
                            watchers=[
                                lsp.FileSystemWatcher(glob_pattern=g)
                                for g in (*WATCH_GLOBS, *IGNORE_GLOBS)
                            ]
                        ),
                    )
                ]
            )
        ).add_done_callback(_log_failure)
    await warm_up_when_idle(ls)


#: The warm-up waits this long after ``initialized``: an editor opens its
#: documents right away, and their lints go first.
WARM_UP_DELAY = 0.3
#: How often a waiting warm-up looks whether the server is idle.
IDLE_POLL = 0.2
#: Idle means no lint pending and no message from the client for this long: a
#: step started between a keystroke and the formatting request that followed it
#: delayed the request by the step (fix-all on 1 MB: 0.07 -> 0.10 s).
IDLE_FOR = 1.0


async def warm_up_when_idle(ls: TextsweepServer) -> None:
    """Load ftfy, markdown-it-py, Pygments and chardet's models off the loop, one
    step at a time and only while no lint is scheduled or running, so that a later
    document that needs one does not pay for it.

    A step never runs beside a lint: two threads share one interpreter, and the
    warm-up started right after ``initialized`` delayed the first document's
    diagnostics by its own time (1 MB: 0.41 s without it, 0.48 s beside it). It
    used to stop for good once a document was open, so the second document of
    another kind (Markdown after plain text) still paid the imports."""
    from ...engine.caches import warm_up_steps

    loop = asyncio.get_running_loop()
    await asyncio.sleep(WARM_UP_DELAY)
    for step in warm_up_steps():
        while _busy(ls):
            await asyncio.sleep(IDLE_POLL)
        try:
            await loop.run_in_executor(ls.executor, step)
        except Exception:
            log.exception("warming up failed")  # the server is only slower: stop here
            return


def _busy(ls: TextsweepServer) -> bool:
    """A lint is scheduled or running, or the client spoke less than IDLE_FOR ago."""
    if any(not t.done() for t in ls.tasks.values()):
        return True
    last = getattr(ls.protocol, "last_message", None)  # a TextsweepProtocol's
    return last is not None and time.monotonic() - last < IDLE_FOR


def _log_failure(fut: Future[None]) -> None:
    exc = None if fut.cancelled() else fut.exception()
    if exc is not None:
        log.warning("the client refused to watch settings files: %s", exc)
