"""Draw the contacts between two actors over time, by mode and status, with the gaps shown."""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from readouts import dates
from readouts.errors import InputError
from readouts.export import check_output_path
from readouts.records import Contact

__all__ = ["figure", "html_page", "png_bytes", "write_html", "write_png"]

MODES = ("phone", "video", "meeting", "letter", "unspecified")
# status → (marker, filled): outcomes solid, intentions hollow, failures crossed.
MARKERS = {
    "occurred": ("o", True),
    "planned": ("s", False),
    "requested": ("^", False),
    "declined": ("x", True),
    "cancelled": ("X", True),
    "not_occurred": ("v", False),
}
# Gap labels need about this share of the axis width to stay legible.
LABEL_FRACTION = 0.04
COLORS = {
    "phone": "#1f77b4",
    "video": "#17becf",
    "meeting": "#d62728",
    "letter": "#2ca02c",
    "unspecified": "#7f7f7f",
}


def _middle(d: str) -> tuple[float, float, float]:
    """Return the middle, first and last day a date covers, as matplotlib date numbers."""
    from matplotlib.dates import date2num

    first, last = dates.interval(d)
    return (
        float(date2num(first + (last - first) / 2)),
        float(date2num(first)),
        float(date2num(last)),
    )


def figure(events: Sequence[Contact], title: str) -> Any:
    """Return a matplotlib Figure of dated events: one row per mode, gaps between contacts."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    dated = sorted((c for c in events if c.date), key=lambda c: dates.interval(c.date or "")[0])
    fig = Figure(figsize=(10, 3.8), layout="constrained")
    ax = fig.add_subplot()
    ax.set_title(title)
    ax.set_yticks(range(len(MODES)), MODES)
    ax.set_ylim(-1.2, len(MODES) + 0.2)  # room for the legend on top
    for c in dated:
        mid, first, last = _middle(c.date or "")
        y = MODES.index(c.mode) if c.mode in MODES else len(MODES) - 1
        marker, filled = MARKERS.get(c.status, ("o", True))
        color = COLORS.get(c.mode, "#7f7f7f")
        if last > first:  # a month or year: show the span it covers
            ax.plot([first, last], [y, y], color=color, alpha=0.35, linewidth=4)
        crossed = marker in "xX"  # line markers take only a face colour
        ax.scatter(
            [mid],
            [y],
            marker=marker,
            s=70,
            color=color if filled else "none",
            edgecolors=None if crossed else color,
            alpha=0.45 if c.implied else 1.0,
            zorder=3,
        )
    occurred = [c for c in dated if c.status == "occurred"]
    # A label narrower than its arrow would overprint its neighbours: only wide gaps get one.
    axis_days = _middle(dated[-1].date or "")[2] - _middle(dated[0].date or "")[1] if dated else 0.0
    min_label = axis_days * LABEL_FRACTION
    for prev, nxt in zip(occurred, occurred[1:], strict=False):
        start, end = _middle(prev.date or "")[0], _middle(nxt.date or "")[0]
        days = dates.days_between(prev.date, nxt.date) or 0
        ax.annotate(
            "",
            xy=(end, -0.8),
            xytext=(start, -0.8),
            arrowprops={"arrowstyle": "<->", "color": "#555555", "linewidth": 0.8},
        )
        if days > 0 and end - start >= min_label:
            ax.text(start + (end - start) / 2, -0.7, f"{days} d", ha="center", fontsize=8)
    if len(occurred) >= 2:
        longest = max(
            zip(occurred, occurred[1:], strict=False),
            key=lambda pair: dates.days_between(pair[0].date, pair[1].date) or 0,
        )
        ax.axvspan(
            _middle(longest[0].date or "")[0],
            _middle(longest[1].date or "")[0],
            color="#ffcc00",
            alpha=0.15,
        )
    if not dated:
        ax.text(0.5, 0.5, "no dated contacts", transform=ax.transAxes, ha="center")
        from matplotlib.dates import date2num

        today = date.today()
        ax.set_xlim(float(date2num(today - timedelta(days=365))), float(date2num(today)))
    locator = AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.grid(axis="x", alpha=0.3)
    handles: list[Any] = [
        Line2D(
            [], [], marker=m, linestyle="", color="black", markerfacecolor="black" if f else "none"
        )
        for m, f in MARKERS.values()
    ]
    handles += [
        Line2D([], [], marker="o", linestyle="", color="black", alpha=0.45),
        Patch(color="#ffcc00", alpha=0.3),
    ]
    labels = [*MARKERS, "implied (faded)", "longest gap"]
    ax.legend(handles, labels, loc="upper left", fontsize=7, ncols=8, frameon=False)
    return fig


def png_bytes(events: Sequence[Contact], title: str) -> bytes:
    """Return the timeline as PNG bytes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = figure(events, title)
    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    return buf.getvalue()


def _check_target(path: str | Path, *suffixes: str) -> Path:
    target = check_output_path(path)
    if target.suffix.lower() not in suffixes:
        # The bytes are PNG or HTML whatever the name: a .jpg would mislead viewers.
        raise InputError(str(target), f"the file name must end in {' or '.join(suffixes)}")
    return target


def _write(target: Path, data: bytes) -> Path:
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise InputError(str(target), exc.strerror or str(exc)) from None
    return target


def write_png(events: Sequence[Contact], path: str | Path, title: str) -> Path:
    """Write the timeline as a PNG file."""
    target = _check_target(path, ".png")
    return _write(target, png_bytes(events, title))


def html_page(events: Sequence[Contact], title: str) -> str:
    """Return a self-contained HTML page: the timeline (embedded PNG) and a table of events."""
    image = base64.b64encode(png_bytes(events, title)).decode("ascii")
    rows = []
    for c in events:
        people = ", ".join(p.name or p.key for p in c.participants)
        cells = [
            c.date or "undated",
            c.status + (" (implied)" if c.implied else ""),
            c.mode,
            people,
            c.location or "",
            str(c.outlets),
            f"{c.confidence:.2f}",
            c.id,
        ]
        rows.append("<tr>" + "".join(f"<td>{html.escape(x)}</td>" for x in cells) + "</tr>")
    head = ["date", "status", "mode", "participants", "location", "outlets", "confidence", "event"]
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title>"
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}</style></head><body>"
        f"<h1>{html.escape(title)}</h1>"
        f"<img alt='timeline' src='data:image/png;base64,{image}'>"
        "<table><thead><tr>"
        + "".join(f"<th>{h}</th>" for h in head)
        + "</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></body></html>\n"
    )


def write_html(events: Sequence[Contact], path: str | Path, title: str) -> Path:
    """Write the timeline as a self-contained HTML page."""
    target = _check_target(path, ".html", ".htm")
    return _write(target, html_page(events, title).encode("utf-8"))
