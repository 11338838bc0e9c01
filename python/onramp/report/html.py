"""HTML: the self-contained page (inline CSS and SVG, light and dark), and the print variant for Qt's
QTextDocument (HTML 4 subset: tables and inline styles; charts as <img src=NAME> rendered by the C++ side)."""
from __future__ import annotations

import re
from html import escape
from typing import Any, Dict, List

from onramp import facts
from onramp.i18n import T, tr
from onramp.report import model
from onramp.report.model import (KV, Chart, Code, Command, Findings, Note, Pre, Report, StepBlock, Table)

CSS = """
:root{--bg:#f6f7f9;--fg:#1f2328;--muted:#59636e;--card:#fff;--line:#d8dee4;--code:#f1f3f5;
--pass:#1a7f37;--warn:#9a6700;--fail:#cf222e;--skip:#6e7781;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--card:#151b23;
--line:#30363d;--code:#1f2630;--pass:#3fb950;--warn:#d29922;--fail:#f85149;--skip:#8b949e}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.55 system-ui,-apple-system,"Segoe UI",
"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
main{max-width:1080px;margin:0 auto;padding:28px 20px 60px}
h1{font-size:27px;margin:0 0 2px}h2{font-size:19px;margin:0 0 12px}h3{font-size:16px;margin:18px 0 6px}
.sub,.note,.meta{color:var(--muted)}.note{font-style:italic}
.headline{font-size:17px;margin:12px 0}
nav{margin:10px 0 4px;font-size:14px}nav a{color:inherit;margin-right:14px;text-decoration:none;
border-bottom:1px dotted var(--muted)}
section{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:18px 22px;margin:18px 0}
table{border-collapse:collapse;width:100%;font-size:14px;margin:6px 0 12px}
th,td{text-align:left;padding:6px 9px;border-bottom:1px solid var(--line);vertical-align:top}
thead th{font-weight:600;border-bottom:2px solid var(--line)}
table.kv th{width:30%;color:var(--muted);font-weight:500}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:13px}
code{background:var(--code);padding:1px 5px;border-radius:5px;overflow-wrap:anywhere}
pre{background:var(--code);padding:10px 12px;border-radius:8px;overflow-x:auto;margin:6px 0;line-height:1.4}
pre code{background:none;padding:0}
.pill{display:inline-block;min-width:64px;text-align:center;padding:1px 9px;border-radius:999px;
font-size:12px;font-weight:650;color:#fff}
.pass{background:var(--pass)}.warn{background:var(--warn)}.fail{background:var(--fail)}.skip{background:var(--skip)}
.counts .pill{margin-right:6px}
.ok{color:var(--pass)}.bad{color:var(--fail)}
details{border:1px solid var(--line);border-radius:8px;margin:6px 0;padding:5px 12px}
details[open]{padding-bottom:8px}summary{cursor:pointer;overflow-wrap:anywhere}
figure{margin:8px 0 14px}figure svg{max-width:100%;height:auto}figure text{fill:var(--muted)}
figcaption{color:var(--muted);font-size:13px}
ul.plain{list-style:none;padding-left:0;margin:4px 0}
@media print{body{background:#fff}section{break-inside:avoid-page;border-color:#bbb}details{border:0}}
"""

# Print: Qt's rich text reads inline styles and HTML 4 table attributes, nothing else.
P_TABLE = '<table border="1" cellspacing="0" cellpadding="3" width="100%" style="border-collapse:collapse">'
P_PRE = '<pre style="white-space:pre-wrap;font-family:monospace;font-size:7pt;background-color:#f1f3f5">'
P_COLORS = {"pass": "#1a7f37", "warn": "#9a6700", "fail": "#cf222e", "skip": "#6e7781"}
PRINT_OUTPUT_LINES = 15
WEB_OUTPUT_LINES = 400


def inline(text: str) -> str:
    """Escaped text where `backticks` become <code>, the way the checks quote commands."""
    parts = re.split(r"`([^`]+)`", text or "")
    return "".join("<code>%s</code>" % escape(p) if i % 2 else escape(p).replace("\n", "<br>")
                   for i, p in enumerate(parts))


def _value(v: Any) -> str:
    if isinstance(v, Code):
        return "<code>%s</code>" % escape(v.text).replace("\n", "<br>")
    return inline(str(v))


def _pill(status: str, lang: str, printing: bool) -> str:
    label = escape(tr(model.STATUS.get(status, T(status, status)), lang))
    if printing:
        return '<b style="color:%s">%s</b>' % (P_COLORS.get(status, "#000"), label)
    return '<span class="pill %s">%s</span>' % (escape(status), label)


def _table(head: List[str], rows: List[List[str]], printing: bool, cls: str = "grid") -> str:
    out = [P_TABLE if printing else '<table class="%s">' % cls]
    if head:
        out.append("<thead><tr>%s</tr></thead>" % "".join("<th>%s</th>" % escape(h) for h in head))
    out.append("<tbody>%s</tbody></table>" % "".join("<tr>%s</tr>" % "".join(r) for r in rows))
    return "".join(out)


def _pre(text: str, printing: bool) -> str:
    return (P_PRE if printing else "<pre><code>") + escape(text) + ("</pre>" if printing else "</code></pre>")


def _block(b: Any, lang: str, printing: bool, images: Dict[str, str]) -> str:
    if isinstance(b, KV):
        return _table([], [["<th>%s</th>" % escape(k), "<td>%s</td>" % _value(v)] for k, v in b.rows],
                      printing, "kv")
    if isinstance(b, Table):
        rows = [["<td%s>%s</td>" % (' class="num" align="right"' if i in b.numeric else "", _value(c))
                 for i, c in enumerate(r)] for r in b.rows]
        return _table(b.head, rows, printing)
    if isinstance(b, Pre):
        caption = "<p><b>%s</b></p>" % escape(b.caption) if b.caption else ""
        return caption + _pre(b.text, printing)
    if isinstance(b, Chart):
        if printing:
            images[b.name] = b.svg
            return '<p><img src="%s" width="640"></p>' % escape(b.name)
        return "<figure>%s<figcaption>%s</figcaption></figure>" % (b.svg, escape(b.caption))
    if isinstance(b, Note):
        return ('<p><i>%s</i></p>' if printing else '<p class="note">%s</p>') % escape(b.text)
    if isinstance(b, Findings):
        head = [tr(x, lang) for x in (T("Result", "结果"), T("Check", "检查项"), T("What Onramp found", "发现"),
                                      T("What to do", "怎么做"))]
        rows = [["<td>%s</td>" % _pill(f["status"], lang, printing),
                 "<td><b>%s</b><br><small>%s</small></td>" % (escape(f["title"]), escape(f["id"])),
                 "<td>%s</td>" % inline(f["message"]), "<td>%s</td>" % inline(f["fix"])] for f in b.rows]
        return _table(head, rows, printing)
    if isinstance(b, StepBlock):
        return _step(b, lang, printing)
    raise TypeError("unknown report block %r" % type(b).__name__)


def _step(s: StepBlock, lang: str, printing: bool) -> str:
    out = ["<h3>%s <small>— %s</small></h3>" % (escape(s.title), escape(s.state))]
    lines = ["%s %s" % ("✓" if ok else "✗", inline(msg)) for ok, msg in s.own_checks]
    lines += ["⚠ <b>%s</b>: %s %s" % (escape(d.get("code", "")), inline(d.get("summary", "")),
                                      inline(d.get("suggestion", ""))) for d in s.diagnoses]
    if lines:
        out.append("<ul>%s</ul>" % "".join("<li>%s</li>" % x for x in lines) if printing else
                   '<ul class="plain">%s</ul>' % "".join("<li>%s</li>" % x for x in lines))
    for c in s.commands:
        out.append(_command(c, lang, printing))
    return "".join(out)


def _command_meta(c: Command, lang: str) -> str:
    parts = [tr(T("exit {}", "退出码 {}"), lang).format(c.exit_code), c.elapsed, c.where, c.started_at]
    if c.error:
        parts.append(c.error)
    return " · ".join(p for p in parts if p not in (None, ""))


def _command(c: Command, lang: str, printing: bool) -> str:
    meta = escape(_command_meta(c, lang))
    failed = c.exit_code != 0
    output_label = escape(tr(T("Output", "输出"), lang))
    if printing:
        color = P_COLORS["fail"] if failed else "#59636e"
        return ('<p style="margin-top:6px"><span style="color:%s">%s</span></p>%s<p><i>%s</i></p>%s'
                % (color, meta, _pre(c.command, True), output_label,
                   _pre(model.tail(c.output, PRINT_OUTPUT_LINES), True)))
    first = facts.first_line(c.command, 160)
    return ('<details><summary><code>%s</code> <span class="meta %s">%s</span></summary>%s'
            '<details><summary>%s</summary>%s</details></details>'
            % (escape(first), "bad" if failed else "", meta, _pre(c.command, False), output_label,
               _pre(model.tail(c.output, WEB_OUTPUT_LINES), False)))


def _counts(r: Report, printing: bool) -> str:
    return " ".join("%s %d" % (_pill(s, r.lang, printing), n) for s, n in r.counts.items())


def render(r: Report) -> str:
    nav = "".join('<a href="#%s">%s</a>' % (s.id, escape(s.title)) for s in r.sections)
    body = "".join('<section id="%s"><h2>%s</h2>%s</section>'
                   % (s.id, escape(s.title), "".join(_block(b, r.lang, False, {}) for b in s.blocks))
                   for s in r.sections)
    return ('<!DOCTYPE html>\n<html lang="%s"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta name="generator" content="Onramp"><title>%s — %s</title><style>%s</style></head>'
            '<body><main><header><h1>%s</h1><p class="sub">%s</p><p class="headline">%s</p>'
            '<p class="counts">%s</p><nav>%s</nav></header>%s</main></body></html>\n'
            % ("zh-CN" if r.lang == "zh" else "en", escape(r.title), escape(r.subtitle), CSS, escape(r.title),
               escape(r.subtitle), escape(r.headline), _counts(r, False), nav, body))


def render_print(r: Report) -> dict:
    images: Dict[str, str] = {}
    body = "".join("<h2>%s</h2>%s" % (escape(s.title), "".join(_block(b, r.lang, True, images) for b in s.blocks))
                   for s in r.sections)
    html = ('<html><head><meta charset="utf-8"><title>%s — %s</title></head>'
            '<body style="font-family:sans-serif;font-size:9pt"><h1>%s</h1><p>%s</p><p><b>%s</b></p><p>%s</p>%s'
            '</body></html>' % (escape(r.title), escape(r.subtitle), escape(r.title), escape(r.subtitle),
                                escape(r.headline), _counts(r, True), body))
    return {"html": html, "images": images}
