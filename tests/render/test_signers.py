"""Who signs, as tdkt init writes it and as the documents print it; a document without its signer's
name is refused (exit 3, nothing written) unless --draft, which says what is blank; tdkt.toml files
of tdkt 0.1 (prefix/body) still read; a decision can never be signed "TM."."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from tdkt import workspace as w
from tdkt.render import docx_text

from .conftest import cap_accepted, edit_config


def _init(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *extra: str) -> Any:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TDKT_WORKSPACE", raising=False)
    monkeypatch.delenv("TDKT_DATABASE_URL", raising=False)
    return cli(["init", "--level", "tinh", "--agency", "ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG", "--place", "Hải Đông",
                "--members", "9", *extra])


@pytest.mark.parametrize(("options", "decision", "proposal"), [
    ([], {"mode": "head", "name": ""}, {"mode": "head", "name": ""}),
    (["--signer", "deputy", "--signer-name", "Trần Thị Phó"],
     {"mode": "deputy", "title": "PHÓ CHỦ TỊCH", "name": "Trần Thị Phó"},
     {"mode": "deputy", "title": "PHÓ CHỦ TỊCH", "name": "Trần Thị Phó"}),
    (["--signer", "head", "--signer-name", "Nguyễn Văn Chủ", "--proposal-signer", "deputy",
      "--proposal-signer-title", "phó chủ tịch thường trực", "--proposal-signer-name", "Lê Văn Thường"],
     {"mode": "head", "name": "Nguyễn Văn Chủ"},
     {"mode": "deputy", "title": "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "name": "Lê Văn Thường"}),
    (["--chair", "Hà Văn Cũ", "--chair-prefix", "KT.", "--chair-title", "PHÓ CHỦ TỊCH"],  # tdkt 0.1's options
     {"mode": "deputy", "title": "PHÓ CHỦ TỊCH", "name": "Hà Văn Cũ"},
     {"mode": "deputy", "title": "PHÓ CHỦ TỊCH", "name": "Hà Văn Cũ"}),
])
def test_init_writes_who_signs(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: list[str],  # type: ignore[no-untyped-def]
                               decision: dict[str, str], proposal: dict[str, str]) -> None:
    r = _init(cli, tmp_path, monkeypatch, *options)
    assert r.exit_code == 0, r.stderr
    signers = tomllib.loads((tmp_path / "tdkt.toml").read_text(encoding="utf-8"))["signers"]
    assert {k: signers["decision"][k] for k in decision} == decision
    assert {k: signers["proposal"][k] for k in proposal} == proposal
    assert "on_behalf" not in signers["decision"]  # a decision is the decider's, never "TM."
    if not decision["name"]:
        assert "signers.decision.name" in r.stderr  # init says the documents cannot be signed yet


def test_init_refuses_a_tm_decision(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    r = _init(cli, tmp_path, monkeypatch, "--chair-prefix", "TM.")
    assert r.exit_code == 2 and "TM." in r.stderr and not (tmp_path / "tdkt.toml").exists()


def test_old_signer_keys_still_read_and_tm_on_a_decision_is_refused(tmp_path: Path) -> None:
    cfg = w.Config.model_validate({"signers": {
        "decision": {"prefix": "KT.", "body": "CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH", "name": "A"},
        "proposal": {"prefix": "TM.", "body": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "B"}}})
    assert (cfg.signers.decision.mode, cfg.signers.decision.head, cfg.signers.decision.title) == (
        "deputy", "CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert (cfg.signers.proposal.mode, cfg.signers.proposal.on_behalf) == ("head", "ỦY BAN NHÂN DÂN")
    path = tmp_path / "tdkt.toml"
    path.write_text('[signers.decision]\nprefix = "TM."\nbody = "ỦY BAN NHÂN DÂN"\nname = "C"\n', encoding="utf-8")
    with pytest.raises(Exception, match=r"signers\.decision"):
        w.load_config(path)


def test_an_unsigned_document_is_refused_unless_draft(cli, example_ws: Path) -> None:  # type: ignore[no-untyped-def]
    edit_config(example_ws, lambda data: data["signers"]["decision"].update(name=""))
    r = cli(["render", "decision", "--out", "o"])
    assert r.exit_code == 3 and "signers.decision.name" in r.stderr and "--draft" in r.stderr, r.stderr
    assert not (example_ws / "o").exists()
    r = cli(["render", "decision", "--award", "bang_khen_bo_tinh", "--draft", "--out", "d"])
    assert r.exit_code == 0, r.stderr
    assert "signers.decision.name" in r.stderr  # says what is still blank
    text = docx_text(next((example_ws / "d").glob("*.docx")))
    assert "T[1,0]: Số:      /QĐ-UBND / (Dự thảo)" in text
    assert "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / [Họ và tên người ký]" in text
    # The Tờ trình is signed by its own signer, still set: no refusal, and no "(Dự thảo)" without --draft.
    r = cli(["render", "proposal", "--out", "p"])
    assert r.exit_code == 0, r.stderr
    assert "(Dự thảo)" not in docx_text(next((example_ws / "p").glob("*.docx")))


def test_the_level_above_is_named_where_a_commune_needs_it(cli, example_ws: Path) -> None:  # type: ignore[no-untyped-def]
    """A commune's council in 2022 proposes to its district, whose name tdkt.toml does not give: the
    Tờ trình is refused, naming the key; the draft shows the blank."""
    def commune(data: dict[str, Any]) -> None:
        data["council"]["level"] = "xa"
        data["agency"].update(name="ỦY BAN NHÂN DÂN XÃ TÂN LẬP", province="")
        data["agency"]["recipients"] = []
    edit_config(example_ws, commune)
    # the CSTĐ cơ sở whose 15 % cap the list cannot show are the Thường trực's to accept first
    assert cli(cap_accepted()).exit_code == 0
    r = cli(["render", "proposal", "--out", "o"])
    assert r.exit_code == 3 and "agency.district" in r.stderr, r.stderr
    r = cli(["render", "proposal", "--draft", "--out", "o"])
    assert r.exit_code == 0, r.stderr
    text = docx_text(next((example_ws / "o").glob("*.docx")))
    assert "Kính gửi: Chủ tịch Ủy ban nhân dân [tên huyện]." in text
    assert "Chiến sĩ thi đua cơ sở" in text  # before 07/2025 the district chairman decided it


def test_init_asks_in_a_terminal_who_signs_and_how_many_members(cli, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from tdkt.cli import app
    from tdkt.commands import init as init_cmd

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TDKT_WORKSPACE", raising=False)
    monkeypatch.delenv("TDKT_DATABASE_URL", raising=False)
    monkeypatch.setattr(init_cmd, "_interactive", lambda: True)
    answers = ["Hội đồng Thi đua - Khen thưởng xã Tân Lập", "xa", "7", "ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "", "UBND",
               "Tân Lập", "", "tỉnh Hải Đông", "2", "Lường Văn Phó", "", "1", "Quàng Thị Chủ"]
    # then blank answers to the quy chế questions (tdkt.commands.init._regulation): none set here
    r = CliRunner().invoke(app, ["init"], input="\n".join(answers) + "\n" * 12, env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert r.exit_code == 0, r.output
    assert "Số thành viên Hội đồng" in r.output and "2 = cấp phó ký thay (KT. CHỦ TỊCH)" in r.output
    cfg = w.load_config(tmp_path / "tdkt.toml")
    assert (cfg.council.level, cfg.council.members, cfg.agency.province) == ("xa", 7, "tỉnh Hải Đông")
    assert (cfg.signers.decision.mode, cfg.signers.decision.title, cfg.signers.decision.name) == (
        "deputy", "PHÓ CHỦ TỊCH", "Lường Văn Phó")
    assert (cfg.signers.proposal.mode, cfg.signers.proposal.name) == ("head", "Quàng Thị Chủ")
