"""The command line: JSON shapes, exit codes and messages."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from conftest import write_config

from counter_app.cli import main


@pytest.fixture
def cfg_path(tmp_path: Path, db_url: str) -> Path:
    return write_config(tmp_path / "office.toml", db_url, capacity={"limit": 3})


def run(capsys: pytest.CaptureFixture[str], cfg: Path, *argv: str) -> tuple[int, dict, str]:
    code = main(["--config", str(cfg), *argv])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip().startswith("{") else {}), err


def test_issue_json_has_the_ticket_fields(
    cfg_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, t, _ = run(capsys, cfg_path, "issue", "A", "--group", "2", "--priority", "--json")
    assert code == 0
    assert {
        "code",
        "prefix",
        "number",
        "day",
        "state",
        "group",
        "priority",
        "issued_at",
        "ahead",
        "estimated_minutes",
        "qr",
        "print_status",
    } <= t.keys()
    assert (t["code"], t["prefix"], t["number"], t["group"], t["priority"]) == (
        "A-001",
        "A",
        1,
        2,
        True,
    )
    assert datetime.fromisoformat(t["issued_at"]).utcoffset() is not None
    assert t["issued_at"].endswith("+08:00")  # office-local: Asia/Makassar
    assert t["print_status"] == "off"  # the test config has no printer
    code, v, _ = run(capsys, cfg_path, "verify", t["qr"], "--json")
    assert code == 0 and v["ok"] and v["ticket"]["code"] == "A-001"


def test_counter_commands(cfg_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for _ in range(2):
        run(capsys, cfg_path, "issue", "A")
    assert run(capsys, cfg_path, "call", "1", "--json")[1]["code"] == "A-001"
    assert run(capsys, cfg_path, "recall", "1", "--json")[1]["recalls"] == 1
    assert run(capsys, cfg_path, "no-show", "1", "--json")[1]["state"] == "no_show"
    assert run(capsys, cfg_path, "return", "A-001", "--json")[1]["state"] == "waiting"
    assert run(capsys, cfg_path, "call-ticket", "2", "A-001", "--json")[1]["counter"] == 2
    assert run(capsys, cfg_path, "transfer", "A-001", "B", "--json")[1]["service"] == "B"
    assert run(capsys, cfg_path, "call", "1", "--json")[1]["code"] == "A-002"
    assert run(capsys, cfg_path, "done", "1", "--json")[1]["state"] == "done"
    assert run(capsys, cfg_path, "cancel", "A-001", "--json")[1]["state"] == "cancelled"
    code, st, _ = run(capsys, cfg_path, "status", "--json")
    assert code == 0
    assert (st["limit"], st["occupancy"]) == (3, 0)
    a = next(s for s in st["services"] if s["prefix"] == "A")
    assert (a["issued"], a["quota_left"]) == (2, 148)
    assert st["counters"][0]["served_today"] == 1


def test_refusals_exit_3_with_the_reason(
    cfg_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, cfg_path, "issue", "C")
    assert code == 3 and "dihentikan sementara" in err
    code, _, err = run(capsys, cfg_path, "call", "1")
    assert code == 3 and "Tidak ada antrean" in err
    run(capsys, cfg_path, "issue", "A", "--group", "3")
    code, body, err = run(capsys, cfg_path, "issue", "A", "--json")
    assert code == 3 and "penuh" in err and body["refused"] == "hall_full"


def test_tampered_payloads(cfg_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, t, _ = run(capsys, cfg_path, "issue", "A", "--json")
    qr = t["qr"]
    cases = {
        qr.replace("A-001", "A-009"): "bad_signature",
        qr[:-1] + ("A" if qr[-1] != "A" else "B"): "bad_signature",
        qr.replace(t["day"].replace("-", ""), "20200101"): "bad_signature",
        "CQ1:20200101:A-001:AAAAAAAAAAAAAAAA": "bad_signature",
        "https://example.com": "malformed",
        "": "malformed",
    }
    for payload, problem in cases.items():
        code, v, _ = run(capsys, cfg_path, "verify", payload, "--json")
        assert (code, v["ok"], v["problem"]) == (3, False, problem), payload


def test_bad_usage_exits_2(cfg_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["issue"], ["call", "one"], ["frobnicate"], ["issue", "A", "--group", "x"]):
        with pytest.raises(SystemExit) as exc:
            main(["--config", str(cfg_path), *argv])
        assert exc.value.code == 2
    capsys.readouterr()
    code, _, err = run(capsys, cfg_path, "issue", "A", "--group", "9")
    assert code == 3 and "1 sampai 4" in err


def test_entry_point_runs_as_a_module(cfg_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "counter_app", "--config", str(cfg_path), "issue", "B", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["code"] == "B-001"


@pytest.mark.parametrize(
    ("language", "hall", "service", "printed"),
    [
        (
            "id",
            "ruang tunggu 1/3, 0 di luar (0 orang)",
            "menunggu 1, di luar 0, diambil 1/150",
            "cetak: tidak dicetak",
        ),
        (
            "en",
            "hall 1/3, 0 outside (0 persons)",
            "waiting 1, outside 0, issued 1/150",
            "print: off",
        ),
    ],
)
def test_the_plain_text_speaks_the_office_language(
    tmp_path: Path,
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    language: str,
    hall: str,
    service: str,
    printed: str,
) -> None:
    cfg = write_config(
        tmp_path / "office.toml",
        db_url,
        office={"language": language},
        capacity={"limit": 3, "when_full": "wait_outside"},
    )
    assert main(["--config", str(cfg), "issue", "A", "--no-print"]) == 0
    ticket = capsys.readouterr().out
    assert f"  {printed}" in ticket.splitlines()
    assert main(["--config", str(cfg), "status"]) == 0
    status = capsys.readouterr().out
    assert hall in status.splitlines()[0]
    assert f"  A Pengambilan Dokumen: {service}, " in status
    qr = next(line.split()[1] for line in ticket.splitlines() if line.startswith("  QR "))
    assert main(["--config", str(cfg), "verify", qr]) == 0
    verdict = capsys.readouterr().out
    assert verdict.startswith("SAH  " if language == "id" else "OK  "), verdict
    english = ("hall ", "waiting ", "outside ", "print: ", "served ", "no-show ", "OK ")
    if language == "id":
        assert not [w for w in english if w in ticket + status + verdict], ticket + status
