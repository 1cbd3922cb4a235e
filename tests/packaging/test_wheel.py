"""The wheel as a user gets it: built from a copy of the source with ``python -m build`` (sdist,
then the wheel from the sdist) with no warning, installed by pipx into an empty environment (its
dependencies from the package index, as a person's ``pipx install`` gets them: ~25 s and 0.9 GB
here with pip's cache warm), and used there through its own scripts: ``--version``, ``analyze``
of the sample inside the wheel, the app started offscreen until beats arrive, and its menu entry
(``install-desktop``, validated by ``desktop-file-validate``).

The install skips pip's byte-compiling (``--no-compile``): it compiled all 16,000 files of the
environment (pandas' and scipy's tests among them), half the install's CPU time, and Python
compiles what the app imports on first use anyway; what is installed and how it runs is the same.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import biofeedback
from biofeedback import resources

pytestmark = pytest.mark.slow(about_s=8)  # 30 s in all, most of it the pipx install

REPO = Path(__file__).resolve().parents[2]
SOURCE_FILES = ("pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md", "MANIFEST.in")
BUILD_TIMEOUT_S = 180  # a hang guard; the build takes ~3 s
PIPX_TIMEOUT_S = 900  # a hang guard; the install takes ~25 s with pip's cache warm
ENV_BYTES = 1024**3  # the environment takes 0.9 GB


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
def venv(built, scratch_dir):
    """The pipx environment of the wheel (``pipx install WHEEL`` with its own PIPX_HOME and bin folder)."""
    wheel, _, _ = built
    python = Path(sys.base_prefix) / "bin" / f"python{sys.version_info.major}.{sys.version_info.minor}"
    with scratch_dir("pipx", ENV_BYTES) as home:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PIP_REQUIRE_VIRTUALENV")}
        env.update(PIPX_HOME=str(home / "home"), PIPX_BIN_DIR=str(home / "bin"), PIPX_MAN_DIR=str(home / "man"))
        run = subprocess.run([sys.executable, "-m", "pipx", "install", "--pip-args=--no-compile", "--python",
                              str(python), str(wheel)],
                             capture_output=True, text=True, env=env, timeout=PIPX_TIMEOUT_S)
        assert run.returncode == 0, (run.stdout + run.stderr)[-3000:]
        assert {p.name for p in (home / "bin").iterdir()} == {"biofeedback", "biofeedback-gui"}
        yield home / "home" / "venvs" / "biofeedback"


def test_build_makes_a_wheel_and_sdist_without_warnings(built):
    wheel, sdist, output = built
    warnings = [line for line in output.splitlines() if "warning" in line.lower()]
    assert warnings == []
    assert wheel.name == f"biofeedback-{biofeedback.__version__}-py3-none-any.whl"
    assert sdist.name == f"biofeedback-{biofeedback.__version__}.tar.gz"
    with tarfile.open(sdist) as tf:
        top = {Path(name).relative_to(Path(name).parts[0]).as_posix() for name in tf.getnames() if len(Path(name).parts) > 1}
    assert {"README.md", "LICENSE", "CHANGELOG.md", "pyproject.toml"} <= top


def test_wheel_holds_the_package_data_and_both_scripts(built):
    wheel, _, _ = built
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        info = f"biofeedback-{biofeedback.__version__}.dist-info"
        entry_points = zf.read(f"{info}/entry_points.txt").decode()
        metadata = zf.read(f"{info}/METADATA").decode()
    package = Path(biofeedback.__file__).parent
    wanted = [resources.ICON_SVG, resources.DESKTOP_TEMPLATE, resources.UDEV_RULES, resources.SAMPLE_PPG,
              *(resources.icon_png(s) for s in resources.ICON_SIZES_PX), *sorted(resources.LESSONS_DIR.glob("*.md")),
              *sorted(resources.TRANSLATIONS_DIR.glob("*.qm"))]
    assert len(wanted) > 14  # the 14 lessons among them
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


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="desktop entries are Linux")
def test_installed_install_desktop_writes_a_valid_entry_that_starts_the_installed_app(venv, tmp_path):
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        if os.environ.get("CI"):
            pytest.fail("desktop-file-validate is missing: .ci/run installs Debian's desktop-file-utils")
        pytest.skip("desktop-file-validate not installed (Debian: desktop-file-utils)")
    env = user_env(tmp_path)
    run = subprocess.run([str(venv / "bin" / "biofeedback"), "install-desktop"], capture_output=True, text=True,
                         env=env, cwd=tmp_path, timeout=60)
    assert run.returncode == 0, run.stderr
    entry = tmp_path / "share" / "applications" / "biofeedback.desktop"
    check = subprocess.run([validate, str(entry)], capture_output=True, text=True, timeout=30)
    assert check.returncode == 0 and check.stdout == "", check.stdout + check.stderr
    exec_line = next(x for x in entry.read_text(encoding="utf-8").splitlines() if x.startswith("Exec="))
    assert exec_line == f"Exec={venv / 'bin' / 'biofeedback-gui'}"  # pipx's own script, no console on Windows
    started = subprocess.run([exec_line[len("Exec="):], "--version"], capture_output=True, text=True, env=env,
                             timeout=60)
    assert started.stdout.strip() == f"biofeedback {biofeedback.__version__}"
