"""``initialize`` and ``initialized``: client facts, warm-up, file watchers."""

from __future__ import annotations

import asyncio
import logging
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
    # Load chardet's models, ftfy, markdown-it-py and Pygments now, off the loop,
    # so the first document that needs one does not pay for it; stop as soon as a
    # document is open (its lint loads what it needs, and must not share the
    # interpreter with a warm-up: didOpen right after initialized waited for it).
    from ...engine.caches import warm_up

    def busy() -> bool:
        return bool(ls.docs)

    await asyncio.get_running_loop().run_in_executor(ls.executor, warm_up, busy)


def _log_failure(fut: Future[None]) -> None:
    exc = None if fut.cancelled() else fut.exception()
    if exc is not None:
        log.warning("the client refused to watch settings files: %s", exc)
