"""Editing the configuration file in place: comments kept, every value checked by the
loader's own rules. (The admin PIN it stores: test_admin_pin.py.)"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from counter_app.core import config as config_mod
from counter_app.core.config import ConfigError
from counter_app.core.settings_file import SettingsFile


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    config_mod.write_sample(path)
    return path


def comments(text: str) -> list[str]:
    return [line[line.index("#") :] for line in text.splitlines() if "#" in line]


def test_changes_keep_every_comment_and_load(sample: Path) -> None:
    before = sample.read_text(encoding="utf-8")
    settings = SettingsFile(sample)
    settings.set("capacity.limit", 25)
    settings.set("services[1].daily_quota", 120)
    settings.set("services[3].suspended", None)  # C resumes
    settings.set("services[2].suspended", "Legalisasi ditutup hari ini")
    settings.set("office.opening_hours", "08:00-15:00")
    settings.set("display.ticker", "Harap bawa KTP asli")
    cfg = settings.save()
    after = sample.read_text(encoding="utf-8")
    assert comments(after) == [
        c for c in comments(before) if not c.startswith("# closed, with this notice")
    ]
    assert "limit = 25                        # persons allowed inside" in after
    loaded = config_mod.load_config(sample)
    assert loaded == cfg
    assert loaded.capacity.limit == 25
    assert [s.suspended for s in loaded.services] == [None, "Legalisasi ditutup hari ini", None]
    assert loaded.office.opening_hours == "08:00-15:00"
    assert not list(sample.parent.glob("*.tmp"))


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("capacity.limit", 0, "must be at least 1"),
        ("capacity.limit", "dua puluh", "must be a whole number"),
        ("capacity.when_full", "tunggu", "must be 'refuse' or 'wait_outside'"),
        ("services[1].daily_quota", -1, "must be at least 0"),
        ("services[2].prefix", "A", "duplicate prefix"),
        ("office.timezone", "Asia/Balikpapan", "unknown time zone"),
        ("office.opening_hours", "15:00-08:00", "opening must be before closing"),
        ("counters[1].services", ["A", "X"], "unknown service 'X'"),
        ("display.screen", 99, "must be at most 16"),
        ("printer.port", 70000, "must be at most 65535"),
    ],
)
def test_an_invalid_value_is_refused_with_its_key_and_nothing_is_written(
    sample: Path, key: str, value: object, message: str
) -> None:
    before = sample.read_bytes()
    settings = SettingsFile(sample)
    settings.set(key, value)
    with pytest.raises(ConfigError) as exc:
        settings.save()
    first_key, first_message = exc.value.problems[0]
    assert first_key == key and message in first_message
    assert sample.read_bytes() == before


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_file_kept_for_staff_only_stays_so_after_a_save(sample: Path) -> None:
    """The file holds the ticket secret and the PIN's hash: a save keeps its mode 600."""
    sample.chmod(0o600)
    settings = SettingsFile(sample)
    settings.set("capacity.limit", 25)
    settings.save()
    assert stat.S_IMODE(sample.stat().st_mode) == 0o600
