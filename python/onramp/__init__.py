"""Onramp's Python side: the collected evidence (read-only), validation checks, snippets and the report.

In the app the evidence comes from the builtin module `_onramp`; headless and in tests it is whatever
`set_evidence()` or `load_evidence()` gave. See README.md for the contract with the C++ side.
"""
from __future__ import annotations

import json
from types import MappingProxyType
from typing import Any, Mapping, Optional

__all__ = ["evidence", "set_evidence", "load_evidence", "freeze", "thaw", "result", "take_result",
           "STATUSES"]

# "skip": a snippet that finds nothing to check says so rather than passing.
STATUSES = ("pass", "warn", "fail", "skip")

_evidence: Mapping = MappingProxyType({})
_result: Optional[dict] = None


def freeze(value: Any) -> Any:
    """A deep read-only copy: dicts become MappingProxyType, lists tuples, so snippets cannot change it."""
    if isinstance(value, Mapping):
        return MappingProxyType({k: freeze(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(freeze(v) for v in value)
    return value


def thaw(value: Any) -> Any:
    """Plain dicts and lists again (for json.dumps)."""
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [thaw(v) for v in value]
    return value


def __getattr__(name: str) -> Any:
    # `import onramp` stays cheap (the app imports it at start-up); a snippet can still write
    # `onramp.checks.run_all()` without importing the submodule itself.
    if name in ("checks", "report", "snippets", "facts"):
        import importlib
        return importlib.import_module("onramp." + name)
    raise AttributeError("module 'onramp' has no attribute %r" % name)


def _builtin_json() -> Optional[str]:
    try:
        import _onramp  # the C++ side's embedded module; absent outside the app
    except ImportError:
        return None
    return _onramp.evidence_json()


def evidence() -> Mapping:
    """The current evidence as a deep read-only mapping ({} when there is none)."""
    text = _builtin_json()
    if text is None:
        return _evidence
    return freeze(json.loads(text)) if text.strip() else MappingProxyType({})


def set_evidence(data: Mapping) -> Mapping:
    global _evidence
    if not isinstance(data, Mapping):
        raise TypeError("evidence must be a JSON object (dict), not %s" % type(data).__name__)
    _evidence = freeze(data)
    return _evidence


def load_evidence(path: str) -> Mapping:
    with open(path, encoding="utf-8") as f:
        return set_evidence(json.load(f))


def result(status: str, message: str, fix: str = "") -> None:
    """What a person's snippet found; the app reads it with take_result() after the snippet ran."""
    global _result
    if status not in STATUSES:
        raise ValueError("status must be one of %s, not %r" % (", ".join(STATUSES), status))
    _result = {"status": status, "message": str(message), "fix": str(fix or "")}


def take_result() -> Optional[dict]:
    global _result
    taken, _result = _result, None
    return taken
