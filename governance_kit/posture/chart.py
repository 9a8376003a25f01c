"""Line charts as inline SVG, made with pygal, safe to put into any page.

Every label goes through the output layer (`output.xml`: redacted, control characters written
out) and is escaped by the XML writer. The SVG holds no script (pygal's tooltip loader and its
configuration script are left out), no comment, no link and no reference to anything outside
it: the handbook makes no third-party requests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from .. import output as out

REMOVED = frozenset({"script", "a", "foreignObject", "image", "use"})
"""Elements an SVG of ours never keeps: they run code or load or link to something."""


def line_chart(
    ident: str,
    title: str,
    days: Sequence[dt.date],
    series: dict[str, list[int | None]],
) -> str:
    """One line per series, one dot per day with a value (None leaves a gap); `ident` names
    the chart (its element id is chart-govkit-IDENT, scoping its style)."""
    import pygal  # imported here: only the trend pays for it
    from pygal.style import DefaultStyle

    chart = pygal.Line(
        js=[],
        disable_xml_declaration=True,
        style=DefaultStyle,
        width=800,
        height=420,
        margin_bottom=24,
        x_label_rotation=30,
        truncate_legend=-1,
        truncate_label=-1,
        legend_at_bottom=True,
        legend_at_bottom_columns=3,
        y_labels=integer_ticks(series),
        min_scale=1,
        show_minor_x_labels=len(days) <= 16,
        x_labels_major_every=max(1, len(days) // 12),
        title=out.xml(title),
    )
    chart.uuid = f"govkit-{ident}"
    chart.x_labels = [day.isoformat() for day in days]
    for name, values in series.items():
        chart.add(out.xml(name), values)
    chart.add_xml_filter(strip)
    return str(chart.render(is_unicode=True))


def integer_ticks(series: dict[str, list[int | None]]) -> list[int]:
    """0 to the largest value (at least 1), at most about ten whole-number ticks."""
    top = max((v for values in series.values() for v in values if v is not None), default=0)
    top = max(top, 1)
    step = max(1, -(-top // 10))
    return list(range(0, top + step, step))


def strip(root: Any) -> Any:
    """Remove scripts, links, comments, processing instructions, event handlers, element ids
    (the chart's own kept) and every reference to another document from pygal's tree (lxml
    or ElementTree)."""
    for parent in list(root.iter()):
        for child in list(parent):
            if not isinstance(child.tag, str) or _local(child.tag) in REMOVED:
                parent.remove(child)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if _local(element.tag) == "style":  # on one line: a Markdown page keeps it whole
            element.text = " ".join((element.text or "").split())
        for name in list(element.attrib):
            local = _local(name).lower()
            if local.startswith("on") or local == "href" or (local == "id" and element != root):
                del element.attrib[name]
    return root


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]
