"""Dates as officers type and read them: dd/mm/yyyy (d/m/yyyy too), ISO yyyy-mm-dd kept.

The command line accepts what an Excel list shows (``25/04/2022``, ``5/4/2022``, ``25.04.2022``,
``25-04-2022``) as well as ``2022-04-25``; everything an officer reads prints ``dd/mm/yyyy``. JSON keeps
ISO dates (the contract). Day before month always: Vietnamese writes dates that way, and a list
never uses the month-first order.
"""

from __future__ import annotations

import datetime as dt
import re

_DMY = re.compile(r"(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d+)")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
FORMS = "dd/mm/yyyy (vd 25/04/2022) hoặc yyyy-mm-dd"


def parse_day(text: str) -> dt.date:
    """The date ``text`` names; ValueError with a Vietnamese reason otherwise."""
    value = text.strip()
    m = _DMY.fullmatch(value)
    if m:
        day, month, year = int(m[1]), int(m[3]), m[4]
        if len(year) != 4:
            raise ValueError(f"'{text}': cần năm đủ bốn chữ số, dạng {FORMS}")
        return _make(int(year), month, day, text)
    m = _ISO.fullmatch(value)
    if m:
        return _make(int(m[1]), int(m[2]), int(m[3]), text)
    raise ValueError(f"'{text}' không phải một ngày: cần dạng {FORMS}")


def _make(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"không có ngày '{text}' (ngày {day}, tháng {month}, năm {year})") from None


def show(value: dt.date | dt.datetime | None, *, time: bool = False) -> str:
    """``dd/mm/yyyy`` (``dd/mm/yyyy HH:MM`` with ``time``) for people; "" for None."""
    if value is None:
        return ""
    if time and isinstance(value, dt.datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    return f"{value:%d/%m/%Y}"


def show_iso(text: str | None) -> str:
    """An ISO date from JSON-shaped data ("2022-05-05") as ``dd/mm/yyyy``; other text unchanged."""
    if not text:
        return ""
    try:
        return show(dt.date.fromisoformat(str(text)[:10]))
    except ValueError:
        return str(text)
