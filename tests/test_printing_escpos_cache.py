"""python-escpos's capabilities cache: stations starting together, and a damaged file.

python-escpos writes its pickle in place; pointed at a lasting folder, a window starting
while another writes it read half a file and died with EOFError, and an empty file (a
power cut during the first start) stopped every later start.
"""

from __future__ import annotations

import os
import pickle
import platform
import subprocess
import sys
import time
from pathlib import Path

from counter_app.printing._escpos import CAPABILITIES_FILE, cache_capabilities

ROOT = Path(__file__).resolve().parent.parent


def _start(cache_home: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "ESCPOS_CAPABILITIES_PICKLE_DIR"}
    env.update(XDG_CACHE_HOME=str(cache_home), PYTHONPATH=str(ROOT))
    code = "import counter_app.printing as p; print(len(p._escpos.profile_names()))"
    return subprocess.Popen(
        [sys.executable, "-c", code],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _pickle(cache_home: Path) -> Path:
    return (
        cache_home / "counter-app" / "escpos" / f"{platform.python_version()}.capabilities.pickle"
    )


def test_stations_starting_together_on_an_empty_cache_all_start(tmp_path: Path) -> None:
    for attempt in range(3):
        home = tmp_path / f"cache{attempt}"
        children = [_start(home) for _ in range(4)]
        results = [(c.wait(timeout=120), *c.communicate()) for c in children]
        assert [(code, err) for code, _out, err in results] == [(0, "")] * 4
        assert len({out for _code, out, _err in results}) == 1  # the same printer list
        assert pickle.loads(_pickle(home).read_bytes())["profiles"]


def test_a_truncated_cache_is_rebuilt_not_fatal(tmp_path: Path) -> None:
    damaged = _pickle(tmp_path)
    damaged.parent.mkdir(parents=True)
    damaged.write_bytes(b"")
    future = time.time() + 60  # newer than capabilities.json: escpos alone would trust it
    os.utime(damaged, (future, future))
    child = _start(tmp_path)
    out, err = child.communicate(timeout=120)
    assert (child.returncode, err) == (0, "")
    assert int(out) > 10
    assert pickle.loads(damaged.read_bytes())["profiles"]


def test_an_unwritable_cache_falls_back_to_escpos_own_folder(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    assert cache_capabilities(blocked / "escpos", CAPABILITIES_FILE) is False
    assert cache_capabilities(tmp_path / "escpos", CAPABILITIES_FILE) is True
    assert [p.name for p in (tmp_path / "escpos").iterdir()] == [
        f"{platform.python_version()}.capabilities.pickle"
    ]  # no partial files left behind
