"""Generated references stay current: docs/cli.md (every command) and docs/codes.md (every code).

Regenerate with TDKT_UPDATE_DOCS=1.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _check(path: Path, text: str) -> None:
    if os.environ.get("TDKT_UPDATE_DOCS") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"{path} missing: run the tests with TDKT_UPDATE_DOCS=1"
    assert path.read_text(encoding="utf-8") == text, f"{path.name} is stale: run the tests with TDKT_UPDATE_DOCS=1"


def test_cli_reference_is_current() -> None:
    """docs/cli.md is written from the same Vietnamese help as ``--help`` (tdkt.commands.app)."""
    from tdkt.cli import app
    from tdkt.commands.app import cli_markdown

    text = cli_markdown(app).strip() + "\n"
    for word in ("Usage", "Options", "Arguments", "Commands", "Show this message", "<int", "<str", "[default"):
        assert word not in text, word
    for command in ("tdkt init", "tdkt session new", "tdkt validate", "tdkt tally", "tdkt render",
                    "tdkt register issue", "tdkt rules docs", "tdkt demo"):
        assert f"## `{command}`" in text
    _check(DOCS / "cli.md", text)


def test_code_reference_is_current() -> None:
    from tdkt.reference import codes_markdown

    _check(DOCS / "codes.md", codes_markdown() + "\n")


def test_every_code_made_in_the_source_is_in_the_catalogue() -> None:
    """Every literal code given to messages.make anywhere in tdkt/ is registered (a typo, or a code
    registered by a module the catalogue does not load, fails here rather than on an officer's list)."""
    import re

    from tdkt.messages import CATALOGUE
    from tdkt.reference import load_all_codes

    load_all_codes()
    made = set()
    for path in (ROOT / "tdkt").rglob("*.py"):
        made |= set(re.findall(r"make\(\s*\"([a-z]+\.[a-z0-9.-]+)\"", path.read_text(encoding="utf-8")))
    assert len(made) > 50
    assert sorted(made - set(CATALOGUE)) == []


def test_every_code_is_documented_in_vietnamese() -> None:
    from tdkt.messages import CATALOGUE
    from tdkt.reference import load_all_codes

    load_all_codes()
    assert len(CATALOGUE) > 20
    for code, msg in CATALOGUE.items():
        assert code.isascii() and "." in code, code
        assert msg.template.strip() and msg.description.strip(), code


@pytest.mark.parametrize("name", ["rules.md", "columns.md", "ballots.md", "register.md", "glossary.md"])
def test_reference_pages_exist(name: str) -> None:
    assert (DOCS / name).stat().st_size > 500


def test_glossary_lists_every_vietnamese_label() -> None:
    """docs/glossary.md holds tdkt.vocab's tables between its two markers, exactly."""
    from tdkt.vocab import glossary_markdown

    path = DOCS / "glossary.md"
    text = path.read_text(encoding="utf-8")
    start, end = "<!-- vocab: generated from tdkt/vocab.py -->\n", "<!-- /vocab -->"
    assert start in text and end in text, "docs/glossary.md lacks the generated vocabulary block"
    head, rest = text.split(start, 1)
    _old, tail = rest.split(end, 1)
    _check(path, head + start + glossary_markdown() + end + tail)


def test_authority_reference_is_current() -> None:
    """docs/authority.md: who decides what at each level and date, from tdkt/rules/authority/authority.yaml."""
    from tdkt.authority import reference_markdown

    text = reference_markdown()
    assert "Lao động tiên tiến" in text and "Luật Thi đua, khen thưởng năm 2022 Điều 80" in text
    _check(DOCS / "authority.md", text)


def _architecture_rooms() -> list[tuple[set[str], str]]:
    """docs/architecture.md's module paragraphs: (the packages each names, e.g. {'tdkt/ingest/'}, its text)."""
    import re

    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    section = text.split("## Modules, one paragraph each", 1)[1].split("\n## ", 1)[0]
    rooms = []
    for para in section.split("\n\n"):
        packages = set(re.findall(r"`(tdkt/(?:[a-z_]+/)?)`", para.split(".", 1)[0]))
        if para.startswith("**") and packages:
            rooms.append((packages, para))
    return rooms


def test_architecture_page_lists_every_module_and_only_modules() -> None:
    """Every module of tdkt/ is named in the paragraph of its package, and every "`name` —" there is one."""
    import re

    rooms = _architecture_rooms()
    assert len(rooms) >= 6
    modules: dict[str, set[str]] = {}
    for path in (ROOT / "tdkt").rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if "/migrations/" in rel or "/_examples/" in rel or (path.name == "__init__.py" and rel.count("/") == 1):
            continue
        package, name = rel.rsplit("/", 1)
        if name == "__init__.py":  # a package: its paragraph names it
            package, name = package.rsplit("/", 1)[0], package.rsplit("/", 1)[1]
            assert any(f"{package}/{name}/" in p for p, _ in rooms), f"{package}/{name}/ has no paragraph"
            continue
        modules.setdefault(package + "/", set()).add(name[:-3])
    missing = sorted(f"{pkg}{m}" for pkg, names in modules.items() for m in names
                     if not any(pkg in p and f"`{m}`" in para for p, para in rooms))
    assert missing == [], f"docs/architecture.md does not describe: {missing}"
    for packages, para in rooms:
        known = set().union(*(modules.get(p, set()) for p in packages))
        named = set(re.findall(r"`([a-z_]+)` —", para))
        assert named <= known, f"not a module of {sorted(packages)}: {sorted(named - known)}"
