"""`govkit report --trend`: the posture at each point of a period, from Git history."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..git.history import GitProblem
from ..posture.build import _year_before
from ..posture.trend import EVERY, TooManyPoints, build_trend
from ..posture.trend_render import TREND_FORMATS
from .common import fail, load


class EveryType(click.ParamType):
    """--every month|week; anything else is one line, `govkit: error: --every: ...`, exit 2."""

    name = "|".join(EVERY)

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> str:
        if value in EVERY:
            return str(value)
        fail(
            f"--every: '{value}' is not {' or '.join(EVERY)}",
            "write --every month or --every week",
        )


def write_trend(
    path: Path, day: dt.date, since: dt.date | None, every: str, fmt: str, output: Path | None
) -> None:
    """Write the trend of PATH from `since` (a year before `day` by default) to `day`."""
    if fmt not in TREND_FORMATS:
        fail(
            f"--format {fmt}: the trend is written as {', '.join(sorted(TREND_FORMATS))}",
            "give --format markdown, html or json with --trend",
        )
    if not path.exists():
        load(path)
    start = since or _year_before(day)
    try:
        trend = build_trend(path, start, day, every)
    except GitProblem as problem:
        fail(str(problem), problem.hint)
    except TooManyPoints as problem:
        fail(f"--trend: {problem}", "give a later --since, or --every month")
    text = TREND_FORMATS[fmt](trend)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
