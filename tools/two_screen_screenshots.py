"""A coach's two screens under X with a window manager: the laptop (1366x768) and the room screen (1920x1080).

Run inside a virtual X server as wide as both screens side by side:

    xvfb-run -a -s "-screen 0 3286x1080x24 -noreset" .venv/bin/python tools/two_screen_screenshots.py

(Debian packages: xvfb, openbox, imagemagick, x11-xserver-utils.) The script
splits the X screen into two RandR monitors (``xrandr --setmonitor``: Qt sees
two screens, LAPTOP and ROOM), starts openbox, opens the main window as a
first start on the laptop does (maximised), runs a session on the simulated
sensor with the app's clock sped up, presses F11 with "Screen 2" chosen, and
grabs both screens: docs/screenshots/two-screens-{laptop,room}.png. Then the
coach view on the laptop reads three ``biofeedback simulate --lsl`` clients,
one of them is killed, and the laptop is grabbed once it shows as lost:
docs/screenshots/coach-lost.png.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from desktop_session import fast_clock, on_a_desktop, wait, wait_for  # noqa: E402
from xvfb_screenshots import OUT, with_lsl_clients  # noqa: E402 (a sibling script, not a package)

LAPTOP = (1366, 768, 0, 0)  # width, height, x, y
ROOM = (1920, 1080, 1366, 0)


def split_screen() -> None:
    """Two RandR monitors on the one X screen (as a laptop and a projector side by side).

    The laptop takes the X screen's one output (its automatic monitor cannot be deleted, and a
    monitor spanning both would be a third screen to Qt); the room screen is a monitor without one.
    Xvfb must run with -noreset: when its last client leaves it resets and forgets the monitors."""
    output = subprocess.run(["xrandr", "--listmonitors"], capture_output=True, text=True,
                            check=True).stdout.splitlines()[-1].split()[-1]
    for name, (w, h, x, y), out in (("*LAPTOP", LAPTOP, output), ("ROOM", ROOM, "none")):
        # millimetres at 96 dpi, so Qt computes the same logical DPI on both
        geometry = f"{w}/{round(w * 25.4 / 96)}x{h}/{round(h * 25.4 / 96)}+{x}+{y}"
        subprocess.run(["xrandr", "--setmonitor", name, geometry, out], check=True, capture_output=True)


def crop(whole: Path, out: Path, area: tuple[int, int, int, int]) -> None:
    w, h, x, y = area
    subprocess.run(["convert", str(whole), "-crop", f"{w}x{h}+{x}+{y}", "+repage", str(out)], check=True)
    print(out)


def grab_both(out_dir: Path, stem: str, areas: dict[str, tuple[int, int, int, int]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        whole = Path(tmp) / "root.png"
        subprocess.run(["import", "-window", "root", str(whole)], check=True)
        for suffix, area in areas.items():
            crop(whole, out_dir / f"{stem}{suffix}.png", area)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", type=float, default=3.0, help="simulator and app clock speed-up")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        print("run me under xvfb-run (see the docstring)", file=sys.stderr)
        return 2
    split_screen()
    return on_a_desktop(lambda: with_lsl_clients("biofeedback-2screens", lambda clients: run(args, clients)),
                        prefix="biofeedback-2screens")


def run(args, clients: list[subprocess.Popen]) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from biofeedback.app.settings import Settings
    from biofeedback.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    from biofeedback.ui.i18n import install_language

    install_language(app, "en")  # as the app does: English too has a catalog (its plural forms)
    names = [s.name() for s in app.screens()]
    if names[:2] != ["LAPTOP", "ROOM"]:
        print(f"Qt sees the screens {names}, not LAPTOP and ROOM", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)

    clock = fast_clock(args.speed)
    settings = Settings(first_run_notice_seen=True, source_kind="simulated", session_minutes=20,
                        presentation_screen=1)
    window = MainWindow(settings, clock=clock, save=False)  # maximised on the laptop, as a first start
    window.show()
    wait(1.0)
    window.activateWindow()
    window.connect_source()
    wait_for(lambda: window.live.connected and window.model.clock_offset_s is not None, 30.0)
    wait(20.0 / args.speed)
    window.set_rate(5.5)
    window.toggle_session()
    wait(100.0 / args.speed)  # the 64 s coherence window fills
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_F11)
    wait(3.0)
    grab_both(args.out, "two-screens-", {"laptop": LAPTOP, "room": ROOM})
    QTest.keyClick(window, Qt.Key.Key_Escape)
    wait(0.5)

    coach = window.lsl.open_coach()
    coach.showMaximized()
    coach.raise_()
    wait(45.0)  # the tiles fill their minute (the clients run in real time)
    clients[2].kill()  # Chris's client dies
    clients[2].wait(5)
    wait(6.0)
    grab_both(args.out, "coach-lost", {"": LAPTOP})
    coach.close()
    errors = list(window.worker_errors)
    window.close()
    if errors:
        print("worker errors:\n" + "\n".join(errors), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
