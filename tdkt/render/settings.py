"""What a round's documents say that only the round knows: whose Tờ trình a decision answers ("Theo
đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số … ngày …"), the units' requests ("Xét đề nghị của
…"), the achievement Điều 1 names for a thematic or ad-hoc round or for one award, the period, who
chaired the meeting. Stored in the round as a result of kind ``documents`` (each change is a new
result; the earlier ones stay in the round's history), read by ``tdkt.render.round_data.load``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from tdkt.errors import UsageError
from tdkt.text import nfc

KIND = "documents"


_CLOCK = re.compile(r"(\d{1,2})\s*(?:[:.hH]|giờ)\s*(?:(\d{1,2})\s*(?:phút|p|')?)?")


def clock(text: str, option: str = "--start-time") -> str:
    """A time of day as the Biên bản gives it: '14:00', '14h', '14h30', '14 giờ 30 phút', '9:05' → 'HH:MM';
    '' → '' (removes the setting). Anything else is a usage error naming the option."""
    value = nfc(text).strip()
    if not value:
        return ""
    m = _CLOCK.fullmatch(value) or (re.fullmatch(r"(\d{1,2})()", value) if value.isdigit() else None)
    hour, minute = (int(m.group(1)), int(m.group(2) or 0)) if m else (-1, -1)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise UsageError(f"{option} '{text}' không phải giờ trong ngày; viết như 14:00, 14h30 hoặc 14 giờ 30.")
    return f"{hour:02d}:{minute:02d}"


def current(url: str, round_id: str) -> dict[str, Any]:
    from tdkt.rounds import runs

    stored = runs(url, round_id, KIND)
    return dict(stored[-1].payload) if stored else {}


def update(
    url: str,
    round_id: str,
    *,
    proposer: str | None = None,
    proposal_number: str | None = None,
    proposal_date: dt.date | None = None,
    requests: Sequence[str] | None = None,
    achievement: str | None = None,
    award: str | None = None,
    period: str | None = None,
    chair: str | None = None,
    start: str | None = None,
    end: str | None = None,
    clear: bool = False,
) -> dict[str, Any]:
    """Change the round's document settings (what is not given stays; ``clear`` starts from none)
    and store them; returns the settings now in force.

    ``achievement`` with ``award`` is that award's wording, without it the round's. An empty string
    removes a setting. ``start`` and ``end`` are the meeting's opening time and the time the count
    ended, as the Biên bản states them ("14:00", "14h30", "14 giờ 30"); stored as "HH:MM".
    """
    from tdkt.rounds import get_round, store_run

    get_round(url, round_id)
    data: dict[str, Any] = {} if clear else current(url, round_id)
    request = dict(data.get("request") or {})
    for key, value in (("by", proposer), ("number", proposal_number)):
        if value is not None:
            request[key] = nfc(value).strip()
    if proposal_date is not None:
        request["date"] = proposal_date.isoformat()
    data["request"] = {k: v for k, v in request.items() if v}
    if requests is not None:
        data["requests"] = [nfc(r).strip() for r in requests if r.strip()]
    if achievement is not None:
        text = nfc(achievement).strip().rstrip(".")
        if award:
            data["achievements"] = {**(data.get("achievements") or {}), award: text}
            if not text:
                data["achievements"].pop(award)
        else:
            data["achievement"] = text
    elif award:
        raise UsageError("--award chỉ dùng cùng --achievement (nêu thành tích riêng của một hình thức khen thưởng).")
    for key, value in (("period", period), ("chair", chair)):
        if value is not None:
            data[key] = nfc(value).strip()
    for key, value, option in (("start", start, "--start-time"), ("end", end, "--end-time")):
        if value is not None:
            data[key] = clock(value, option)
    if data.get("start") and data.get("end") and data["end"] < data["start"]:
        raise UsageError(f"Giờ kết thúc kiểm phiếu ({data['end']}) trước giờ bắt đầu cuộc họp ({data['start']}).")
    data = {k: v for k, v in data.items() if v}
    store_run(url, round_id, KIND, data, force=True)
    return data
