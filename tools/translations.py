"""Refresh the translation files: ``pyside6-lupdate`` collects every ``translate(context, text)``
under biofeedback/ui into biofeedback/resources/translations/biofeedback_<lang>.ts (translations
already made are kept; new text comes in as type="unfinished"), then ``pyside6-lrelease`` compiles
each .ts into the .qm the app loads (shipped as package data).

    python tools/translations.py            # update the .ts files and build the .qm files
    python tools/translations.py --release  # only build the .qm files from the .ts as they are
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from biofeedback.resources import TRANSLATIONS_DIR  # noqa: E402
from biofeedback.ui.i18n import CATALOG, LANGUAGES  # noqa: E402

SOURCES = ROOT / "biofeedback" / "ui"


def tool(name: str) -> str:
    """The PySide6 tool beside this interpreter (the venv's bin), else on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: it ships with the PySide6 wheel (pip install PySide6)")
    return found


def ts_files() -> list[Path]:
    """One file a language; English's holds only the plural forms (the source text is the rest)."""
    return [TRANSLATIONS_DIR / f"{CATALOG}_{lang}.ts" for lang in LANGUAGES]


def lupdate_args(ts: Path) -> list[str]:
    sources = sorted(str(p) for p in SOURCES.rglob("*.py"))
    plural_only = ["-pluralonly"] if ts.stem.endswith("_en") else []
    return [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *plural_only, *sources, "-ts", str(ts)]


def update() -> None:
    for ts in ts_files():
        subprocess.run(lupdate_args(ts), check=True)


def release(out_dir: Path = TRANSLATIONS_DIR) -> list[Path]:
    built = []
    for ts in ts_files():
        qm = out_dir / ts.with_suffix(".qm").name
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only compile the .ts files into .qm")
    args = parser.parse_args()
    if not args.release:
        update()
    for qm in release():
        print(f"{qm.relative_to(ROOT)}: {qm.stat().st_size} bytes")


if __name__ == "__main__":
    main()
