"""Helpers for rule tests: run one rule, fix with one rule."""

from __future__ import annotations

from typing import Any

from textsweep.engine import Config, Document, Finding, all_rules, fix_all, lint, parse_settings


def only(rule_id: str, settings: dict[str, Any] | None = None) -> Config:
    """A config with every rule off but ``rule_id`` (opt-in rules switched on)."""
    raw: dict[str, Any] = dict(settings or {})
    rules = {r.id: False for r in all_rules()}
    rules.update(raw.get("rules", {}))
    rules[rule_id] = True
    raw["rules"] = rules
    config, warnings = parse_settings(raw)
    assert not warnings, warnings
    return config


def findings(
    rule_id: str, text: str, language_id: str = "plaintext", **settings: Any
) -> list[Finding]:
    return lint(Document(text, language_id), only(rule_id, settings))


def fixed(rule_id: str, text: str, language_id: str = "plaintext", **settings: Any) -> str:
    return fix_all(Document(text, language_id), only(rule_id, settings)).text
