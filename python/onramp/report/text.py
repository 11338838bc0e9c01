"""Markdown for tickets, and plain text (the header comments of the environment.yml export)."""
from __future__ import annotations

import json
import re
from typing import Any, List

from onramp import facts
from onramp.i18n import T, tr
from onramp.report import model
from onramp.report.model import KV, Chart, Code, Findings, Note, Pre, Report, StepBlock, Table

MD_OUTPUT_LINES = 40


def _fence(text: str, info: str = "") -> str:
    """A fence longer than any backtick run inside, so commands with backticks stay intact."""
    longest = max([len(m) for m in re.findall(r"`+", text)] + [2])
    fence = "`" * (longest + 1)
    return "%s%s\n%s\n%s" % (fence, info, text.rstrip("\n"), fence)


def _cell(v: Any) -> str:
    if isinstance(v, Code) and "`" not in v.text:
        # One code span per line: <br> inside a code span would show literally.
        return "<br>".join("`%s`" % line.replace("|", "\\|") for line in v.text.splitlines())
    text = v.text if isinstance(v, Code) else str(v)
    return text.replace("|", "\\|").replace("\n", "<br>")


def _md_table(head: List[str], rows: List[List[Any]]) -> str:
    lines = ["| %s |" % " | ".join(_cell(h) for h in head), "|" + "---|" * len(head)]
    lines += ["| %s |" % " | ".join(_cell(c) for c in r) for r in rows]
    return "\n".join(lines)


def _md_block(b: Any, lang: str) -> str:
    if isinstance(b, KV):
        return _md_table([tr(T("Fact", "项目"), lang), tr(T("Value", "值"), lang)], [list(r) for r in b.rows])
    if isinstance(b, Table):
        return _md_table(b.head, b.rows)
    if isinstance(b, Pre):
        return ("**%s**\n\n" % b.caption if b.caption else "") + _fence(b.text, "text")
    if isinstance(b, Chart):
        return "_%s: %s_" % (b.caption, tr(T("chart in the HTML report", "图表见 HTML 报告"), lang))
    if isinstance(b, Note):
        return "_%s_" % b.text
    if isinstance(b, Findings):
        head = [tr(x, lang) for x in (T("Result", "结果"), T("Check", "检查项"), T("What Onramp found", "发现"),
                                      T("What to do", "怎么做"))]
        return _md_table(head, [["**%s**" % tr(model.STATUS[f["status"]], lang), "%s (`%s`)" % (f["title"], f["id"]),
                                 f["message"], f["fix"]] for f in b.rows])
    if isinstance(b, StepBlock):
        notes = ["- %s %s" % ("✓" if ok else "✗", msg) for ok, msg in b.own_checks]
        notes += ["- ⚠ **%s**: %s %s" % (d.get("code", ""), d.get("summary", ""), d.get("suggestion", ""))
                  for d in b.diagnoses]
        out = ["### %s — %s" % (b.title, b.state)] + (["\n".join(notes)] if notes else [])
        for c in b.commands:
            meta = " · ".join(str(p) for p in (tr(T("exit {}", "退出码 {}"), lang).format(c.exit_code), c.elapsed,
                                               c.where, c.started_at, c.error) if p not in (None, ""))
            out.append("%s\n\n%s\n\n<details><summary>%s</summary>\n\n%s\n\n</details>"
                       % (meta, _fence(c.command, "sh"), tr(T("Output", "输出"), lang),
                          _fence(model.tail(c.output, MD_OUTPUT_LINES), "text")))
        return "\n\n".join(out)
    raise TypeError("unknown report block %r" % type(b).__name__)


def markdown(r: Report) -> str:
    counts = " · ".join("%s %d" % (tr(model.STATUS[s], r.lang), n) for s, n in r.counts.items())
    out = ["# %s" % r.title, "**%s**" % r.subtitle, r.headline, counts]
    for s in r.sections:
        out.append("## %s" % s.title)
        out += [_md_block(b, r.lang) for b in s.blocks]
    return "\n\n".join(out) + "\n"


def _text_block(b: Any, lang: str) -> List[str]:
    """Plain lines; the package list and command output stay out (the yml body and the other formats have them)."""
    if isinstance(b, KV):
        return ["%s: %s" % (k, (v.text if isinstance(v, Code) else str(v)).replace("\n", ", ")) for k, v in b.rows]
    if isinstance(b, Table):
        return ["  ".join(str(c.text if isinstance(c, Code) else c) for c in r) for r in b.rows]
    if isinstance(b, Pre):
        return ([b.caption + ":"] if b.caption else []) + ["  " + x for x in b.text.splitlines()]
    if isinstance(b, Note):
        return [b.text]
    if isinstance(b, Findings):
        return ["[%s] %s — %s%s" % (f["status"], f["id"], f["message"],
                                    ("  → " + f["fix"]) if f["fix"] else "") for f in b.rows]
    if isinstance(b, StepBlock):
        lines = ["%s (%s)" % (b.title, b.state)]
        for c in b.commands:
            lines.append("  $ %s" % c.command.replace("\n", "\n    "))
            lines.append("    %s %s, %s, %s" % (tr(T("exit", "退出码"), lang), c.exit_code, c.elapsed, c.where))
        return lines
    return []


def plain(r: Report, skip_sections: tuple = ("packages",)) -> str:
    out = [r.title, r.subtitle, r.headline]
    for s in r.sections:
        if s.id in skip_sections:
            continue
        out += ["", "== %s ==" % s.title]
        for b in s.blocks:
            out += _text_block(b, r.lang)
    return "\n".join(out)


def environment_yml(ev, r: Report) -> str:
    """conda's environment.yml, pinned name=version=build, with the report as comments above it."""
    pkgs = sorted(facts.packages(ev), key=lambda p: p.get("name", ""))
    conda_pkgs = [p for p in pkgs if p.get("channel") != "pypi"]
    pip_pkgs = [p for p in pkgs if p.get("channel") == "pypi"]
    channels: List[str] = []
    for p in sorted(conda_pkgs, key=lambda p: -sum(q.get("channel") == p.get("channel") for q in conda_pkgs)):
        if p.get("channel") and p["channel"] not in channels:
            channels.append(p["channel"])
    lines = ["# " + x if x else "#" for x in plain(r).splitlines()]
    lines.append("name: %s" % _yaml_str(facts.env_name(ev) or "env"))
    lines.append("channels:" + ("" if channels else " []"))
    lines += ["  - %s" % _yaml_str(c) for c in channels]
    lines.append("dependencies:" + ("" if conda_pkgs or pip_pkgs else " []"))
    lines += ["  - %s" % _yaml_str("=".join(x for x in (p.get("name"), p.get("version"), p.get("build")) if x))
              for p in conda_pkgs]
    if pip_pkgs:
        lines.append("  - pip:")
        lines += ["    - %s" % _yaml_str("%s==%s" % (p.get("name"), p.get("version"))) for p in pip_pkgs]
    return "\n".join(lines) + "\n"


def _yaml_str(text: str) -> str:
    # Plain scalars for ordinary names; JSON quoting (valid YAML) for anything YAML could misread.
    plain = re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.+=*<>!,-]*", text)
    if plain and not re.fullmatch(r"(?i)yes|no|true|false|null|on|off|~", text):
        return text
    return json.dumps(text, ensure_ascii=False)
