"""``python -m textsweep`` runs the CLI (``serve`` for the language server)."""

from .cli import main

raise SystemExit(main())
