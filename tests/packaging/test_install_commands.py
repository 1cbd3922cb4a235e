"""The install commands written in the project's files name only extras the package has: pip installs
``.[bundle,ble]`` with a warning and without the missing part, so a release build would go on with a
dependency it was meant to have left out, and nobody would see it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

try:
    import tomllib  # Python 3.11+
except ImportError:  # Python 3.10: tomli, the same parser (mypy installs it there)
    tomllib = pytest.importorskip("tomli")

REPO = Path(__file__).resolve().parents[2]
# where the project tells pip (or a person) to install the checkout with extras
FILES = ("Makefile", ".github/workflows/release.yml", "README.md", "benchmarks/bundle.py",
         "benchmarks/validation.py")
EXTRAS = re.compile(r"""\.\[([A-Za-z0-9_,\- ]+)\]['"]""")  # '.[dev,bench]' or ".[bundle]"


def named_extras() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for name in FILES:
        for match in EXTRAS.finditer((REPO / name).read_text(encoding="utf-8")):
            found.setdefault(name, set()).update(e.strip() for e in match.group(1).split(","))
    return found


def test_every_extra_an_install_command_names_is_in_pyproject():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = set(project["optional-dependencies"])
    found = named_extras()
    assert {"Makefile", ".github/workflows/release.yml"} <= set(found)  # the pattern still finds them
    unknown = {name: sorted(named - extras) for name, named in found.items() if named - extras}
    assert unknown == {}
