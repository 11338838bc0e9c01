"""Validation checks over the evidence: a registry of plain functions, each answering in both languages.

    @check("gpu.count", T("GPUs visible to PyTorch", "PyTorch 可见的 GPU"))
    def gpu_count(ev): ... return passed(T(...)) / warn(T(...), fix) / fail(T(...), fix) / skip(T(...))

A check reads facts through onramp.facts; when the fact it needs was not collected it answers
`not_collected("verify.facts.device_count")` (status "skip") instead of guessing.
"""
from __future__ import annotations

import traceback
from typing import Callable, Dict, List, Mapping, NamedTuple, Optional

from onramp import facts
from onramp.i18n import T, Text, check_lang, tr

ORDER = ("fail", "warn", "pass", "skip")


class Outcome(NamedTuple):
    status: str
    message: T
    fix: Text = ""


class Check(NamedTuple):
    id: str
    title: T
    func: Callable[[Mapping], Outcome]


class Finding(NamedTuple):
    id: str
    status: str
    title: T
    message: T
    fix: Text

    def as_dict(self, lang: str = "en") -> dict:
        return {"id": self.id, "status": self.status, "title": tr(self.title, lang),
                "message": tr(self.message, lang), "fix": tr(self.fix, lang)}


CHECKS: Dict[str, Check] = {}


def check(check_id: str, title: T):
    def register(func):
        if check_id in CHECKS:
            raise ValueError("duplicate check id %r" % check_id)
        CHECKS[check_id] = Check(check_id, title, func)
        return func
    return register


def passed(message: T) -> Outcome:
    return Outcome("pass", message)


def warn(message: T, fix: Text) -> Outcome:
    return Outcome("warn", message, fix)


def fail(message: T, fix: Text) -> Outcome:
    return Outcome("fail", message, fix)


def skip(message: T) -> Outcome:
    return Outcome("skip", message)


def not_collected(*names: str) -> Outcome:
    listed = ", ".join(names)
    return skip(T("Not checked: the evidence has no {} (that step did not run or did not record it).",
                  "未检查：证据中没有 {}（该步骤没有运行或没有记录）。").format(listed))


def evaluate(ev: Optional[Mapping] = None, ids: Optional[List[str]] = None) -> List[Finding]:
    """Every check (or those in `ids`), in registration order, with both languages."""
    ev = facts.current(ev)
    found = []
    for c in CHECKS.values():
        if ids is not None and c.id not in ids:
            continue
        try:
            outcome = c.func(ev)
        except Exception as exc:  # a check's bug must not hide the other checks' answers
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            outcome = skip(T("This check could not run: {}", "此项检查无法运行：{}").format(detail))
        found.append(Finding(c.id, outcome.status, c.title, outcome.message, outcome.fix))
    return found


def run_all(ev: Optional[Mapping] = None, lang: str = "en") -> List[dict]:
    lang = check_lang(lang)
    return [f.as_dict(lang) for f in evaluate(ev)]


def summary(findings: List[Finding]) -> Dict[str, int]:
    return {status: sum(1 for f in findings if f.status == status) for status in ORDER}


from onramp.checks import gpu, conda, shell  # noqa: E402,F401  (registers the checks, in this order)
