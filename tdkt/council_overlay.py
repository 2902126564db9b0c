"""The workspace's own overlay file, written by tdkt commands: one entry at a time, validated, atomic.

A council's regulation lives in the workspace's ``rules/`` folder (``legal.rules`` in ``tdkt.toml``)
as overlay files (see tdkt.ruleset and docs/rules.md). Officers may write such files by hand; the
entries that **commands** record — the council's vote shares at ``tdkt init``, its readings of
uncertain facts (``tdkt rules settle``) — go to one file that tdkt keeps, ``rules/hoi-dong.yaml``,
applied after the others. Each change here:

1. reads the file (or starts a new overlay when there is none);
2. adds or replaces one entry (``set_entry``) or adds a căn cứ line (``add_basis``);
3. validates the result exactly as a round would load it (the overlay schema, then applied on every
   pack it may meet: unknown ids and bad values are refused, naming the file and the entry);
4. writes it atomically (a temporary file beside it, then ``os.replace``), as readable YAML in the
   order the keys were written, with the file's leading comment lines kept and the version raised.

Nothing is written when validation fails. The citation an officer gives (article, text, date) is
data in the entry (``basis``, ``article``/``text``/``date``), so it survives every rewrite; comment
lines other than the leading ones do not (the header says so).
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tdkt.errors import InputError

FILE_NAME = "hoi-dong.yaml"
OVERLAY_ID = "hoi-dong"
SECTIONS = ("votes", "seats", "quorum", "criteria", "awards", "add_criteria", "settled")
_HEADER = (
    "# Quy chế của Hội đồng do tdkt ghi (tỷ lệ biểu quyết, số suất, cách áp dụng các căn cứ chưa xác thực…).\n"
    "# Mỗi lệnh ghi một mục, kiểm tra rồi mới lưu. Có thể sửa tay; chỉ các dòng chú thích ở đầu tệp được giữ lại\n"
    "# khi tdkt ghi lại tệp — hãy ghi lý do vào các khóa basis / note / text của từng mục.\n"
)


def path_for(overlay_dir: Path) -> Path:
    """The tdkt-kept overlay file in a workspace's ``rules/`` folder."""
    return overlay_dir / FILE_NAME


def load(path: Path, *, title: str | None = None) -> dict[str, Any]:
    """The overlay's data as written (a new, empty overlay when the file does not exist).

    Raises RuleFileError when the file exists but is not readable YAML or not an overlay.
    """
    from tdkt.ruleset import _fail, read_yaml

    if not path.exists():
        return {"kind": "overlay", "id": OVERLAY_ID, "title": title or "Quy chế của Hội đồng Thi đua - Khen thưởng",
                "version": "1"}
    data = read_yaml(path)
    if data.get("kind") != "overlay":
        raise _fail(path, "kind", "tệp này không phải quy chế (overlay) của Hội đồng")
    return data


def set_entry(path: Path, section: str, key: str | None, value: Any, *, title: str | None = None) -> dict[str, Any]:
    """Add or replace one entry and write the file; returns the data written.

    Args:
        path: the overlay file (usually :func:`path_for` of the workspace's ``rules/`` folder).
        section: one of SECTIONS. ``settled`` takes ``key`` as "<pack id>/<target>" (one reading).
        key: the entry's key in the section (an award id for votes/seats, a criterion id…); None for
            ``quorum``, whose value is the whole section.
        value: the entry (plain data: str, int, float, bool, date, lists, mappings).
        title: the overlay's title when the file is new (e.g. "Quy chế … tỉnh Hải Đông").

    Raises:
        RuleFileError: the result would not load (file and entry named); nothing is written.
    """
    if section not in SECTIONS:
        raise ValueError(f"unknown overlay section {section!r}")
    data = copy.deepcopy(load(path, title=title))
    if key is None:
        data[section] = _plain(value)
    elif section == "settled":
        pack, _, target = key.partition("/")
        data.setdefault("settled", {}).setdefault(pack, {})[target] = _plain(value)
    else:
        data.setdefault(section, {})[key] = _plain(value)
    _write(path, data)
    return data


def remove_entry(path: Path, section: str, key: str) -> bool:
    """Remove one entry (``settled``: "<pack id>/<target>"); False when there was none."""
    data = copy.deepcopy(load(path))
    if section == "settled":
        pack, _, target = key.partition("/")
        entries = data.get("settled", {}).get(pack, {})
        if target not in entries:
            return False
        del entries[target]
        if not entries:
            del data["settled"][pack]
    else:
        if key not in data.get(section, {}):
            return False
        del data[section][key]
    _write(path, data)
    return True


def add_basis(path: Path, line: str, *, title: str | None = None) -> dict[str, Any]:
    """Add a căn cứ line of the council's regulation (kept once, in order)."""
    data = copy.deepcopy(load(path, title=title))
    bases = data.setdefault("bases", [])
    if line not in bases:
        bases.append(line)
    _write(path, data)
    return data


def set_applies_to(path: Path, packs: list[str], *, title: str | None = None, ident: str | None = None) -> dict[str, Any]:
    """Say which built-in packs the overlay is for (``applies_to``; a round under another pack leaves
    it out); validated and written like any entry. ``ident`` names a new file's overlay (its ``id``)."""
    new = not path.exists()
    data = copy.deepcopy(load(path, title=title))
    if new and ident:
        data["id"] = ident
    data["applies_to"] = list(packs)
    _write(path, data)
    return data


def entry(path: Path, section: str, key: str) -> Any | None:
    """One entry as written, or None."""
    data = load(path)
    if section == "settled":
        pack, _, target = key.partition("/")
        return data.get("settled", {}).get(pack, {}).get(target)
    got = data.get(section)
    return got.get(key) if isinstance(got, dict) else None


# ------------------------------------------------------------------------------ internals
def _plain(value: Any) -> Any:
    """Plain YAML data: mappings and sequences copied, dates kept (YAML has a date type)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, str | int | float | bool | dt.date) or value is None:
        return value
    raise TypeError(f"not plain data: {value!r}")


def _bump(version: Any) -> str:
    text = str(version or "1")
    head, _, last = text.rpartition(".")
    if last.isdigit():
        return f"{head}.{int(last) + 1}" if head else str(int(last) + 1)
    return f"{text}.1"


def _leading_comments(path: Path) -> str:
    if not path.exists():
        return _HEADER
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if not line.startswith("#"):
            break
        lines.append(line if line.endswith("\n") else line + "\n")
    return "".join(lines) or _HEADER


def dump(data: Mapping[str, Any]) -> str:
    """The overlay as readable YAML (block style, Vietnamese as is, keys in the order written)."""
    import yaml

    order = ["kind", "id", "title", "version", "applies_to", "bases", "quorum", "votes", "seats", "awards",
             "criteria", "add_criteria", "settled"]
    ordered = {k: data[k] for k in order if k in data} | {k: v for k, v in data.items() if k not in order}
    return yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)


def _write(path: Path, data: dict[str, Any]) -> None:
    from tdkt.ruleset import check_overlay, parse_overlay, read_yaml

    if path.exists():
        data["version"] = _bump(data.get("version"))
    text = _leading_comments(path) + dump(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        # Validate what was written, read back as a round will read it, but name the real file.
        check_overlay(path, parse_overlay(path, read_yaml(tmp)))
        os.replace(tmp, path)
    except OSError as exc:
        raise InputError(f"Không ghi được quy chế {path}: {exc}") from exc
    finally:
        if tmp.exists():
            tmp.unlink()
