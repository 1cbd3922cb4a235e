"""A desktop without a library Qt's X11 platform needs (fresh Ubuntu lacks libxcb-cursor0): the app
names the library and the package to install instead of Qt's plugin error and an abort. The library
is really missing: hidden by an overlay in a mount namespace of the app's own (root, as in CI), so
nothing else on the machine loses it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from biofeedback.ui.x11_libraries import install_hint, missing_library_message, uses_xcb

LIBRARY = "libxcb-cursor.so.0"


def library_folder(name: str) -> Path | None:
    """The folder the dynamic linker finds ``name`` in (ldconfig's cache), or None."""
    ldconfig = shutil.which("ldconfig") or "/sbin/ldconfig"
    try:
        cache = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, timeout=30).stdout
    except OSError:
        return None
    for line in cache.splitlines():
        if line.strip().startswith(name + " ") and "=>" in line:
            return Path(line.split("=>")[1].strip()).parent
    return None


def test_qt_chooses_x11_where_the_app_checks_for_its_libraries():
    if not sys.platform.startswith("linux"):
        assert not uses_xcb({"DISPLAY": ":0"})
        return
    assert uses_xcb({"DISPLAY": ":0"})
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"})
    assert not uses_xcb({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"})
    assert not uses_xcb({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"})
    assert not uses_xcb({})
    assert missing_library_message({"QT_QPA_PLATFORM": "offscreen"}) is None


def test_the_package_named_for_a_missing_library():
    assert install_hint(LIBRARY) == ("Debian/Ubuntu: sudo apt install libxcb-cursor0; "
                                     "Fedora: sudo dnf install xcb-util-cursor")
    assert install_hint("libxcb-icccm.so.4") == "Debian/Ubuntu: sudo apt install libxcb-icccm4"
    assert install_hint("libfoo.so.3") == "the package that provides libfoo.so.3"


@pytest.mark.skipif(not sys.platform.startswith("linux") or os.geteuid() != 0 or shutil.which("unshare") is None,
                    reason="hides a library in a mount namespace: Linux, root (CI runs as root) and unshare")
def test_a_missing_x11_library_is_named_with_its_package_instead_of_qts_abort(tmp_path):
    folder = library_folder(LIBRARY)
    if folder is None:
        pytest.skip(f"{LIBRARY} is not installed here (.ci/run installs libxcb-cursor0)")
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    # a display name only: the app must stop before it connects, so no X server is needed
    env.update(DISPLAY=":99", BIOFEEDBACK_CONFIG_DIR=str(tmp_path / "config"),
               BIOFEEDBACK_DATA_DIR=str(tmp_path / "data"))
    env.pop("XDG_SESSION_TYPE", None)
    layers = tmp_path / "layers"
    layers.mkdir()
    app = f"{sys.executable} -m biofeedback gui --simulate --quit-after 30"
    # an overlay of the library folder whose upper layer holds a whiteout (0/0 device) for the library
    script = (f"set -e; mount -t tmpfs tmpfs {layers}; mkdir {layers}/u {layers}/w; mknod {layers}/u/{LIBRARY} c 0 0; "
              f"mount -t overlay overlay -o lowerdir={folder},upperdir={layers}/u,workdir={layers}/w {folder}; "
              f"if [ -e {folder}/{LIBRARY} ]; then echo 'still there' >&2; exit 97; fi; exec {app}")
    run = subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c", script],
                         capture_output=True, text=True, env=env, timeout=60)
    if run.returncode != 2 and ("mount:" in run.stderr or "unshare:" in run.stderr or "mknod:" in run.stderr):
        pytest.skip(f"no mount namespace with an overlay here: {run.stderr.strip()[:300]}")
    assert run.returncode == 2, run.stdout + run.stderr
    assert run.stderr.strip() == (
        f"biofeedback: the window cannot open: Qt's X11 support needs the system library {LIBRARY}, which is not "
        "installed. Install it once (Debian/Ubuntu: sudo apt install libxcb-cursor0; Fedora: sudo dnf install "
        "xcb-util-cursor), then start biofeedback again. The headless commands (`biofeedback simulate`, `record`, "
        "`analyze`) work without it.")
    # outside the namespace the library is where it was, and the check lets the app through
    assert (folder / LIBRARY).exists()
    outside = subprocess.run([sys.executable, "-c", "from biofeedback.ui.x11_libraries import missing_library_message; "
                              "print(missing_library_message({'DISPLAY': ':99'}))"],
                             capture_output=True, text=True, env=env, timeout=60)
    assert outside.stdout.strip() == "None", outside.stderr
