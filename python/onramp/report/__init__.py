"""The environment report, from the evidence: html, md, json and yml (environment.yml), in en or zh.

    render(ev=None, fmt="html", lang="en") -> str
    render_print(ev=None, lang="en") -> {"html": str, "images": {name: svg}}   (Qt's QTextDocument, then PDF)
"""
from __future__ import annotations

import json
from typing import Mapping, Optional

import onramp
from onramp import facts
from onramp.i18n import check_lang
from onramp.report import html, model, text

FORMATS = ("html", "md", "json", "yml")
SCHEMA = "onramp.report/1"


def _json(ev: Mapping, r: model.Report) -> str:
    commands = [{"step": key, "command": c.get("command", ""), "where": c.get("where", ""),
                 "exit_code": c.get("exit_code"), "error": c.get("error", ""), "started_at": c.get("started_at", ""),
                 "elapsed_ms": c.get("elapsed_ms")} for key, c in facts.commands(ev)]
    doc = {
        "schema": SCHEMA,
        "lang": r.lang,
        "title": r.title,
        "subtitle": r.subtitle,
        "headline": r.headline,
        "summary": dict(r.counts),
        "checks": r.findings,
        "facts": {
            "env": facts.env_name(ev), "host": facts.get(ev, "host"), "profile": onramp.thaw(facts.get(ev, "profile")),
            "login_node": facts.fact(ev, "identify", "login_node"),
            "compute_node": facts.fact(ev, "compute-node", "compute_node"),
            "gpu_node": facts.fact(ev, "verify", "gpu_node"), "python": facts.python_version(ev) or None,
            "torch": facts.torch_version(ev) or None, "torch_cuda": facts.torch_cuda(ev),
            "driver_version": facts.fact(ev, "compute-node", "driver_version"),
            "driver_cuda": facts.driver_cuda(ev) or None,
            "device_count": facts.fact(ev, "verify", "device_count"),
            "gpus_requested": facts.gpus_requested(ev),
        },
        "commands": commands,
        "evidence": onramp.thaw(ev),
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def render(ev: Optional[Mapping] = None, fmt: str = "html", lang: str = "en") -> str:
    if fmt not in FORMATS:
        raise ValueError("fmt must be one of %s, not %r" % (", ".join(FORMATS), fmt))
    ev = facts.current(ev)
    r = model.build(ev, check_lang(lang))
    if fmt == "html":
        return html.render(r)
    if fmt == "md":
        return text.markdown(r)
    if fmt == "json":
        return _json(ev, r)
    return text.environment_yml(ev, r)


def render_print(ev: Optional[Mapping] = None, lang: str = "en") -> dict:
    return html.render_print(model.build(facts.current(ev), check_lang(lang)))
