"""The server's warm-up: never beside a lint, and not given up once a document is open."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading

import pytest

from textsweep.engine import caches
from textsweep.lsp.handlers import lifecycle
from textsweep.lsp.server import TextsweepServer


def test_warm_up_waits_for_the_lints_then_runs_every_step(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(lifecycle, "WARM_UP_DELAY", 0.01)
    monkeypatch.setattr(lifecycle, "IDLE_POLL", 0.01)
    ran: list[str] = []
    linting = threading.Event()

    def step(name: str) -> None:
        assert not linting.is_set(), f"{name} ran beside a lint"
        ran.append(name)

    def failing() -> None:
        ran.append("failing")
        raise RuntimeError("a broken sample")

    monkeypatch.setattr(caches, "warm_up_steps", lambda: [lambda: step("one"), lambda: step("two")])
    ls = TextsweepServer()

    async def run() -> None:
        lint_done = asyncio.get_running_loop().create_future()
        linting.set()

        async def lint() -> None:
            await lint_done

        ls.tasks["untitled:a.txt"] = asyncio.get_running_loop().create_task(lint())
        warm = asyncio.get_running_loop().create_task(lifecycle.warm_up_when_idle(ls))
        await asyncio.sleep(0.1)
        assert ran == []  # a document's lint is pending: the warm-up waits
        linting.clear()
        lint_done.set_result(None)
        await asyncio.wait_for(warm, 5)
        assert ran == ["one", "two"]  # and runs once the lint is done

        # a step that fails ends the warm-up quietly: the server only runs slower
        ran.clear()
        monkeypatch.setattr(caches, "warm_up_steps", lambda: [failing, lambda: step("after")])
        await asyncio.wait_for(lifecycle.warm_up_when_idle(ls), 5)
        assert ran == ["failing"]

    asyncio.run(run())


def test_the_real_steps_load_what_later_documents_need() -> None:
    # in a fresh interpreter: this one has imported them all already
    code = (
        "import sys\n"
        "from textsweep.engine.caches import warm_up_steps\n"
        "for step in warm_up_steps(): step()\n"
        "print(' '.join(m for m in ('ftfy', 'markdown_it', 'pygments', 'chardet')"
        " if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["ftfy", "markdown_it", "pygments", "chardet"]


def test_warm_up_waits_for_a_pause_in_the_clients_messages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import time

    monkeypatch.setattr(lifecycle, "WARM_UP_DELAY", 0.0)
    monkeypatch.setattr(lifecycle, "IDLE_POLL", 0.01)
    monkeypatch.setattr(lifecycle, "IDLE_FOR", 0.3)
    ran: list[float] = []
    monkeypatch.setattr(caches, "warm_up_steps", lambda: [lambda: ran.append(time.monotonic())])
    ls = TextsweepServer()
    spoke = time.monotonic()
    ls.protocol.last_message = spoke  # type: ignore[attr-defined]
    asyncio.run(asyncio.wait_for(lifecycle.warm_up_when_idle(ls), 5))
    assert len(ran) == 1 and ran[0] - spoke >= 0.3  # not before the pause
