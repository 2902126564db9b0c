"""A workspace template's mistakes and excesses (report #23, #15, #11): exit 3, one Vietnamese line
naming the template and where in it (the line of an HTML template, the paragraph of a Word one),
nothing written, never a traceback or a hang."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from .conftest import Round, flat, one_message, validate

BUNDLED = Path(__file__).resolve().parents[2] / "tdkt" / "templates"


def _decision_with(path: Path, jinja: str) -> None:
    """The bundled decision.docx with ``jinja`` written before the agency's name lines."""
    with zipfile.ZipFile(BUNDLED / "decision.docx") as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                at = text.index("<w:t>{{ line }}") + len("<w:t>")
                escaped = jinja.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                data = (text[:at] + escaped + text[at:]).encode("utf-8")
            zout.writestr(item, data)


@pytest.fixture
def tallied(cli: Any, sqlite_round: Round) -> Round:
    validate(cli, sqlite_round)
    r = cli(["tally", sqlite_round.ballots])
    assert r.exit_code == 0, r.stderr
    (sqlite_round.root / "templates").mkdir(exist_ok=True)
    return sqlite_round


def _refused(cli: Any, rnd: Round, args: list[str]) -> str:
    r = cli(args)
    assert r.exit_code == 3, (r.exit_code, r.stderr)
    assert one_message(r.stderr), r.stderr
    assert "Lỗi nội bộ" not in r.stderr
    assert not (rnd.root / "ra").exists()
    return flat(r.stderr)


HTML_CASES = [
    ("{% include 'khac.html' %}", "dòng 2", "gọi mẫu khác"),
    ("{% import 'khac.html' as k %}", "dòng 2", "gọi mẫu khác"),
    ("{{ range(10**9)|list }}", "dòng 2", "range"),
    ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "dòng 2", "macro"),
    ("{% for x in %}", "dòng 2", "sai cú pháp"),
    ("{{ khong_co.ten }}", "dòng 2", "khong_co"),
    ("{{ 1 / 0 }}", "dòng 2", "ZeroDivisionError"),
    ("{{ 'x' * 2000000000 }}", "dòng 2", "vượt giới hạn"),
    ("{{ 7 ** 1000000 }}", "dòng 2", "vượt giới hạn"),
]


@pytest.mark.parametrize(("jinja", "where", "what"), HTML_CASES)
def test_23_a_mistake_in_an_html_template_is_exit_3_with_its_line(cli: Any, tallied: Round, jinja: str, where: str,
                                                                  what: str) -> None:
    (tallied.root / "templates" / "document.html.j2").write_text(f"<p>{{{{ title }}}}</p>\n{jinja}\n", encoding="utf-8")
    msg = _refused(cli, tallied, ["render", "report", "--format", "html", "--out", "ra"])
    assert "document.html.j2" in msg and where in msg and what in msg, msg


def test_23_an_html_template_that_is_not_utf8_is_exit_3(cli: Any, tallied: Round) -> None:
    (tallied.root / "templates" / "document.html.j2").write_bytes(b"<p>\xff\xfe</p>")
    msg = _refused(cli, tallied, ["render", "report", "--format", "html", "--out", "ra"])
    assert "document.html.j2" in msg and "UTF-8" in msg


DOCX_CASES = [
    ("{{ co_quan.khong_co }}", "co_quan"),
    ("{% for x in %}", "sai cú pháp"),
    ("{% include 'a.docx' %}", "gọi mẫu khác"),
    ("{{ 1 / 0 }}", "ZeroDivisionError"),
]


@pytest.mark.parametrize(("jinja", "what"), DOCX_CASES)
def test_23_a_mistake_in_a_word_template_is_exit_3_with_its_paragraph(cli: Any, tallied: Round, jinja: str,
                                                                      what: str) -> None:
    _decision_with(tallied.root / "templates" / "decision.docx", jinja)
    msg = _refused(cli, tallied, ["render", "decision", "--out", "ra"])
    assert "decision.docx" in msg and what in msg, msg
    assert f"đoạn «{jinja}" in msg, msg  # the paragraph the mistake is in, as the officer wrote it


def test_23_a_template_that_is_not_a_docx_is_exit_3(cli: Any, tallied: Round) -> None:
    (tallied.root / "templates" / "decision.docx").write_text("không phải Word", encoding="utf-8")
    msg = _refused(cli, tallied, ["render", "decision", "--out", "ra"])
    assert "decision.docx" in msg and "không phải tệp Word" in msg


@pytest.mark.parametrize("jinja", [
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{% set r = range(100000) %}{% for i in r %}{% for j in r %}{% endfor %}{% endfor %}",
])
def test_15_a_template_that_loops_without_end_stops_at_the_time_limit(cli: Any, tallied: Round,
                                                                     monkeypatch: pytest.MonkeyPatch, jinja: str) -> None:
    import time

    from tdkt.render import sandbox

    monkeypatch.setattr(sandbox, "RENDER_SECONDS", 0.5)
    _decision_with(tallied.root / "templates" / "decision.docx", jinja)
    started = time.monotonic()
    msg = _refused(cli, tallied, ["render", "decision", "--out", "ra"])
    assert time.monotonic() - started < 30
    assert "decision.docx" in msg and "vượt giới hạn" in msg and "giây" in msg, msg


def test_15_a_template_writing_too_much_stops_at_the_size_limit(cli: Any, tallied: Round,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from tdkt.render import sandbox

    monkeypatch.setattr(sandbox, "OUTPUT_MAX", 2_000_000)
    (tallied.root / "templates" / "document.html.j2").write_text(
        "{% for i in range(100000) %}{% for j in range(100) %}xxxxxxxxxx{% endfor %}{% endfor %}", encoding="utf-8")
    msg = _refused(cli, tallied, ["render", "report", "--format", "html", "--out", "ra"])
    assert "vượt giới hạn" in msg and "ký tự" in msg, msg


def test_15_the_bundled_templates_and_a_fair_workspace_template_still_render(cli: Any, tallied: Round) -> None:
    r = cli(["render", "decision", "--out", "ra"])
    assert r.exit_code == 0, r.stderr
    _decision_with(tallied.root / "templates" / "decision.docx", "{% for i in range(3) %}{{ i }}{% endfor %}")
    (tallied.root / "templates" / "document.html.j2").write_text("{{ title }} {{ 'ab' * 3 }}", encoding="utf-8")
    r = cli(["render", "decision", "--out", "ra2"])
    assert r.exit_code == 0, r.stderr
    from tdkt.render.docx import project

    assert "012ỦY BAN NHÂN DÂN" in project(next((tallied.root / "ra2").iterdir()))
    r = cli(["render", "report", "--format", "html", "--out", "ra3"])
    assert r.exit_code == 0, r.stderr
    assert "ababab" in next((tallied.root / "ra3").iterdir()).read_text(encoding="utf-8")


@pytest.mark.parametrize("bad", ["a/../../b", "../x", "x\\\\..\\\\y", "Gương", ".an"])
@pytest.mark.parametrize("command", [["rules", "check", "rules/quy-che-hoi-dong.yaml"], ["validate", "{list}"]])
def test_11_an_award_id_of_an_overlay_is_an_id_not_a_path(cli: Any, sqlite_round: Round, bad: str,
                                                          command: list[str]) -> None:
    path = sqlite_round.root / "rules" / "quy-che-hoi-dong.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("  guong_mat_tieu_bieu:") == 2  # votes and awards
    path.write_text(text.replace("  guong_mat_tieu_bieu:", f'  "{bad}":'), encoding="utf-8")
    before = sorted(p.name for p in sqlite_round.root.parent.iterdir())
    r = cli([a.format(list=sqlite_round.lists[0]) for a in command])
    assert r.exit_code == 3, (r.exit_code, r.stdout[-500:], r.stderr)
    assert one_message(r.stderr), r.stderr
    msg = flat(r.stderr)
    assert "quy-che-hoi-dong.yaml" in msg and "mã chỉ gồm" in msg, msg
    assert sorted(p.name for p in sqlite_round.root.parent.iterdir()) == before


def test_11_a_template_linked_outside_templates_is_refused(cli: Any, tallied: Round, tmp_path: Path) -> None:
    secret = tmp_path / "bi-mat.txt"
    secret.write_text("CCCD 001234567890", encoding="utf-8")
    (tallied.root / "templates" / "document.html.j2").symlink_to(secret)
    msg = _refused(cli, tallied, ["render", "report", "--format", "html", "--out", "ra"])
    assert "document.html.j2" in msg and "ngoài thư mục templates/" in msg and "001234567890" not in msg, msg
    (tallied.root / "templates" / "document.html.j2").unlink()
    _decision_with(tmp_path / "decision.docx", "")
    (tallied.root / "templates" / "decision.docx").symlink_to(tmp_path / "decision.docx")
    msg = _refused(cli, tallied, ["render", "decision", "--out", "ra"])
    assert "decision.docx" in msg and "ngoài thư mục templates/" in msg, msg


def test_11_a_link_inside_templates_is_used(cli: Any, tallied: Round) -> None:
    (tallied.root / "templates" / "cua-toi.html.j2").write_text("MẪU RIÊNG {{ title }}", encoding="utf-8")
    (tallied.root / "templates" / "document.html.j2").symlink_to("cua-toi.html.j2")
    r = cli(["render", "report", "--format", "html", "--out", "ra"])
    assert r.exit_code == 0, r.stderr
    assert "MẪU RIÊNG" in next((tallied.root / "ra").iterdir()).read_text(encoding="utf-8")
