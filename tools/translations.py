"""Refresh the translation files: ``pyside6-lupdate`` collects every ``translate(context, text)``
under biofeedback/ui into biofeedback/resources/translations/biofeedback_<lang>.ts (translations
already made are kept; new text comes in as type="unfinished"), then ``pyside6-lrelease`` compiles
each .ts into the .qm the app loads (shipped as package data). A regional file (pt_BR) holds only the
entries where the region differs from its base language's file: new text is not added to it (it falls
through to the base file), and an entry whose English text changed is kept as type="vanished", which
the tests reject until someone looks at it again.

    python tools/translations.py            # update the .ts files and build the .qm files
    python tools/translations.py --release  # only build the .qm files from the .ts as they are
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from biofeedback.resources import TRANSLATIONS_DIR  # noqa: E402
from biofeedback.ui.i18n import BASE_OF, CATALOG, LANGUAGES  # noqa: E402

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


def is_regional(ts: Path) -> bool:
    return ts.stem.removeprefix(f"{CATALOG}_") in BASE_OF


def lupdate_args(ts: Path) -> list[str]:
    sources = sorted(str(p) for p in SOURCES.rglob("*.py"))
    plural_only = ["-pluralonly"] if ts.stem.endswith("_en") else []
    keep_changed = [] if is_regional(ts) else ["-no-obsolete"]  # a regional entry left behind must be seen
    return [tool("pyside6-lupdate"), *keep_changed, "-locations", "none", *plural_only, *sources, "-ts", str(ts)]


# lupdate's form of a message nobody translated (plain or with plural forms), and of a context left empty
_NEW_MESSAGE = re.compile(r'\n    <message(?: numerus="yes")?>\n        <source>(?:(?!</message>).)*?</source>\n'
                          r'        <translation type="unfinished">(?:\s*<numerusform></numerusform>)*\s*</translation>\n'
                          r'    </message>', re.DOTALL)
_EMPTY_CONTEXT = re.compile(r"<context>\n    <name>[^<]*</name>\n</context>\n")


def update_file(ts: Path) -> None:
    """lupdate into ``ts``; a regional file then drops the new, untranslated entries lupdate added."""
    subprocess.run(lupdate_args(ts), check=True, capture_output=True)
    if is_regional(ts):
        text = _NEW_MESSAGE.sub("", ts.read_text(encoding="utf-8"))
        ts.write_text(_EMPTY_CONTEXT.sub("", text), encoding="utf-8")


def update() -> None:
    for ts in ts_files():
        update_file(ts)


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
