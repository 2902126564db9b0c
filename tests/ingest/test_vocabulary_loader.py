"""The ingest vocabularies are read with libyaml's C loader when PyYAML has it (issue 18: ~0.15 s of
every command that reads a list); it reads them exactly as the pure-Python safe loader does."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml


@pytest.mark.parametrize("name", ["columns", "names"])
def test_the_c_loader_reads_the_vocabulary_as_the_python_one(name: str) -> None:
    text = resources.files("tdkt").joinpath(f"rules/ingest/{name}.yaml").read_text(encoding="utf-8")
    fast = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert fast and fast == yaml.load(text, Loader=yaml.SafeLoader)
