"""Benchmark: `biofeedback progress` over a whole Lehrer plan and over a year of it.

Stores built with the test helper (tests/progress_store.py): two 20-minute paced
sessions a day with check-ins (1,200 beats each), for 10 weeks (140 sessions) and
for 52 weeks (728 sessions). Timed, median of 3, as the user runs it (a subprocess):
  * ``progress --json`` (every session's HR swing re-derived from its stored beats:
    the store keeps no swing);
  * reference: ``python -c "import biofeedback.app.progress_data"`` (the imports alone:
    SciPy and the store), the floor any such command pays.
Goals: 10 weeks <= reference + 2 s, a year <= reference + 8 s.

Run: ``.venv/bin/python benchmarks/progress_weeks.py``
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from progress_store import add_session, local_utc, sine_beats  # noqa: E402

from biofeedback.io.store import STORE_FILENAME, CheckIn, SessionStore  # noqa: E402

RUNS = 3
START = date(2025, 12, 1)  # a Monday
GOALS_OVER_REFERENCE_S = {10: 2.0, 52: 8.0}


def build(root: Path, weeks: int) -> dict:
    data, config = root / "data", root / "config"
    data.mkdir(parents=True)
    config.mkdir()
    (config / "settings.json").write_text(json.dumps({"plan_kind": "lehrer", "plan_start": START.isoformat()}))
    path = data / STORE_FILENAME
    beats = sine_beats(20.0, 60.0)
    with SessionStore(path) as store:
        for d in range(7 * weeks):
            for hour in (8, 19):
                add_session(store, path, local_utc(START + timedelta(days=d), hour), beats, "/dev/ttyUSB0", 6.0,
                            (CheckIn("before", stress=5, pain=6, mood=5), CheckIn("after", stress=4, pain=4, mood=6)))
    return {**os.environ, "BIOFEEDBACK_DATA_DIR": str(data), "BIOFEEDBACK_CONFIG_DIR": str(config)}


def timed(args: list[str], env: dict) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, timeout=600)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr}")
    return took, done.stdout


def main() -> int:
    missed = False
    with tempfile.TemporaryDirectory() as tmp:
        for weeks, goal in GOALS_OVER_REFERENCE_S.items():
            env = build(Path(tmp) / f"w{weeks}", weeks)
            until = (START + timedelta(weeks=weeks, days=-1)).isoformat()
            runs, refs = [], []
            for _ in range(RUNS):
                took, out = timed(["-m", "biofeedback", "progress", "--json", "--until", until], env)
                runs.append(took)
                refs.append(timed(["-c", "import biofeedback.app.progress_data"], env)[0])
            report = json.loads(out)
            assert report["sessions_counted"] == 14 * weeks and len(report["weeks"]) == weeks
            median, ref = statistics.median(runs), statistics.median(refs)
            ok = median <= ref + goal
            missed |= not ok
            print(f"progress over {weeks} weeks ({14 * weeks} sessions of 20 min): {median:.2f} s; "
                  f"reference (imports alone) {ref:.2f} s; goal <= reference + {goal:g} s: "
                  f"{'met' if ok else 'MISSED'}")
    print(f"load average {os.getloadavg()[0]:.2f}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
