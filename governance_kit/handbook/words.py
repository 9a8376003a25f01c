"""The handbook's own words in the reader's language: message catalogs, dates, times, numbers.

Every heading, label and sentence the toolkit generates is written as `_("English text")`
(or `ngettext(singular, plural, n)`, or `N_("...")` for a constant translated where it is
used) and looked up in the gettext catalog of the language chosen for the build
(`locale/<language>/LC_MESSAGES/handbook.po`, compiled in memory with Babel when first used).
Placeholders are `{name}`, filled with `.format()` after translation. Policy text is never
translated. `pybabel extract -F babel.cfg -o governance_kit/handbook/locale/handbook.pot
governance_kit/handbook` collects the strings; tests/handbook/test_catalogs.py fails while
any is missing or empty in a catalog.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from gettext import NullTranslations
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_day_names
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent
from babel.support import Translations

from ..model.common import Period, duration_minutes

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "handbook"
LANGUAGES = ("en", "nb", "sv", "de", "zh")
"""The languages the handbook is written in, English first (the language of the source)."""
DEFAULT_LANGUAGE = "en"
BABEL_LOCALES = {"en": "en_GB", "nb": "nb_NO", "sv": "sv_SE", "de": "de_DE", "zh": "zh_Hans_CN"}
"""Babel's locale for each language: how its dates, times and numbers are written."""

_language: ContextVar[str] = ContextVar("handbook_language", default=DEFAULT_LANGUAGE)

PLATFORMS = {
    "x": "X",
    "linkedin": "LinkedIn",
    "tiktok": "TikTok",
    "youtube": "YouTube",
    "viva-engage": "Viva Engage",
    "whatsapp": "WhatsApp",
    "teams": "Microsoft Teams",
}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DASH = "\u2013"
_NAMED_INTERVALS = ("weekly", "monthly", "quarterly", "semiannually", "annually", "yearly")


def N_(message: str) -> str:
    """Mark a constant for the catalog; it is translated with `_()` where it is shown."""
    return message


@functools.cache
def catalog(language: str) -> NullTranslations:
    """The compiled catalog of `language` (English has none: its strings are the source)."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if language == DEFAULT_LANGUAGE or not path.is_file():
        return NullTranslations()
    with path.open("rb") as file:
        messages = read_po(file, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, messages)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def language() -> str:
    """The language the handbook is being written in."""
    return _language.get()


def locale() -> Locale:
    return Locale.parse(BABEL_LOCALES[language()])


@contextmanager
def using(chosen: str) -> Iterator[None]:
    """Write everything generated inside the block in `chosen`, one of LANGUAGES."""
    if chosen not in LANGUAGES:
        raise ValueError(f"no handbook catalog for language {chosen!r}")
    token = _language.set(chosen)
    try:
        yield
    finally:
        _language.reset(token)


def _(message: str) -> str:
    """`message` in the handbook's language."""
    return catalog(language()).gettext(message)


def ngettext(singular: str, plural: str, number: int) -> str:
    """The singular or plural form for `number`, in the handbook's language."""
    return catalog(language()).ngettext(singular, plural, number)


def date(day: dt.date) -> str:
    """A date as the reader writes it: '29 Nov 2026', '29. nov. 2026', '2026年11月29日'."""
    return format_date(day, "medium", locale=locale())


def time(clock: str) -> str:
    """'08:30' as the reader writes a time of day; '24:00' is the midnight that ends a day."""
    hour, minute = (int(part) for part in clock.split(":"))
    return format_time(dt.time(hour % 24, minute), "short", locale=locale())


def weekday(name: str, width: str = "wide") -> str:
    """'mon' -> 'Monday', 'mandag', 'Montag', '星期一' ('abbreviated': 'Mon', 'man.')."""
    return get_day_names(width, locale=locale())[WEEKDAYS.index(name)]


def number(value: float) -> str:
    return format_decimal(value, locale=locale())


def percent(share: float) -> str:
    return format_percent(share, locale=locale())


def language_name(code: str) -> str:
    """'nb' -> 'Norwegian Bokmål' ('norsk bokmål' in Norwegian); an unknown code as it is."""
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(locale())
    except (ValueError, TypeError, UnknownLocaleError):
        return code
    return name or code


def platform(name: str) -> str:
    return PLATFORMS.get(name, name.replace("-", " ").capitalize())


def listing(items: list[str]) -> str:
    """Items joined as the language lists them: 'a, b and c', 'a, b und c', 'a、b和c'."""
    return format_list(list(items), locale=locale()) if items else ""


def either(items: list[str]) -> str:
    """'a, b or c' in the handbook's language."""
    return format_list(list(items), style="or", locale=locale()) if items else ""


def interval(text: str) -> str:
    """'P2Y' -> 'every 2 years', 'quarterly' -> 'quarterly'."""
    named = {
        "weekly": _("weekly"),
        "monthly": _("monthly"),
        "quarterly": _("quarterly"),
        "semiannually": _("every six months"),
        "annually": _("annually"),
        "yearly": _("yearly"),
    }
    if text in _NAMED_INTERVALS:
        return named[text]
    period = Period.parse(text)
    parts = [
        unit(value)
        for value, unit in (
            (period.years, lambda n: ngettext("{n} year", "{n} years", n).format(n=n)),
            (period.months, lambda n: ngettext("{n} month", "{n} months", n).format(n=n)),
            (period.days, lambda n: ngettext("{n} day", "{n} days", n).format(n=n)),
        )
        if value
    ]
    return _("every {period}").format(period=_(" and ").join(parts))


def duration(text: str) -> str:
    """'PT2H30M' -> '2 hours 30 minutes', 'P1D' -> '24 hours'."""
    hours, minutes = divmod(duration_minutes(text), 60)
    parts = [ngettext("{n} hour", "{n} hours", hours).format(n=hours)] if hours else []
    if minutes or not parts:
        parts.append(ngettext("{n} minute", "{n} minutes", minutes).format(n=minutes))
    return " ".join(parts)


def days(names: list[str]) -> str:
    """['mon', 'tue', 'wed'] -> 'Mon-Wed' (with an en dash); other lists joined with commas."""
    indexes = [WEEKDAYS.index(name) for name in names]
    short = [weekday(name, "abbreviated") for name in names]
    if len(names) > 2 and indexes == list(range(indexes[0], indexes[0] + len(names))):
        return f"{short[0]}{DASH}{short[-1]}"
    return listing(short)
