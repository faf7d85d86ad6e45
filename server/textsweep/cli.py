"""Command line: ``textsweep serve | check | fix | rules``, on the same engine.

Exit codes: 0 clean, 1 findings (check) or files changed (fix --check), 2 usage
or I/O errors.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from . import __version__, fileio, reporting, walk
from .engine import (
    Config,
    Document,
    encoding,
    fix_all,
    language_for_path,
    lint,
    over_size_limit,
    textio,
)
from .reporting import FileResult
from .settings import SettingsResolver

# ---------------------------------------------------------------------- files


def iter_files(
    paths: Sequence[str],
    exclude: Sequence[str] = (),
    gitignore: bool = True,
    user: Any = None,
    config_path: str | None = None,
) -> Iterator[str]:
    """Files named, and files below directories named (see :mod:`textsweep.walk`:
    .gitignore honoured, VCS and tool dirs skipped, ``--exclude`` globs, and the
    settings' ``exclude``)."""
    resolver = resolver_for(user, config_path)
    for p in walk.iter_files(
        paths, exclude=exclude, gitignore=gitignore, resolver=resolver, user=user
    ):
        yield str(p)


def read(path: str) -> tuple[FileResult, fileio.Snapshot | None]:
    """The file as a document to lint, or a result saying why it is not one; and the
    file as read (only regular files, bounded), to check before writing that nobody
    changed it meanwhile."""
    try:
        snap = fileio.read_regular(path)
    except fileio.SkippedFile as exc:
        return FileResult(path, None, note=exc.strerror), None
    except OSError as exc:
        return FileResult(path, None, error=exc.strerror or str(exc)), None
    raw = snap.data
    if textio.looks_binary(raw):
        return FileResult(path, None, note="binary file, skipped"), None
    text = textio.decode(raw)
    doc = Document(text, language_for_path(path), Path(path).absolute().as_uri(), path, raw)
    return FileResult(path, doc), snap


def load(path: str) -> FileResult:
    """The file as a document to lint, or a result saying why it is not one."""
    return read(path)[0]


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


def resolver_for(user: Any, config_path: str | None) -> SettingsResolver:
    """The resolver for one ``--config`` (None: the project files), made once."""
    key = json.dumps([user, config_path], sort_keys=True, default=str)
    resolver = _RESOLVERS.get(key)
    if resolver is None:
        # --config's exclude and overrides are relative to its own folder.
        base = os.path.dirname(os.path.abspath(config_path)) if config_path else None
        resolver = _RESOLVERS[key] = SettingsResolver(project_files=not config_path, user_base=base)
    return resolver


def config_for(path: str, user: Any, config_path: str | None) -> Config:
    """The config for ``path`` (see :mod:`textsweep.settings`); warnings once each."""
    config, warnings = resolver_for(user, config_path).config_for(path, user)
    for w in warnings:
        if w not in _WARNED:
            _WARNED.add(w)
            print(f"textsweep: warning: {w}", file=sys.stderr)
    return config


def check_one(path: str, user_settings: Any = None, config_file: str | None = None) -> FileResult:
    """Load and lint one file (runs in a worker process for large trees)."""
    r = load(path)
    if r.document is None:
        return r
    doc = r.document
    config = config_for(path, user_settings, config_file)
    findings = lint(doc, config)
    # Only the text goes back to the parent: not the bytes nor the rules' caches.
    # The line index too when the report will read it (findings): the lint has
    # usually built it, and building it again for the report cost 5 ms a megabyte.
    lines = doc.line_starts if findings else None
    return FileResult(
        path,
        Document(doc.text, doc.language_id, doc.uri, doc.path, line_starts=lines),
        findings,
        note=size_note(doc, config),
    )


def size_note(doc: Document, config: Config) -> str | None:
    """What a document over ``textsweep.maxFileSize`` was spared (None: nothing)."""
    if not over_size_limit(doc, config):
        return None
    return (
        f"{len(doc.text):,} characters, over textsweep.maxFileSize ({config.max_file_size:,}): "
        "only the cheap checks ran (encoding, invisible and odd characters, line endings, "
        "trailing spaces)"
    )


# ---------------------------------------------------------------------- commands


def cmd_check(args: argparse.Namespace) -> int:
    user = load_user_settings(args.config)
    files = list(iter_files(args.paths, args.exclude, not args.no_gitignore, user, args.config))
    if files:
        config_for(files[0], user, args.config)  # settings warnings once, from the parent
    worker = partial(check_one, user_settings=user, config_file=args.config)
    results = walk.map_files(worker, files, jobs=args.jobs)
    if args.format in ("text", "github"):
        # A note per image found while walking a tree is noise for people; files
        # named on the command line still get theirs (JSON and SARIF keep all).
        # A file that was checked (over the size limit) keeps its note and findings.
        named = {os.path.normpath(p) for p in args.paths}
        results = [
            r
            for r in results
            if not (
                r.note
                and not r.error
                and r.document is None
                and os.path.normpath(r.path) not in named
            )
        ]
    sys.stdout.write(reporting.render(args.format, results))
    if any(r.error for r in results):
        return 2
    return 1 if any(r.findings for r in results) else 0


def _write(snap: fileio.Snapshot | None, data: bytes) -> int:
    """Write fixed bytes over the file as read (see :func:`fileio.replace_checked`:
    link target, owner, mode and hard links kept); 2 when it changed meanwhile."""
    assert snap is not None
    try:
        fileio.replace_checked(snap, data)
    except fileio.ChangedOnDisk as exc:
        print(f"{snap.path}: {exc.strerror}", file=sys.stderr)
        return 2
    except OSError as exc:  # read-only file, full disk…: this file fails, not the run
        print(f"{snap.path}: not written: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0


def _encode_like(original: bytes, text: str) -> bytes:
    """Encode fixed text as the file was: UTF-8, keeping a UTF-8 BOM if it had one."""
    data = text.encode("utf-8", "surrogatepass")
    if original.startswith(b"\xef\xbb\xbf"):
        data = b"\xef\xbb\xbf" + data
    return data


def cmd_fix(args: argparse.Namespace) -> int:
    if args.from_encoding is not None:
        encoding.text_codec(args.from_encoding)  # ValueError: one line, exit 2
    user = load_user_settings(args.config)
    changed = 0
    status = 0
    #: (device, inode) of files done: two links to one file are fixed once.
    done: set[tuple[int, int]] = set()
    walked = [p for p in args.paths if os.path.isdir(p)]
    named = {os.path.normpath(p) for p in args.paths}
    for path in iter_files(args.paths, args.exclude, not args.no_gitignore, user, args.config):
        if (
            os.path.islink(path)
            and os.path.normpath(path) not in named
            and not fileio.inside(path, walked)
        ):
            # A link committed into a tree must not make `fix .` write outside it.
            print(f"{path}: symlink to a file outside the tree, not fixed", file=sys.stderr)
            continue
        r, snap = read(path)
        doc = r.document
        if doc is None:
            if r.error or r.note:
                print(f"{path}: {r.error or r.note}", file=sys.stderr)
            status = 2 if r.error else status
            continue
        assert doc.raw is not None and snap is not None
        if fileio.same_file_key(snap) in done:
            continue
        done.add(fileio.same_file_key(snap))
        raw = doc.raw
        if args.to_utf8:
            # Conversion alone: the bytes change, never the text, so the result
            # can be checked by encoding it back. Run `fix` again for the rest.
            status = max(status, _convert(path, raw, args, snap))
            continue
        elif not _is_utf8(raw):
            print(
                f"{path}: not valid UTF-8; not fixed (convert it with --to-utf8)",
                file=sys.stderr,
            )
            status = max(status, 1)
            continue
        config = config_for(path, user, args.config)
        note = size_note(doc, config)
        if note:
            print(f"{path}: note: {note}", file=sys.stderr)
        result = fix_all(doc, config)
        if result.text == doc.text:
            continue
        changed += 1
        if args.diff:
            import difflib  # only for --diff: start-up stays light

            sys.stdout.writelines(
                difflib.unified_diff(
                    doc.text.splitlines(keepends=True),
                    result.text.splitlines(keepends=True),
                    fromfile=f"a/{path}",
                    tofile=f"b/{path}",
                )
            )
        else:
            fixes = f"{result.applied} fix{'es' if result.applied != 1 else ''}"
            if args.check:  # --check reports, it never writes
                print(f"{path}: {fixes} would be applied", file=sys.stderr)
                continue
            failed = _write(snap, _encode_like(raw, result.text))
            status = max(status, failed)
            if not failed:
                print(f"{path}: {fixes} applied", file=sys.stderr)
    if args.diff or args.check:
        return max(status, 1 if changed else 0)
    return status


def _convert(
    path: str, raw: bytes, args: argparse.Namespace, snap: fileio.Snapshot | None = None
) -> int:
    """``fix --to-utf8`` for one file: lossless conversion or a refusal that says why."""
    try:
        data, info = encoding.to_utf8(raw, args.from_encoding)
    except encoding.LossyDecodeError as exc:
        print(f"{path}: not converted: {exc}", file=sys.stderr)
        return 1
    if data == raw:
        return 0
    if info.is_utf8:  # only a byte-order mark to drop
        verb = "would remove" if args.diff or args.check else "removed"
        print(f"{path}: {verb} the UTF-8 byte-order mark", file=sys.stderr)
        if args.diff or args.check:
            return 1
        return _write(snap, data)
    verb = "would convert" if args.diff or args.check else "converted"
    print(
        f"{path}: {verb} from {encoding.display_name(info.encoding)} "
        f"(confidence {info.confidence:.2f}) to UTF-8",
        file=sys.stderr,
    )
    if args.diff or args.check:
        return 1
    return _write(snap, data)


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
        from .servetcp import tcp_address

        host, port = tcp_address(args.tcp)  # ValueError (exit 2) for another host
        print(f"textsweep: listening on {host}:{port} (localhost only)", file=sys.stderr)
        server.start_tcp(host, port)
    else:
        server.start_io()
    return server.exit_code


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
    serve.add_argument(
        "--tcp", metavar="HOST:PORT", help="listen on TCP instead (debugging; localhost only)"
    )
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
