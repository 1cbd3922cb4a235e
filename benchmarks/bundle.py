"""Benchmark and check: the one-folder bundle (PyInstaller, packaging/biofeedback.spec) built for
this machine and launched as a person would, against the wheel built and the app launched from the
venv in the same run.

* build: ``pyinstaller`` with the project's spec into a fresh folder (``--clean``), its time
  beside the time of ``python -m build --wheel --no-isolation`` of the same tree (the reference);
* size: the folder's size on disk beside the wheel's, and the largest parts, so a dependency that
  drags in a library (netCDF, HDF5, Qt Quick) shows;
* version: the bundle's ``--version`` against the wheel's;
* launch: the built ``biofeedback gui --simulate`` until 3 beats arrived (``--quit-after-beats``),
  on one Xvfb server (Debian's ``xvfb``) when there is no display, from spawn; beside the same
  command from the venv, both started together (the same machine load for each; the two waits on
  the simulated sensor's real-time beats overlap instead of adding up).

Exit status 1 when the build fails, the bundle does not show its window with the simulated sensor
connected and beats arriving, the bundle's or the venv's first run writes anything on stderr, the
bundle's ``install-desktop`` entry fails ``desktop-file-validate`` (Debian's desktop-file-utils), or
the folder is over SIZE_LIMIT_MB (it was 358 MB; 450 MB when pandas' optional HDF5/netCDF/dask
back ends came along). The build takes 65-190 s on 2 cores;
``tests/packaging/test_bundle.py`` runs this script in the test suite (marked slow).

Run: ``.venv/bin/python benchmarks/bundle.py [--out build/bundle-bench]`` (needs
``pip install -e '.[bundle]'``; ``make bundle`` builds into dist/ without the checks).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SPEC = REPO / "packaging" / "biofeedback.spec"
SIZE_LIMIT_MB = 400.0
BEATS = 3
LAUNCH_LIMIT_S = 120.0  # a hang guard, not a target


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def largest_parts(root: Path, n: int = 8) -> list[tuple[str, float]]:
    # PyInstaller links some libraries at the top to where they sit (libicudata -> PySide6/Qt/lib):
    # counted where they are, as folder_mb does, not twice
    parts = [(p.name, folder_mb(p) if p.is_dir() else p.stat().st_size / 1e6) for p in root.iterdir()
             if not p.is_symlink()]
    return sorted(parts, key=lambda x: -x[1])[:n]


def timed(cmd: list[str], **kwargs) -> tuple[float, subprocess.CompletedProcess]:
    start_s = time.monotonic()
    run = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    return time.monotonic() - start_s, run


@contextlib.contextmanager
def x_display() -> Iterator[str]:
    """The X display the launches use: the session's, or else one Xvfb server for this run (the
    server picks a free display number itself, so runs side by side do not race for one)."""
    if os.environ.get("DISPLAY"):
        yield os.environ["DISPLAY"]
        return
    if shutil.which("Xvfb") is None:
        sys.exit("no display and no Xvfb: apt-get install xvfb")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as ready:
        number = ready.readline().strip()  # written once the server accepts clients
    try:
        if not number:
            sys.exit(f"Xvfb did not start (exit {server.wait(timeout=10)})")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def launch(cmd: list[str], tmp: Path, display: str) -> tuple[float, str, int, str]:
    """Spawn to the third beat (and the app's own exit), a first run (empty settings and data
    folders); (seconds, its report line, exit status, what it wrote on stderr)."""
    env = dict(os.environ, BIOFEEDBACK_CONFIG_DIR=str(tmp / "config"), BIOFEEDBACK_DATA_DIR=str(tmp / "data"),
               DISPLAY=display)
    env.pop("QT_QPA_PLATFORM", None)  # a real X server: the xcb plugin, as on a desktop
    args = [*cmd, "gui", "--simulate", "--quit-after-beats", str(BEATS), "--quit-after", str(LAUNCH_LIMIT_S)]
    seconds, run = timed(args, env=env, timeout=LAUNCH_LIMIT_S + 60)
    lines = run.stdout.strip().splitlines()
    return seconds, (lines[-1] if lines else "(nothing printed)"), run.returncode, run.stderr.strip()


def desktop_entry(executable: Path, tmp: Path) -> tuple[str, bool]:
    """The bundle's ``install-desktop`` as a person runs it: (what was found, whether that is a
    failure). Its entry must pass desktop-file-validate and start this very bundle."""
    validate = shutil.which("desktop-file-validate")
    if validate is None or not sys.platform.startswith("linux"):
        return "not checked (Linux with desktop-file-validate only: apt-get install desktop-file-utils)", False
    env = dict(os.environ, XDG_DATA_HOME=str(tmp / "share"), QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([str(executable), "install-desktop"], capture_output=True, text=True, env=env, timeout=60)
    entry = tmp / "share" / "applications" / "biofeedback.desktop"
    if run.returncode != 0 or not entry.is_file():
        return f"install-desktop failed (exit {run.returncode}): {run.stderr.strip()[-600:]}", True
    check = subprocess.run([validate, str(entry)], capture_output=True, text=True, timeout=30)
    if check.returncode != 0 or check.stdout.strip():
        return f"desktop-file-validate: {(check.stdout + check.stderr).strip()}", True
    exec_value = next((x[len("Exec="):] for x in entry.read_text(encoding="utf-8").splitlines()
                       if x.startswith("Exec=")), "")
    if Path(exec_value).resolve() != executable.resolve():  # a path without spaces: no quoting
        return f"its entry starts {exec_value!r}, not {executable}", True
    return "a valid entry (desktop-file-validate) that starts the bundle", False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "build" / "bundle-bench")
    args = parser.parse_args()
    if shutil.which("pyinstaller", path=str(Path(sys.executable).parent)) is None:
        print("PyInstaller is not installed here: pip install -e '.[bundle]'", file=sys.stderr)
        return 2
    pyinstaller = str(Path(sys.executable).parent / "pyinstaller")
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    failures = []

    src = args.out / "src"  # a build writes into the tree it builds: a copy, not the checkout
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md"):
        shutil.copy2(REPO / name, src / name)
    shutil.copytree(REPO / "biofeedback", src / "biofeedback", ignore=shutil.ignore_patterns("__pycache__"))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    wheel_s, run = timed([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                          str(args.out / "wheel"), str(src)], env=env)
    if run.returncode != 0:
        print(run.stdout[-2000:], run.stderr[-2000:])
        return 1
    wheel = next((args.out / "wheel").glob("*.whl"))

    bundle_s, run = timed([pyinstaller, "--noconfirm", "--clean", "--log-level", "WARN", "--distpath",
                           str(args.out / "dist"), "--workpath", str(args.out / "work"), str(SPEC)], cwd=REPO)
    if run.returncode != 0:
        print(run.stdout[-3000:], run.stderr[-3000:])
        return 1
    folder = args.out / "dist" / "biofeedback"
    size_mb = folder_mb(folder)
    print(f"build   bundle {bundle_s:6.1f} s   (reference: the wheel {wheel_s:.1f} s)")
    print(f"size    bundle {size_mb:6.1f} MB  (reference: the wheel {wheel.stat().st_size / 1e6:.2f} MB); "
          f"limit {SIZE_LIMIT_MB:.0f} MB")
    inside = folder / "_internal" if (folder / "_internal").is_dir() else folder
    print("        largest: " + ", ".join(f"{name} {mb:.0f} MB" for name, mb in largest_parts(inside)))
    if size_mb > SIZE_LIMIT_MB:
        failures.append(f"the bundle is {size_mb:.0f} MB, over {SIZE_LIMIT_MB:.0f} MB")
    version = subprocess.run([str(folder / "biofeedback"), "--version"], capture_output=True, text=True,
                             timeout=60).stdout.strip()
    wanted = f"biofeedback {wheel.name.split('-')[1]}"  # the wheel's name carries the package's version
    print(f"version bundle says '{version}' (reference: the wheel's {wanted})")
    if version != wanted:
        failures.append(f"the bundle says '{version}' to --version, not '{wanted}'")

    with tempfile.TemporaryDirectory() as tmp, x_display() as display, ThreadPoolExecutor(2) as pool:
        bundle_job = pool.submit(launch, [str(folder / "biofeedback")], Path(tmp) / "bundle", display)
        venv_job = pool.submit(launch, [sys.executable, "-m", "biofeedback"], Path(tmp) / "venv", display)
        bundle_launch_s, line, code, bundle_err = bundle_job.result()
        venv_launch_s, venv_line, venv_code, venv_err = venv_job.result()
        for err, failed in ((bundle_err, code), (venv_err, venv_code)):
            if err:  # all of it when the launch failed (the traceback's end says why)
                print(f"    stderr: {err if failed else err[:600]}")
        print(f"launch  bundle {bundle_launch_s:6.1f} s to {BEATS} beats: {line}")
        print(f"        (reference: the venv {venv_launch_s:.1f} s: {venv_line}; both started together)")
        menu, menu_failed = desktop_entry(folder / "biofeedback", Path(tmp) / "menu")
        print(f"menu    install-desktop from the bundle: {menu}")
    if code != 0 or "window shown, source connected" not in line:
        failures.append(f"the bundle did not show its window with beats arriving (exit {code})")
    # a person's first run says nothing on the terminal (Qt plugin or library notices, Python warnings)
    for who, err in (("the bundle", bundle_err), ("the venv (make run's command)", venv_err)):
        if err:
            failures.append(f"{who} wrote on stderr on its first run: {err[:600]}")
    if menu_failed:
        failures.append(f"the bundle's desktop entry: {menu}")

    for failure in failures:
        print(f"FAIL: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
