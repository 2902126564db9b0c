"""Word rendering through docxtpl: the sandboxed Jinja environment, preflight, the fast annex path,
deterministic zips, and the text projection of a .docx (used by tests and by the HTML preview).

Every template renders in Jinja's sandbox with ``StrictUndefined`` and autoescaping (unit names
contain "&"). A template that needs a variable the data lacks fails before anything is written,
with a ``TemplateError`` naming the variable.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tdkt import fastpaths
from tdkt.errors import TemplateError
from tdkt.render.filters import official_text
from tdkt.text import map_strings, xml_text

if TYPE_CHECKING:
    from tdkt.render.sandbox import Environment

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# Above this many rows the attached list is written as text after docxtpl renders one sample
# row of each kind (_rows_document): docxtpl's {%tr for%} over 10,000 rows costs more than a second (measured in
# tests/render/test_speed.py). Below it the template's own loop runs, so any template works.
FAST_ROWS = 300
_MARK = "\ue000"  # a private-use character: never in real data, kept by autoescape
_UNDEFINED = re.compile(r"'(?:[^']*? object|[^']*?)' has no attribute '([^']+)'|'([^']+)' is undefined")


def environment(*, limited: bool = False) -> Environment:
    """The one Jinja environment for documents: sandboxed, strict about undefined names, escaping;
    ``limited``: with the size limits of a workspace template (tdkt.render.sandbox)."""
    from tdkt.render.sandbox import Environment as Sandbox

    return Sandbox(limited=limited)


def bundled(template: Path) -> bool:
    """Whether ``template`` is one of tdkt's own templates (not the workspace's)."""
    from importlib import resources

    home = Path(str(resources.files("tdkt").joinpath("templates"))).resolve()
    return template.resolve().parent == home


def _unusable(template: Path, exc: BaseException) -> TemplateError:
    from tdkt.output import read_reason

    why = read_reason(exc) if isinstance(exc, OSError) else "không phải tệp Word .docx (hoặc bị hỏng)"
    return TemplateError(f"Không mở được mẫu văn bản {template}: {why}; không ghi tệp nào.")


def _missing_name(exc: Exception) -> str:
    m = _UNDEFINED.search(str(exc))
    if not m:
        return str(exc)
    return m.group(1) or m.group(2)


def preflight(template: Path, context: dict[str, Any], env: Environment | None = None) -> list[str]:
    """The top-level variables ``template`` uses that ``context`` does not provide (sorted)."""
    from docx.opc.exceptions import PackageNotFoundError
    from docxtpl import DocxTemplate
    from jinja2 import TemplateSyntaxError

    from tdkt.render.sandbox import failure

    env = env or environment()
    try:
        tpl = DocxTemplate(str(template))
        missing = tpl.get_undeclared_template_variables(env, context)
    except TemplateSyntaxError as exc:
        error: BaseException = exc
        try:  # again with a paragraph a line, as docxtpl renders it: the line names the paragraph
            env.parse(re.sub(r"<w:p([ >])", r"\n<w:p\1", env.last_source))
        except TemplateSyntaxError as again:
            error = again
        raise failure(template, error, env=env) or TemplateError(str(exc)) from exc
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, PackageNotFoundError) as exc:
        raise _unusable(template, exc) from exc
    # Names the template defines itself (loop variables) are not reported by Jinja's meta API.
    return sorted(missing)


def _paragraph_using(source: str, name: str) -> str:
    """" (đoạn «…»)": the first paragraph of a template's XML whose Jinja uses ``name``, or ""."""
    from tdkt.render.sandbox import _near

    lines = re.sub(r"<w:p([ >])", r"\n<w:p\1", source).split("\n")
    uses = re.compile(r"\{[{%][^}]*?(?<![\w.])" + re.escape(name) + r"\b")
    for number, line in enumerate(lines, 1):
        if uses.search(re.sub(r"<[^>]*>", "", line)):
            return _near("\n".join(lines), number, docx=True)
    return ""


def _sample_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One group row and one item row whose values are markers ``\\ue000key\\ue000``."""
    keys = sorted({k for r in rows for k in r})
    item = {k: f"{_MARK}{k}{_MARK}" for k in keys}
    item["group"] = ""
    group = dict.fromkeys(keys, "")
    group["group"] = f"{_MARK}group{_MARK}"
    return [group, item]


# Characters an XML 1.0 document cannot hold (https://www.w3.org/TR/xml/#charsets): everything but
# tab, line feed, carriage return, U+0020-U+D7FF, U+E000-U+FFFD and U+10000-U+10FFFF.
# Characters that change how a name reads without being seen (issue 19, #29): the bidirectional
# embeddings, overrides and isolates (U+202E before "Văn An" shows "Nguyễn Văn An" as "Nguyễn nA năV" in Word), the
# left-to-right / right-to-left / Arabic letter marks, zero-width spaces and joiners, the word joiner and
# invisible operators, the Mongolian vowel separator and a byte-order mark inside text. Vietnamese
# needs none of them; they leave a document's context like the characters XML cannot hold.
_INVISIBLE = "\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_STRIP_SPEC = f"[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[{_INVISIBLE}]"  # what is stripped
# The same set as one class of what XML refuses (C0 controls but tab, line feed and carriage return;
# surrogates; U+FFFE, U+FFFF) and the invisible ones: a class of few, short ranges compiles in a tenth
# of the time of the negated class of everything allowed (~0.3 ms against ~3.3 ms at every start) and
# searches as fast; tests/render/test_xml_safe.py checks every code point against _STRIP_SPEC.
_REFUSED = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
_STRIP = re.compile(f"[{_REFUSED}{_INVISIBLE}]")
# What the fast path does not write itself: the characters above, and the tab, line feed and carriage
# return docxtpl turns into markup (<w:tab/>, <w:br/>; the XML parser folds \r into \n). A row with
# one takes docxtpl's own loop.
_NOT_PLAIN = re.compile("[\x00-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: Any, dropped: list[str] | None = None) -> Any:
    """``value`` without the characters XML 1.0 cannot hold (control characters other than tab, line
    feed and carriage return, lone surrogates, U+FFFE, U+FFFF) and the invisible ones that change how
    a name reads (``_INVISIBLE``: bidi overrides, zero-width spaces…), through dicts, lists and tuples;
    every other character is kept. Other objects (numbers, dates, the report's ``Outcome``) are
    returned as they are, and so is any container in which nothing changed (no copy).

    Every document's context goes through this before rendering (``render_docx``, together with the
    official typography: :func:`document_safe`), so the fast row path and docxtpl's own loop see the
    same values. Without it docxtpl re-reads its output with a recovering parser that drops the bad
    character and, with it, every ``&amp;``, ``&lt;`` and ``&gt;`` after it in the document.
    ``dropped`` (when given) collects each changed string as it reads once cleaned, followed by the
    code points removed, e.g. ``"Mùa Thị Bé (U+0001)"``.
    """
    return map_strings(value, _STRIP.search, lambda text: _stripped(text, dropped))


def _stripped(text: str, dropped: list[str] | None) -> str:
    """One string without the characters ``_STRIP`` finds (noted in ``dropped``)."""
    if not _STRIP.search(text):
        return text
    out = _STRIP.sub("", text)
    if dropped is not None:
        codes = ", ".join(f"U+{ord(ch):04X}" for ch in dict.fromkeys(_STRIP.findall(text)))
        dropped.append(f"{out} ({codes})")
    return out if type(text) is str else type(text)(out)


# What either pass changes: what _STRIP finds, and the four characters official prose writes
# otherwise (« » – —, :func:`tdkt.render.filters.official`), so that one search per string finds both
# kinds of work; tests/render/test_xml_safe.py checks every code point.
_DOCUMENT = re.compile(f"[{_REFUSED}{_INVISIBLE}\u00ab\u00bb\u2013\u2014]")


def document_safe(value: Any, dropped: list[str] | None = None) -> Any:
    """``official(xml_safe(value))`` in one pass: what a document's context becomes before a
    template sees it (official typography, no character XML cannot hold or that hides how a name
    reads). ``dropped`` as in :func:`xml_safe`."""
    return map_strings(value, _DOCUMENT.search, lambda text: _stripped(official_text(text), dropped))


def _rows_document(root: Any, rows: list[dict[str, Any]]) -> bytes | None:
    """The main document part (as python-docx would serialise it) with the two sample rows replaced
    by one row per real row; None if the template hid the sample rows or a value has a character
    docxtpl's loop would turn into markup or cannot go in XML (``_NOT_PLAIN``): then docxtpl's own
    loop renders the rows, so both paths always give the same bytes.

    The rows are written as text, not as lxml elements: deep-copying a prototype ``w:tr`` and
    setting its texts costs ~60 µs a row, joining its serialised pieces ~2 µs. Each prototype is
    serialised inside the document (so it carries no namespace declarations of its own) between two
    comments, cut out, and split at its markers; the values are escaped exactly as lxml escapes text.
    """
    from docx.opc.oxml import serialize_part_xml
    from docx.oxml.ns import qn
    from lxml import etree

    t_tag = qn("w:t")
    protos: dict[str, Any] = {}
    for tr in root.body.iter(qn("w:tr")):
        text = "".join(t.text or "" for t in tr.iter(t_tag))
        if _MARK in text:
            protos["group" if f"{_MARK}group{_MARK}" in text else "item"] = tr
    if set(protos) != {"group", "item"}:
        return None
    if any(_NOT_PLAIN.search(str(v)) for row in rows for v in row.values()):
        return None
    pattern = re.compile(f"{_MARK}([a-z_0-9]+){_MARK}")
    comments = {}
    for name, tr in protos.items():
        # only the markers in w:t texts are values (the lxml path replaced nothing else)
        in_text = sum(len(pattern.findall(t.text or "")) for t in tr.iter(t_tag))
        start, stop = etree.Comment(f"{_MARK}{name}-start"), etree.Comment(f"{_MARK}{name}-end")
        tr.addprevious(start)
        tr.addnext(stop)
        comments[name] = (start, stop, in_text)
    xml = serialize_part_xml(root).decode("utf-8")
    plans: dict[str, tuple[str, list[str]]] = {}
    cuts: list[tuple[int, int]] = []
    for name, (start, stop, in_text) in comments.items():
        open_, close = f"<!--{start.text}-->", f"<!--{stop.text}-->"
        i, j = xml.index(open_), xml.index(close)
        pieces = pattern.split(xml[i + len(open_):j])
        if (len(pieces) - 1) // 2 != in_text or any(_MARK in p for p in pieces[::2]):
            return None  # a marker a filter changed ("\ue000NAME\ue000"): not a value this path can set
        plans[name] = (pieces[0], pieces[1:])
        cuts.append((i, j + len(close)))
        for c in (start, stop):
            c.getparent().remove(c)
    (a, b), (c, d) = sorted(cuts)
    if b > c:  # one prototype inside the other (a nested table): docxtpl's own loop
        return None
    out = [xml[:a]]
    append = out.append
    for row in rows:
        first, rest = plans["group" if row.get("group") else "item"]
        append(first)
        for k in range(0, len(rest), 2):
            append(xml_text(str(row.get(rest[k], ""))))  # as lxml writes element text (no tab or break: _NOT_PLAIN)
            append(rest[k + 1])
    out += (xml[b:c], xml[d:])
    return "".join(out).encode("utf-8")


def render_docx(template: Path, context: dict[str, Any], *, rows_key: str | None = "annex",
                dropped: list[str] | None = None) -> bytes:
    """Render a docxtpl template into .docx bytes (deterministic zip). Nothing is written.

    The context's strings first take the typography of official prose and lose the characters XML
    cannot hold (``document_safe``); ``dropped`` (when given) collects the values that lost
    characters, for a warning.

    Raises:
        TemplateError: the template is broken or needs a variable the context lacks (named).
    """
    from docxtpl import DocxTemplate

    from tdkt.render.sandbox import RENDER_SECONDS, failure, time_limit

    context = document_safe(context, dropped)
    user = not bundled(template)
    env = environment(limited=user)
    missing = preflight(template, context, env)
    if missing:
        raise TemplateError(
            f"Mẫu {template.name}{_paragraph_using(env.last_source, missing[0])} cần biến '{missing[0]}' mà dữ liệu "
            "của đợt không có"
            + (f" (và {len(missing) - 1} biến khác: {', '.join(missing[1:])})" if len(missing) > 1 else "")
            + "; không ghi tệp nào.",
            code="render.missing-variable",
        )
    rows = context.get(rows_key) if rows_key else None
    # The fast path only for tdkt's own templates (code review A.4; issue 19): in a workspace template a
    # row cell may filter its value ({{ row.name|upper }}, {{ row.stt|int }}), which turns the sample
    # row's markers into text the fast path cannot tell from the value, so docxtpl's loop renders it.
    fast = not user and isinstance(rows, list) and len(rows) > FAST_ROWS and not fastpaths.PLAIN
    ctx = {**context, rows_key: _sample_rows(rows)} if fast and rows_key and isinstance(rows, list) else context
    tpl = DocxTemplate(str(template))
    document: bytes | None = None
    try:
        with time_limit(RENDER_SECONDS if user else None):
            tpl.render(ctx, env, autoescape=True)
            if fast and isinstance(rows, list):
                document = _rows_document(tpl.docx.element, rows)
                if document is None:
                    tpl = DocxTemplate(str(template))
                    tpl.render(context, env, autoescape=True)
    except TemplateError:
        raise
    except (Exception, RecursionError, MemoryError) as exc:
        error = failure(template, exc, env=env, user=user)
        if error is None:
            raise
        raise error from exc
    buf = io.BytesIO()
    tpl.save(buf)
    replace = {tpl.docx.part.partname.membername: document} if document is not None else None
    return normalize_zip(buf.getvalue(), replace)


def normalize_zip(data: bytes, replace: dict[str, bytes] | None = None) -> bytes:
    """The same zip with every entry dated 1980-01-01: the same content gives the same bytes.
    ``replace`` gives new contents for some entries (by name)."""
    replace = replace or {}
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, replace[info.filename] if info.filename in replace else src.read(info.filename))
    return out.getvalue()


def _cell_paragraphs(tc: Any) -> list[str]:
    from docx.oxml.ns import qn

    paras = ("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p")))
    return [s for s in paras if s.strip()]


def _cell_text(tc: Any) -> str:
    return " / ".join(_cell_paragraphs(tc))


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
            trs = el.findall(qn("w:tr"))
            rows = [[_cell_text(tc) for tc in tr.findall(qn("w:tc"))] for tr in trs]
            # The paragraphs of each cell, and whether the table is a bordered grid (an attached list)
            # or a layout table (the header, the signature): for the HTML view, which keeps both.
            style = el.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
            out.append({"type": "table", "rows": rows,
                        "cells": [[_cell_paragraphs(tc) for tc in tr.findall(qn("w:tc"))] for tr in trs],
                        "grid": style is not None and "Grid" in str(style.get(qn("w:val")))})
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
