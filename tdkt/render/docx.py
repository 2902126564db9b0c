"""Word rendering through docxtpl: the sandboxed Jinja environment, preflight, the fast annex path,
deterministic zips, and the text projection of a .docx (used by tests and by the HTML preview).

Every template renders in Jinja's sandbox with ``StrictUndefined`` and autoescaping (unit names
contain "&"). A template that needs a variable the data lacks fails before anything is written,
with a ``TemplateError`` naming the variable.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tdkt.errors import TemplateError

if TYPE_CHECKING:
    from jinja2 import Environment

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# Above this many rows the attached list is filled with lxml after docxtpl renders one sample
# row of each kind: docxtpl's {%tr for%} over 10,000 rows costs more than a second (measured in
# tests/render/test_speed.py). Below it the template's own loop runs, so any template works.
FAST_ROWS = 300
_MARK = "\ue000"  # a private-use character: never in real data, kept by autoescape
_UNDEFINED = re.compile(r"'(?:[^']*? object|[^']*?)' has no attribute '([^']+)'|'([^']+)' is undefined")


def environment() -> Environment:
    """The one Jinja environment for documents: sandboxed, strict about undefined names, escaping."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from tdkt.render.filters import FILTERS

    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=True, keep_trailing_newline=True)
    env.filters.update(FILTERS)
    return env


def _missing_name(exc: Exception) -> str:
    m = _UNDEFINED.search(str(exc))
    if not m:
        return str(exc)
    return m.group(1) or m.group(2)


def preflight(template: Path, context: dict[str, Any]) -> list[str]:
    """The top-level variables ``template`` uses that ``context`` does not provide (sorted)."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateSyntaxError

    try:
        tpl = DocxTemplate(str(template))
        missing = tpl.get_undeclared_template_variables(environment(), context)
    except TemplateSyntaxError as exc:
        raise TemplateError(f"Mẫu {template.name} sai cú pháp Jinja (dòng {exc.lineno}): {exc.message}") from exc
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise TemplateError(f"Không mở được mẫu văn bản {template}: {exc}") from exc
    # Names the template defines itself (loop variables) are not reported by Jinja's meta API.
    return sorted(missing)


def _sample_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One group row and one item row whose values are markers ``\\ue000key\\ue000``."""
    keys = sorted({k for r in rows for k in r})
    item = {k: f"{_MARK}{k}{_MARK}" for k in keys}
    item["group"] = ""
    group = dict.fromkeys(keys, "")
    group["group"] = f"{_MARK}group{_MARK}"
    return [group, item]


def _fill_rows(body: Any, rows: list[dict[str, Any]]) -> bool:
    """Replace the two sample rows by one copy per real row; False if the template hid them."""
    from docx.oxml.ns import qn

    protos: dict[str, Any] = {}
    for tr in body.iter(qn("w:tr")):
        text = "".join(t.text or "" for t in tr.iter(qn("w:t")))
        if _MARK in text:
            protos["group" if f"{_MARK}group{_MARK}" in text else "item"] = tr
    if set(protos) != {"group", "item"}:
        return False
    group_proto, item_proto = protos["group"], protos["item"]
    parent = item_proto.getparent()
    anchor = group_proto if parent.index(group_proto) < parent.index(item_proto) else item_proto
    pattern = re.compile(f"{_MARK}([a-z_0-9]+){_MARK}")
    t_tag = qn("w:t")
    # Only the w:t elements holding a marker change; find their paths once per prototype.
    plans = {}
    for name, proto in protos.items():
        paths = [i for i, el in enumerate(proto.iter()) if el.tag == t_tag and _MARK in (el.text or "")]
        plans[name] = (proto, paths)
    position = parent.index(anchor)
    new = []
    for row in rows:
        proto, paths = plans["group" if row.get("group") else "item"]
        clone = copy.deepcopy(proto)
        elements = list(clone.iter())

        def value(m: re.Match[str], row: dict[str, Any] = row) -> str:
            return str(row.get(m.group(1), ""))

        for i in paths:
            el = elements[i]
            el.text = pattern.sub(value, el.text)
        new.append(clone)
    for tr in (group_proto, item_proto):
        parent.remove(tr)
    parent[position:position] = new
    return True


def render_docx(template: Path, context: dict[str, Any], *, rows_key: str | None = "annex") -> bytes:
    """Render a docxtpl template into .docx bytes (deterministic zip). Nothing is written.

    Raises:
        TemplateError: the template is broken or needs a variable the context lacks (named).
    """
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    missing = preflight(template, context)
    if missing:
        raise TemplateError(
            f"Mẫu {template.name} cần biến '{missing[0]}' mà dữ liệu của đợt không có"
            + (f" (và {len(missing) - 1} biến khác: {', '.join(missing[1:])})" if len(missing) > 1 else "")
            + "; không ghi tệp nào.",
            code="render.missing-variable",
        )
    rows = context.get(rows_key) if rows_key else None
    fast = isinstance(rows, list) and len(rows) > FAST_ROWS
    ctx = {**context, rows_key: _sample_rows(rows)} if fast and rows_key and isinstance(rows, list) else context
    tpl = DocxTemplate(str(template))
    try:
        tpl.render(ctx, environment(), autoescape=True)
        if fast and isinstance(rows, list) and not _fill_rows(tpl.docx.element.body, rows):
            tpl = DocxTemplate(str(template))
            tpl.render(context, environment(), autoescape=True)
    except UndefinedError as exc:
        raise TemplateError(
            f"Mẫu {template.name} cần biến '{_missing_name(exc)}' mà dữ liệu của đợt không có; không ghi tệp nào.",
            code="render.missing-variable",
        ) from exc
    except TemplateSyntaxError as exc:
        near = " / ".join(s.strip() for s in getattr(exc, "docx_context", []) if s.strip())
        raise TemplateError(f"Mẫu {template.name} sai cú pháp Jinja: {exc.message}. Gần: {near}") from exc
    except SecurityError as exc:
        raise TemplateError(f"Mẫu {template.name} dùng thao tác không được phép: {exc}") from exc
    except JinjaError as exc:
        raise TemplateError(f"Không soạn được văn bản từ mẫu {template.name}: {exc}") from exc
    buf = io.BytesIO()
    tpl.save(buf)
    return normalize_zip(buf.getvalue())


def normalize_zip(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01: the same content gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def _cell_text(tc: Any) -> str:
    from docx.oxml.ns import qn

    paras = []
    for p in tc.iter(qn("w:p")):
        paras.append("".join(t.text or "" for t in p.iter(qn("w:t"))))
    return " / ".join(s for s in paras if s.strip())


def blocks(data: bytes | Path) -> list[dict[str, Any]]:
    """The body of a .docx as blocks in order: paragraphs {type, text, bold, italic, center} and
    tables {type, rows: [[cell text]]}. Merged cells appear once."""
    from docx import Document
    from docx.oxml.ns import qn

    doc = Document(io.BytesIO(data) if isinstance(data, bytes) else str(data))
    out: list[dict[str, Any]] = []
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:p"):
            runs = list(el.iter(qn("w:r")))
            text = "".join(t.text or "" for t in el.iter(qn("w:t")))
            if not text.strip():
                continue
            bold = bool(runs) and all(r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None for r in runs if r.findtext(qn("w:t")))
            italic = bool(runs) and all(r.find(f"{qn('w:rPr')}/{qn('w:i')}") is not None for r in runs if r.findtext(qn("w:t")))
            jc = el.find(f"{qn('w:pPr')}/{qn('w:jc')}")
            out.append({"type": "p", "text": text, "bold": bold, "italic": italic,
                        "center": jc is not None and jc.get(qn("w:val")) == "center"})
        elif el.tag == qn("w:tbl"):
            rows = [[_cell_text(tc) for tc in tr.findall(qn("w:tc"))] for tr in el.findall(qn("w:tr"))]
            out.append({"type": "table", "rows": rows})
    return out


def project(data: bytes | Path) -> str:
    """The text projection of a .docx: "P: …" per paragraph, "T[r,c]: …" per table cell, in order."""
    lines: list[str] = []
    for block in blocks(data):
        if block["type"] == "p":
            lines.append(f"P: {block['text']}")
        else:
            for r, row in enumerate(block["rows"]):
                for c, text in enumerate(row):
                    if text:
                        lines.append(f"T[{r},{c}]: {text}")
    return "\n".join(lines) + "\n"
