"""Prize money: the mức lương cơ sở in force on a date, and the rounding of multiples of it.

Legal basis (domain/legal.md §1.1, §8.3, §8.4): a prize is the regime's multiple × the mức lương cơ
sở in force **on the date of the award decision** (NĐ 152/2025 Điều 49 k1; the multiples of
NĐ 98/2023 Điều 54 are the same), rounded **up to the next 10,000 đ** (Điều 49 k2). Later
values of the mức lương cơ sở come from ``[money] base_salary`` in ``tdkt.toml``; they win over the
built-in table from their own date on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from tdkt.errors import UsageError

# (in force from, amount in đồng). Sources: NĐ 47/2017/NĐ-CP, NĐ 72/2018/NĐ-CP, NĐ 38/2019/NĐ-CP,
# NĐ 24/2023/NĐ-CP, NĐ 73/2024/NĐ-CP, NĐ 161/2026/NĐ-CP Điều 3 k2 (2,530,000 đ from 01/07/2026; it
# replaces NĐ 73/2024 — legal-2026.md §3, CONFIRMED on the signed text).
BASE_SALARY: tuple[tuple[dt.date, int], ...] = (
    (dt.date(2017, 7, 1), 1_300_000),
    (dt.date(2018, 7, 1), 1_390_000),
    (dt.date(2019, 7, 1), 1_490_000),
    (dt.date(2023, 7, 1), 1_800_000),
    (dt.date(2024, 7, 1), 2_340_000),
    (dt.date(2026, 7, 1), 2_530_000),
)

ROUNDING_RULES = ("up_10000", "none", "nearest_1000")


def base_salary_on(on: dt.date, extra: Iterable[tuple[dt.date, int]] = ()) -> int | None:
    """The mức lương cơ sở in force on ``on``, or None before the first known value.

    Args:
        on: the decision date.
        extra: (since, amount) pairs from the workspace config; on the same date they replace the
            built-in value.
    """
    table = dict(BASE_SALARY)
    table.update(dict(extra))
    amount: int | None = None
    for since in sorted(table):
        if since <= on:
            amount = table[since]
    return amount


def round_amount(value: Decimal, rule: str = "up_10000") -> int:
    """Round a prize amount in đồng: ``up_10000`` (the law since NĐ 152), ``nearest_1000`` or ``none``."""
    if rule == "up_10000":
        return int((value / 10_000).to_integral_value(rounding=ROUND_CEILING)) * 10_000
    if rule == "nearest_1000":
        return int((value / 1_000).to_integral_value(rounding=ROUND_HALF_UP)) * 1_000
    if rule == "none":
        return int(value.to_integral_value(rounding=ROUND_HALF_UP))
    raise UsageError(f"Quy tắc làm tròn tiền thưởng '{rule}' không hợp lệ: chọn {', '.join(ROUNDING_RULES)}.")


def prize(
    multiple: Decimal, on: dt.date, *, extra: Iterable[tuple[dt.date, int]] = (), rule: str = "up_10000"
) -> int | None:
    """``multiple`` × the mức lương cơ sở on ``on``, rounded; None when no base salary is known."""
    base = base_salary_on(on, extra)
    if base is None:
        return None
    return round_amount(multiple * base, rule)
