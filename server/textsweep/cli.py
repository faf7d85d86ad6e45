"""Command line: ``textsweep serve | check | fix | rules``, on the same engine.

Exit codes: 0 clean, 1 findings (check) or files changed (fix --check), 2 usage
or I/O errors.
"""

from __future__ import annotations

import argparse
import difflib
import json
import logging
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from . import __version__, reporting, walk
from .engine import (
    Config,
    Document,
    encoding,
    fix_all,
    language_for_path,
    lint,
    textio,
)
from .reporting import FileResult
from .settings import SettingsResolver

# ---------------------------------------------------------------------- files


def iter_files(
    paths: Sequence[str], exclude: Sequence[str] = (), gitignore: bool = True
) -> Iterator[str]:
    """Files named, and files below directories named (see :mod:`textsweep.walk`:
    .gitignore honoured, VCS and tool dirs skipped, ``--exclude`` globs)."""
    for p in walk.iter_files(paths, exclude=exclude, gitignore=gitignore):
        yield str(p)


def load(path: str) -> FileResult:
    """The file as a document to lint, or a result saying why it is not one."""
    try:
        text, raw = textio.read(path)
    except OSError as exc:
        return FileResult(path, None, error=exc.strerror or str(exc))
    if textio.looks_binary(raw):
        return FileResult(path, None, note="binary file, skipped")
    doc = Document(text, language_for_path(path), Path(path).absolute().as_uri(), path, raw)
    return FileResult(path, doc)


def load_user_settings(path: str | None) -> Any:
    """Settings from ``--config FILE.json`` (None without it: project files apply)."""
    if path:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    return None


#: One resolver per ``--config`` per process, so pool workers (forked after the parent
#: seeded it) share its cache and do not repeat warnings the parent printed.
_RESOLVERS: dict[str, SettingsResolver] = {}
_WARNED: set[str] = set()


def config_for(path: str, user: Any, config_file: bool) -> Config:
    """The config for ``path`` (see :mod:`textsweep.settings`); warnings once each."""
    key = json.dumps([user, config_file], sort_keys=True, default=str)
    resolver = _RESOLVERS.get(key)
    if resolver is None:
        resolver = _RESOLVERS[key] = SettingsResolver(project_files=not config_file)
    config, warnings = resolver.config_for(path, user)
    for w in warnings:
        if w not in _WARNED:
            _WARNED.add(w)
            print(f"textsweep: warning: {w}", file=sys.stderr)
    return config


def check_one(path: str, user_settings: Any = None, config_file: bool = False) -> FileResult:
    """Load and lint one file (runs in a worker process for large trees)."""
    r = load(path)
    if r.document is None:
        return r
    doc = r.document
    findings = lint(doc, config_for(path, user_settings, config_file))
    # Only the text goes back to the parent: not the bytes nor the rules' caches.
    return FileResult(path, Document(doc.text, doc.language_id, doc.uri, doc.path), findings)


# ---------------------------------------------------------------------- commands


def cmd_check(args: argparse.Namespace) -> int:
    user = load_user_settings(args.config)
    has_config = bool(args.config)
    files = list(iter_files(args.paths, args.exclude, not args.no_gitignore))
    if files:
        config_for(files[0], user, has_config)  # settings warnings once, from the parent
    worker = partial(check_one, user_settings=user, config_file=has_config)
    results = walk.map_files(worker, files, jobs=args.jobs)
    if args.format in ("text", "github"):
        # A note per image found while walking a tree is noise for people; files
        # named on the command line still get theirs (JSON and SARIF keep all).
        named = {os.path.normpath(p) for p in args.paths}
        results = [
            r
            for r in results
            if not (r.note and not r.error and os.path.normpath(r.path) not in named)
        ]
    sys.stdout.write(reporting.render(args.format, results))
    if any(r.error for r in results):
        return 2
    return 1 if any(r.findings for r in results) else 0


def _atomic_write(path: str, data: bytes) -> None:
    """Write next to the file, then rename: a crash never leaves half a file."""
    folder = os.path.dirname(os.path.abspath(path))
    mode = os.stat(path).st_mode
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".textsweep-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _encode_like(original: bytes, text: str) -> bytes:
    """Encode fixed text as the file was: UTF-8, keeping a UTF-8 BOM if it had one."""
    data = text.encode("utf-8", "surrogatepass")
    if original.startswith(b"\xef\xbb\xbf"):
        data = b"\xef\xbb\xbf" + data
    return data


def cmd_fix(args: argparse.Namespace) -> int:
    user = load_user_settings(args.config)
    changed = 0
    status = 0
    for path in iter_files(args.paths, args.exclude, not args.no_gitignore):
        r = load(path)
        doc = r.document
        if doc is None:
            if r.error or r.note:
                print(f"{path}: {r.error or r.note}", file=sys.stderr)
            status = 2 if r.error else status
            continue
        assert doc.raw is not None
        raw = doc.raw
        if args.to_utf8:
            # Conversion alone: the bytes change, never the text, so the result
            # can be checked by encoding it back. Run `fix` again for the rest.
            status = max(status, _convert(path, raw, args))
            continue
        elif not _is_utf8(raw):
            print(
                f"{path}: not valid UTF-8; not fixed (convert it with --to-utf8)",
                file=sys.stderr,
            )
            status = max(status, 1)
            continue
        result = fix_all(doc, config_for(path, user, bool(args.config)))
        if result.text == doc.text:
            continue
        changed += 1
        if args.diff:
            sys.stdout.writelines(
                difflib.unified_diff(
                    doc.text.splitlines(keepends=True),
                    result.text.splitlines(keepends=True),
                    fromfile=f"a/{path}",
                    tofile=f"b/{path}",
                )
            )
        else:
            _atomic_write(path, _encode_like(raw, result.text))
            print(
                f"{path}: {result.applied} fix{'es' if result.applied != 1 else ''} applied",
                file=sys.stderr,
            )
    if args.diff or args.check:
        return max(status, 1 if changed else 0)
    return status


def _convert(path: str, raw: bytes, args: argparse.Namespace) -> int:
    """``fix --to-utf8`` for one file: lossless conversion or a refusal that says why."""
    try:
        data, info = encoding.to_utf8(raw, args.from_encoding)
    except encoding.LossyDecodeError as exc:
        print(f"{path}: not converted: {exc}", file=sys.stderr)
        return 1
    if data == raw:
        return 0
    verb = "would convert" if args.diff or args.check else "converted"
    print(
        f"{path}: {verb} from {encoding.display_name(info.encoding)} "
        f"(confidence {info.confidence:.2f}) to UTF-8",
        file=sys.stderr,
    )
    if args.diff or args.check:
        return 1
    _atomic_write(path, data)
    return 0


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def cmd_rules(args: argparse.Namespace) -> int:
    from .engine import all_rules
    from .engine.docs import render_markdown

    if args.markdown:
        sys.stdout.write(render_markdown())
        return 0
    for r in all_rules():
        state = "" if r.default_enabled else " (off by default)"
        print(f"{r.id:<24} {r.family:<12} {r.severity.label:<8} {r.description}{state}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    logging.basicConfig(
        stream=sys.stderr,
        level=getattr(logging, args.log_level.upper(), logging.WARNING),
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    logging.getLogger("pygls").setLevel(logging.WARNING)
    from .lsp.handlers import create_server

    server = create_server()
    if args.tcp:
        host, _, port = args.tcp.rpartition(":")
        server.start_tcp(host or "127.0.0.1", int(port))
    else:
        server.start_io()
    return 0


def _add_walk_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip paths matching this gitignore-style pattern (repeatable)",
    )
    parser.add_argument(
        "--no-gitignore", action="store_true", help="also check files .gitignore ignores"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="textsweep", description="Find and fix encoding and spacing problems in text."
    )
    parser.add_argument("--version", action="version", version=f"textsweep {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the language server (stdio by default)")
    serve.add_argument("--stdio", action="store_true", help="accepted and ignored (default)")
    serve.add_argument("--tcp", metavar="HOST:PORT", help="listen on TCP instead (debugging)")
    serve.add_argument("--log-level", default="warning", help="stderr log level")
    serve.set_defaults(func=cmd_serve)

    check = sub.add_parser("check", help="report problems")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument(
        "--format",
        choices=reporting.FORMATS,
        default="text",
        help="text (path:line:col), json (schema in docs/cli.md), sarif (2.1.0) or github "
        "(workflow annotations)",
    )
    check.add_argument("--config", help="settings as JSON (default: [tool.textsweep])")
    check.add_argument(
        "--jobs", type=int, default=0, metavar="N", help="worker processes (default: all cores)"
    )
    _add_walk_options(check)
    check.set_defaults(func=cmd_check)

    fix = sub.add_parser("fix", help="apply safe fixes in place")
    fix.add_argument("paths", nargs="+", metavar="PATH")
    fix.add_argument("--diff", action="store_true", help="show a diff instead of writing")
    fix.add_argument("--check", action="store_true", help="exit 1 if anything would change")
    fix.add_argument("--config", help="settings as JSON (default: [tool.textsweep])")
    fix.add_argument(
        "--to-utf8",
        action="store_true",
        help="convert files that are not UTF-8 (losslessly, or refuse and say why)",
    )
    fix.add_argument(
        "--from",
        dest="from_encoding",
        metavar="ENCODING",
        help="with --to-utf8: the files' encoding, instead of detecting it",
    )
    _add_walk_options(fix)
    fix.set_defaults(func=cmd_fix)

    rules = sub.add_parser("rules", help="list rules")
    rules.add_argument("--markdown", action="store_true", help="print docs/rules.md")
    rules.set_defaults(func=cmd_rules)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else 2
    try:
        return int(args.func(args))
    except (OSError, ValueError) as exc:
        print(f"textsweep: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
