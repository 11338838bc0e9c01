"""Small SVG charts with plain attributes only (no CSS, no script), so the same text works inline in the
HTML report and through Qt's SVG Tiny renderer for the PDF."""
from __future__ import annotations

import math
from html import escape
from typing import List, Sequence, Tuple

PALETTE = ("#2f7ed8", "#e4572e", "#17a398", "#f3a712", "#8e6cc1", "#6b7b8c")
INK = "#7a828c"  # readable on white and on a dark page
FONT = 'font-family="Helvetica, Arial, sans-serif" font-size="11"'

Series = Tuple[str, Sequence[Tuple[float, float]]]


def _svg(width: int, height: int, title: str, body: List[str]) -> str:
    return ('<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%d" height="%d" '
            'viewBox="0 0 %d %d" role="img" aria-label="%s"><title>%s</title>%s</svg>'
            % (width, height, width, height, escape(title), escape(title), "".join(body)))


def _text(x: float, y: float, text: str, anchor: str = "start", fill: str = INK) -> str:
    return '<text x="%.1f" y="%.1f" text-anchor="%s" fill="%s" %s>%s</text>' % (x, y, anchor, fill, FONT,
                                                                                   escape(text))


def line_chart(title: str, series: List[Series], y_max: float, y_label: str, x_labels: Tuple[str, str],
               width: int = 640, height: int = 220) -> str:
    """One line per series over x in [0, max x]; y from 0 to y_max, with four grid lines."""
    left, right, top, bottom = 56, 12, 28, 26
    w, h = width - left - right, height - top - bottom
    x_max = max([x for _, pts in series for x, _ in pts] + [1e-9])
    y_max = _nice(y_max or 1)
    body = [_text(left, 16, title, fill=INK)]
    for i in range(5):
        y = top + h - h * i / 4
        body.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="%s" stroke-opacity="0.35" '
                    'stroke-width="1"/>' % (left, y, left + w, y, INK))
        body.append(_text(left - 6, y + 4, _num(y_max * i / 4), "end"))
    body.append(_text(left - 6, top - 8, y_label, "end"))
    body.append(_text(left, height - 8, x_labels[0]))
    body.append(_text(left + w, height - 8, x_labels[1], "end"))
    for n, (label, pts) in enumerate(series):
        color = PALETTE[n % len(PALETTE)]
        coords = " ".join("%.1f,%.1f" % (left + w * x / x_max, top + h - h * min(y, y_max) / y_max) for x, y in pts)
        body.append('<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>' % (coords, color))
        lx = left + w - 150 * (len(series) - n)
        body.append('<rect x="%d" y="8" width="10" height="10" fill="%s"/>' % (lx, color))
        body.append(_text(lx + 14, 17, label[:22]))
    return _svg(width, height, title, body)


def bar_chart(title: str, items: List[Tuple[str, float, str]], width: int = 640) -> str:
    """Horizontal bars: (label, value, the value as text), largest first as given."""
    left, right, top, row = 170, 90, 28, 20
    height = top + row * len(items) + 8
    w = width - left - right
    biggest = max([v for _, v, _ in items] + [1e-9])
    body = [_text(8, 16, title)]
    for i, (label, value, shown) in enumerate(items):
        y = top + i * row
        body.append(_text(left - 8, y + 13, label if len(label) <= 24 else label[:23] + "…", "end"))
        body.append('<rect x="%d" y="%d" width="%.1f" height="%d" rx="2" fill="%s"/>'
                    % (left, y + 3, max(1.0, w * value / biggest), row - 6, PALETTE[0]))
        body.append(_text(left + w * value / biggest + 6, y + 13, shown))
    return _svg(width, height, title, body)


def _nice(value: float) -> float:
    """The smallest 4 x (1, 2, 2.5 or 5 x 10^k) not below value, so grid lines fall on round numbers."""
    step = value / 4
    magnitude = 10 ** math.floor(math.log10(step))
    return 4 * magnitude * next(m for m in (1, 2, 2.5, 5, 10) if m * magnitude >= step - 1e-9)


def _num(value: float) -> str:
    return "%d" % value if value >= 10 or value == int(value) else "%.1f" % value
