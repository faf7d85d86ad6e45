"""File-type descriptors, one module each; importing the package registers them all.

A new format is a new module here that calls :func:`..markup.register` (see
``docs/contributing.md``); nothing else needs to change.
"""

import importlib
import pkgutil

for _info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if not _info.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_info.name}")
