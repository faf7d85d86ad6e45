"""The thin LSP layer: pygls wiring, positions, diagnostics, code actions."""
