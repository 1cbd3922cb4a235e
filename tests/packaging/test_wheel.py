"""The wheel as a user gets it: built from a copy of the source with ``python -m build`` (sdist,
then the wheel from the sdist) with no warning, installed into an empty venv, and used there
through its own scripts: ``--version``, ``analyze`` of the sample inside the wheel, and the app
started offscreen until beats arrive.

Installing the wheel's dependencies from PyPI (PySide6 alone is ~200 MB) would make this a
download test, so the venv gets the wheel with ``--no-deps`` and sees the dependencies already
installed here through a ``.pth`` line naming this interpreter's site-packages. That line adds the
folder only: the editable install's hook in it (a ``.pth`` of its own) is not run, so
``biofeedback`` can only come from the wheel, which the test checks. pipx does the same venv +
pip install; the README's timing of the full download is in CHANGELOG/README, not here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

import biofeedback
from biofeedback import resources

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
SOURCE_FILES = ("pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md")
BUILD_TIMEOUT_S = 180  # a hang guard; the build takes ~3 s


def user_env(tmp_path: Path) -> dict[str, str]:
    """The environment of a person's shell: no PYTHONPATH, their own config and data folders."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE")}
    env.update(QT_QPA_PLATFORM="offscreen", BIOFEEDBACK_CONFIG_DIR=str(tmp_path / "config"),
               BIOFEEDBACK_DATA_DIR=str(tmp_path / "data"), XDG_DATA_HOME=str(tmp_path / "share"))
    return env


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path, str]:
    """(wheel, sdist, build output) from a copy of the source (a build writes into its tree)."""
    tmp = tmp_path_factory.mktemp("build")
    src = tmp / "src"
    src.mkdir()
    for name in SOURCE_FILES:
        shutil.copy2(REPO / name, src / name)
    shutil.copytree(REPO / "biofeedback", src / "biofeedback", ignore=shutil.ignore_patterns("__pycache__"))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    run = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(tmp / "dist"), str(src)],
                         capture_output=True, text=True, env=env, timeout=BUILD_TIMEOUT_S)
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-3000:]
    wheels = list((tmp / "dist").glob("biofeedback-*.whl"))
    sdists = list((tmp / "dist").glob("biofeedback-*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, output[-3000:]
    return wheels[0], sdists[0], output


@pytest.fixture(scope="module")
def venv(built, tmp_path_factory) -> Path:
    """An empty venv with the wheel installed by pip (no index, no dependencies: see above)."""
    wheel, _, _ = built
    root = tmp_path_factory.mktemp("venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True, timeout=60)
    python = root / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    "--no-index", str(wheel)], check=True, timeout=120)
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "zz_dependencies_from_the_test_runner.pth").write_text("\n".join(sorted(ours)) + "\n")
    return root


def test_build_makes_a_wheel_and_sdist_without_warnings(built):
    wheel, sdist, output = built
    warnings = [line for line in output.splitlines() if "warning" in line.lower()]
    assert warnings == []
    assert wheel.name == f"biofeedback-{biofeedback.__version__}-py3-none-any.whl"
    assert sdist.name == f"biofeedback-{biofeedback.__version__}.tar.gz"


def test_wheel_holds_the_package_data_and_both_scripts(built):
    wheel, _, _ = built
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        info = f"biofeedback-{biofeedback.__version__}.dist-info"
        entry_points = zf.read(f"{info}/entry_points.txt").decode()
        metadata = zf.read(f"{info}/METADATA").decode()
    package = Path(biofeedback.__file__).parent
    wanted = [resources.ICON_SVG, resources.DESKTOP_TEMPLATE, resources.UDEV_RULES, resources.SAMPLE_PPG,
              *(resources.icon_png(s) for s in resources.ICON_SIZES_PX)]
    missing = [str(p.relative_to(package.parent)) for p in wanted if str(p.relative_to(package.parent)) not in names]
    assert missing == []
    assert "biofeedback = biofeedback.__main__:main" in entry_points
    assert "[gui_scripts]\nbiofeedback-gui = biofeedback.__main__:gui_main" in entry_points
    assert "License-Expression: MIT" in metadata
    assert f"{info}/licenses/LICENSE" in names


def test_installed_version_is_the_packages(venv, tmp_path):
    run = subprocess.run([str(venv / "bin" / "biofeedback"), "--version"], capture_output=True, text=True,
                         env=user_env(tmp_path), cwd=tmp_path, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f"biofeedback {biofeedback.__version__}"
    where = subprocess.run([str(venv / "bin" / "python"), "-c", "import biofeedback; print(biofeedback.__file__)"],
                           capture_output=True, text=True, env=user_env(tmp_path), cwd=tmp_path, timeout=60)
    assert Path(where.stdout.strip()).is_relative_to(venv)  # the wheel's copy, not the checkout


def test_installed_analyze_reads_the_packaged_sample(venv, tmp_path):
    env = user_env(tmp_path)
    sample = subprocess.run([str(venv / "bin" / "python"), "-c",
                             "from biofeedback.resources import SAMPLE_PPG; print(SAMPLE_PPG)"],
                            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60).stdout.strip()
    assert Path(sample).is_relative_to(venv) and Path(sample).is_file()
    run = subprocess.run([str(venv / "bin" / "biofeedback"), "analyze", sample, "--json"],
                         capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert run.returncode == 0, run.stderr
    metrics = json.loads(run.stdout)
    assert metrics["n_beats"] > 150  # 150 s at ~65 bpm
    assert 55 < metrics["mean_hr_bpm"] < 75
    assert metrics["lf_peak_hz"] == pytest.approx(0.1, abs=0.02)  # breathing at 6 breaths/min


def test_installed_gui_opens_offscreen_and_beats_arrive(venv, tmp_path):
    # the time limit guards a hang only: the app quits at the third beat (~5 s here)
    run = subprocess.run([str(venv / "bin" / "biofeedback-gui"), "gui", "--simulate", "--quit-after-beats", "3",
                          "--quit-after", "100"],
                         capture_output=True, text=True, env=user_env(tmp_path), cwd=tmp_path, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr[-2000:]
    line = run.stdout.strip().splitlines()[-1]
    assert "window shown, source connected" in line, run.stdout + run.stderr[-2000:]
    assert int(line.rsplit(",", 1)[1].split()[0]) >= 3  # "…, N beats"
