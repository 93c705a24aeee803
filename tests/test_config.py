"""Bad configuration: one clear message naming the file, the key and the problem; exit 2."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import SECRET, make_config

from counter_app.cli import main
from counter_app.core import config as config_mod
from counter_app.core.config import (
    ConfigError,
    FillOrder,
    WhenFull,
    load_config,
    shared_rules,
    with_shared_rules,
)

GOOD = f"""
[office]
name = "Disdukcapil"
timezone = "Asia/Makassar"

[capacity]
limit = 20

[tickets]
secret = "{SECRET}"

[[services]]
prefix = "A"
name = "Pengambilan Dokumen"
daily_quota = 150

[[services]]
prefix = "B"
name = "Legalisasi"
daily_quota = 100

[[counters]]
number = 1
services = ["A", "B"]
"""

CASES = [
    # (what, replace this, with that, key in message, words in message)
    ("syntax", "limit = 20", "limit = = 20", "", "TOML syntax error: Invalid value (at line 7"),
    ("unknown key", "limit = 20", "limit = 20\nlimmit = 3", "capacity.limmit", "unknown key"),
    ("wrong type", "limit = 20", 'limit = "20"', "capacity.limit", "whole number"),
    ("duplicate prefix", 'prefix = "B"', 'prefix = "A"', "services[2].prefix", "duplicate prefix"),
    ("unknown service", '["A", "B"]', '["A", "X"]', "counters[1].services", "unknown service 'X'"),
    ("timezone", '"Asia/Makassar"', '"Asia/Balikpapan"', "office.timezone", "unknown time zone"),
    (
        "negative quota",
        "daily_quota = 150",
        "daily_quota = -1",
        "services[1].daily_quota",
        "at least 0 (got -1)",
    ),
    ("limit below 1", "limit = 20", "limit = 0", "capacity.limit", "at least 1 (got 0)"),
    ("missing secret", f'secret = "{SECRET}"', "", "tickets.secret", "missing"),
    ("short secret", f'secret = "{SECRET}"', 'secret = "abc"', "tickets.secret", "16 characters"),
    (
        "bad hours",
        'timezone = "Asia/Makassar"',
        'timezone = "Asia/Makassar"\nopening_hours = "8-15"',
        "office.opening_hours",
        "HH:MM-HH:MM",
    ),
    ("bad mode", "limit = 20", 'limit = 20\nwhen_full = "queue"', "capacity.when_full", "refuse"),
    (
        "database scheme",
        "limit = 20",
        'limit = 20\n\n[database]\nurl = "http://example"',
        "database.url",
        "must start with sqlite:/// or postgresql+psycopg:// (got 'http://example')",
    ),
    ("empty database", "limit = 20", 'limit = 20\n\n[database]\nurl = ""', "database.url", "empty"),
]


@pytest.mark.parametrize(("what", "old", "new", "key", "words"), CASES, ids=[c[0] for c in CASES])
def test_each_config_error_is_named(
    tmp_path: Path,
    what: str,
    old: str,
    new: str,
    key: str,
    words: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert old in GOOD
    path = tmp_path / "office.toml"
    path.write_text(GOOD.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config(path)
    message = str(exc.value)
    assert str(path) in message
    assert key in message
    assert words in message
    assert main(["--config", str(path), "status"]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and key in err and "Traceback" not in err


def test_the_good_config_loads(tmp_path: Path) -> None:
    path = tmp_path / "office.toml"
    path.write_text(GOOD, encoding="utf-8")
    cfg = load_config(path)
    assert [s.prefix for s in cfg.services] == ["A", "B"]
    assert cfg.capacity.when_full == "refuse"


@pytest.mark.parametrize(
    ("written", "when_full"),
    [('"refuse"', WhenFull.REFUSE), ('"wait_outside"', WhenFull.WAIT_OUTSIDE)],
)
def test_when_full_reads_the_words_of_the_file_as_a_when_full(
    tmp_path: Path, written: str, when_full: WhenFull
) -> None:
    path = tmp_path / "office.toml"
    path.write_text(GOOD.replace("limit = 20", f"limit = 20\nwhen_full = {written}"), "utf-8")
    cfg = load_config(path)
    assert cfg.capacity.when_full is when_full
    assert cfg.capacity.when_full == when_full.value  # still equal to the plain word


@pytest.mark.parametrize("written", ['"Refuse"', "1", "true", '["refuse"]'])
def test_a_bad_when_full_says_the_two_choices(tmp_path: Path, written: str) -> None:
    path = tmp_path / "office.toml"
    path.write_text(GOOD.replace("limit = 20", f"limit = 20\nwhen_full = {written}"), "utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config(path)
    got = repr(tomllib.loads(f"v = {written}")["v"])
    assert str(exc.value) == (
        f"{path}: capacity.when_full: must be 'refuse' or 'wait_outside' (got {got})"
    )


def test_shared_rules_carry_when_full_as_its_plain_word() -> None:
    cfg = make_config(capacity={"limit": 3, "when_full": "wait_outside"})
    rules = json.loads(json.dumps(shared_rules(cfg)))  # as the database stores them
    assert rules["capacity"] == {
        "limit": 3,
        "when_full": "wait_outside",
        "fill": "strict",
        "max_pass": 3,
    }
    assert type(shared_rules(cfg)["capacity"]["when_full"]) is str
    assert with_shared_rules(cfg, rules).capacity.when_full is WhenFull.WAIT_OUTSIDE


def test_fill_order_is_strict_or_fit_with_a_bound() -> None:
    assert make_config().capacity.passes_allowed == 0  # strict by default
    cfg = make_config(capacity={"limit": 4, "fill": "fit", "max_pass": 2})
    assert cfg.capacity.fill is FillOrder.FIT and cfg.capacity.passes_allowed == 2
    with pytest.raises(ConfigError, match=r"capacity\.fill"):
        make_config(capacity={"fill": "any"})
    with pytest.raises(ConfigError, match=r"capacity\.max_pass"):
        make_config(capacity={"fill": "fit", "max_pass": 0})


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "nope.toml")
    bad = tmp_path / "latin1.toml"
    bad.write_bytes(b'[office]\nname = "Caf\xe9"\n')
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(bad)


def test_printer_kind_needs_its_address(tmp_path: Path) -> None:
    path = tmp_path / "office.toml"
    path.write_text(GOOD + '\n[printer]\nkind = "network"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"printer: kind = 'network' needs host"):
        load_config(path)


def test_init_config_writes_a_commented_sample_with_a_fresh_secret(tmp_path: Path) -> None:
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    assert main(["init-config", str(a)]) == 0
    assert main(["init-config", str(b)]) == 0
    ca, cb = load_config(a), load_config(b)
    assert ca.tickets.secret != cb.tickets.secret
    assert "# " in a.read_text(encoding="utf-8")
    assert main(["init-config", str(a)]) == 2  # never overwrites by accident
    assert main(["init-config", str(a), "--force"]) == 0


def test_first_run_creates_the_default_config(tmp_path: Path) -> None:
    cfg, path = config_mod.load_or_init(None)
    assert path.exists() and cfg.tickets.secret
    assert (
        tomllib.loads(path.read_text(encoding="utf-8"))["tickets"]["secret"] == cfg.tickets.secret
    )


def test_no_traceback_from_a_real_process(tmp_path: Path) -> None:
    path = tmp_path / "office.toml"
    path.write_text(GOOD.replace("limit = 20", "limit = -5"), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "counter_app", "--config", str(path), "issue", "A"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "capacity.limit" in proc.stderr and "Traceback" not in proc.stderr


def test_a_byte_order_mark_is_read_past(tmp_path: Path) -> None:
    path = tmp_path / "notepad.toml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))  # Windows Notepad's UTF-8
    assert [s.prefix for s in load_config(path).services] == ["A", "B"]


def test_db_on_the_command_line_is_checked_like_the_file(tmp_path: Path) -> None:
    path = tmp_path / "office.toml"
    path.write_text(GOOD, encoding="utf-8")
    for url, words in (("foo", "(got 'foo')"), ("", "must not be empty")):
        with pytest.raises(ConfigError, match=rf"^--db: .*{re.escape(words)}"):
            config_mod.load(path, url)
    assert config_mod.load(path, "sqlite:///x.sqlite3")[0].database.url == "sqlite:///x.sqlite3"


def test_a_service_is_named_in_the_language_asked_or_the_offices() -> None:
    cfg = make_config(
        services=[
            {
                "prefix": "A",
                "name": "Pengambilan Dokumen",
                "name_en": "Document pickup",
                "daily_quota": 1,
            },
            {"prefix": "B", "name": "Legalisasi", "daily_quota": 1},
        ]
    )
    assert cfg.service_name("A") == "Pengambilan Dokumen"  # the office speaks Indonesian
    assert cfg.service_name("A", "en") == "Document pickup"
    assert cfg.service_name("B", "en") == "Legalisasi"  # no English name: the one it has
    assert cfg.service_name("Z") == "Z"  # not configured: its prefix
    english = cfg.model_copy(update={"office": cfg.office.model_copy(update={"language": "en"})})
    assert english.service_name("A") == "Document pickup"
    assert english.service_name("A", "id") == "Pengambilan Dokumen"


# --- files that are not a configuration, and values too long to say back -----------------


def test_brackets_in_strings_and_comments_do_not_nest(tmp_path: Path) -> None:
    brackets = "[[[[[[[[[[[[[[[[[[[[{{{{{{{{{{{{{{{{{{{{"
    extra = (
        f'\n[display]\nticker = "{brackets} \\" {brackets}"\n'
        f"# {brackets}\n"
        f"[printer]\nfooter = ['{brackets}', \"\"\"{brackets}\n\"\"\"\"\", '''{brackets}''']\n"
    )
    path = tmp_path / "office.toml"
    path.write_text(GOOD + extra, encoding="utf-8")
    cfg = load_config(path)
    assert cfg.display.ticker.startswith("[[[[") and len(cfg.printer.footer) == 3


def test_nesting_is_bounded_at_16(tmp_path: Path) -> None:
    path = tmp_path / "office.toml"
    path.write_text("x = " + "[" * 16 + "]" * 16 + "\n" + GOOD, encoding="utf-8")
    with pytest.raises(ConfigError, match=r": x: unknown key$"):  # past the bound check
        load_config(path)
    path.write_text("x = " + "[" * 17 + "]" * 17 + "\n" + GOOD, encoding="utf-8")
    with pytest.raises(ConfigError, match=r": nested deeper than 16 levels \(line 1\)$"):
        load_config(path)


def test_a_value_said_back_is_cut_after_40_characters(tmp_path: Path) -> None:
    path = tmp_path / "office.toml"
    path.write_text(GOOD.replace("limit = 20", f'limit = "{"9" * 100_000}"'), "utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config(path)
    assert str(exc.value) == (
        f"{path}: capacity.limit: must be a whole number (got '{'9' * 40}'… (100000 characters))"
    )


def test_a_folder_and_an_oversized_file_are_refused_unread(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r": is a folder, not a file$"):
        load_config(tmp_path)
    big = tmp_path / "big.toml"
    big.write_text(GOOD + "#" * config_mod.MAX_CONFIG_BYTES, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"too large for a configuration file"):
        load_config(big)
    just = tmp_path / "just.toml"
    just.write_text(GOOD + "#" * (config_mod.MAX_CONFIG_BYTES - len(GOOD)), "utf-8")
    assert just.stat().st_size == config_mod.MAX_CONFIG_BYTES
    assert [s.prefix for s in load_config(just).services] == ["A", "B"]


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("sqlite:////x/%00.db", "contains a control character"),
        ("sqlite:///q.db?mode=ro", "takes no options after '?' for SQLite (mode)"),
        ("postgresql+psycopg2://u@h/db", "through psycopg 3"),
        ("sqlite://", "needs a file path"),
        ("sqlite+pysqlcipher:///q.db", "opened by Python's own sqlite3"),
        ("postgresql://" + "x" * 3000, "is too long (3013 characters)"),
    ],
)
def test_database_urls_that_would_fail_later_are_refused_now(
    tmp_path: Path, url: str, words: str
) -> None:
    """A URL the database layer would trip over (a NUL in the path, a read-only SQLite
    mode the queue cannot write through, another driver) is a configuration error naming
    --db or database.url, never an 'unexpected error' later."""
    path = tmp_path / "office.toml"
    path.write_text(GOOD, encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"^--db: .*{re.escape(words)}"):
        config_mod.load(path, url)
    path.write_text(GOOD + f'\n[database]\nurl = "{url}"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(words)) as exc:
        load_config(path)
    assert "database.url" in str(exc.value)
    path.write_text(GOOD, encoding="utf-8")
    assert config_mod.load(path, "postgresql://u@h/db")[0].database_url == "postgresql://u@h/db"


def test_the_offices_online_channel_and_whatsapp_are_optional_and_checked() -> None:
    assert make_config().office.online is None and make_config().office.whatsapp is None
    cfg = make_config(
        office={"online": "https://daring.example.go.id", "whatsapp": "0816 1234-5678"}
    )
    assert cfg.office.online == "https://daring.example.go.id"
    assert cfg.office.whatsapp == "0816 1234-5678"
    with pytest.raises(ConfigError, match=r"office\.online"):
        make_config(office={"online": "daring.example.go.id"})
    with pytest.raises(ConfigError, match=r"office\.whatsapp"):
        make_config(office={"whatsapp": "WA kantor"})
    sample = tomllib.loads(Path("resources/config/sample.toml").read_text(encoding="utf-8"))
    assert "online" not in sample["office"]  # commented out: nobody's real address
