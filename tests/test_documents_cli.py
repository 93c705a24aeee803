"""`counter-app documents` and `issue --document`, run as the back office runs them, on
SQLite and PostgreSQL: the export imported, refused whole with each bad row named, the
list masked, a pickup number tied to a ready document and handed over at the counter."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from conftest import write_config
from test_booking_cli import midday_zone
from test_cli_failures import cli, one_line

NIK_1, NIK_2 = "6471051203900001", "6471055203900002"
EXPORT = (
    "no_registrasi,nik,jenis_dokumen,tanggal_selesai\n"
    f"KK-2026-0001,{NIK_1},KK,2026-11-27\n"
    f"KTP-2026-0002,{NIK_2},KTP-el,2026-11-28\n"
)


def office(tmp_path: Path, db_url: str) -> Path:
    return write_config(
        tmp_path / "office.toml",
        db_url,
        office={"timezone": midday_zone(), "opening_hours": "06:00-18:00"},
        booking={"enabled": True, "closed_days": [], "opens_at": "00:00"},
        services=[
            {"prefix": "A", "name": "Pengambilan Dokumen", "daily_quota": 10, "online_quota": 4},
            {"prefix": "B", "name": "Legalisasi", "daily_quota": 10},
        ],
        counters=[{"number": 1, "services": ["A", "B"]}],
        documents={"enabled": True, "kinds": {"KK": "A", "KTP-el": "A"}},
    )


def test_import_list_issue_and_hand_over(tmp_path: Path, db_url: str) -> None:
    path = office(tmp_path, db_url)
    export = tmp_path / "siap.csv"
    export.write_text(EXPORT, encoding="utf-8")
    run = lambda *argv: cli("--config", str(path), *argv)  # noqa: E731

    proc = run("documents", "import", str(export))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Daftar dokumen jadi diimpor: 2 baru")
    again = json.loads(run("documents", "import", "--json", str(export)).stdout)
    assert again == {"added": 0, "updated": 0, "unchanged": 2, "handed": 0, "total": 2}

    listed = run("documents", "list")
    assert "KK-2026-0001" in listed.stdout and "************0001" in listed.stdout
    assert NIK_1 not in listed.stdout  # masked on the screen
    only_kk = json.loads(run("documents", "list", "--kind", "kk", "--json").stdout)
    assert [d["number"] for d in only_kk["documents"]] == ["KK-2026-0001"]

    refused = run("issue", "A", "--no-print", "--document", "KK-2026-9999")
    assert one_line(refused, 3).startswith("Belum jadi")
    needed = run("issue", "A", "--no-print")
    assert "nomor registrasi" in one_line(needed, 3)
    issued = json.loads(run("issue", "A", "--no-print", "--json", "--document", NIK_1).stdout)
    assert issued["code"] == "A-001"
    assert issued["document"] == {"number": "KK-2026-0001", "kind": "KK", "state": "ready"}

    called = run("call", "1")
    assert "KK KK-2026-0001 (untuk diserahkan)" in called.stdout
    assert run("done", "1").returncode == 0
    handed = json.loads(run("documents", "list", "--state", "handed", "--json").stdout)
    assert [(d["number"], d["ticket"]) for d in handed["documents"]] == [("KK-2026-0001", "A-001")]

    report = run("report")
    assert "dokumen KK: 1 diserahkan, 0 dipesan tetapi tidak diambil" in report.stdout
    assert run("documents", "handed", "ktp-2026-0002").returncode == 0
    twice = run("documents", "handed", "KTP-2026-0002")
    assert "sudah diserahkan" in one_line(twice, 3)
    bad_day = run("documents", "ready", "KIA-1", "--kind", "KK", "--date", "31/12/2026")
    assert "--date" in one_line(bad_day, 2)
    ready = json.loads(run("documents", "ready", "KIA-1", "--kind", "kk", "--json").stdout)
    assert (ready["number"], ready["kind"], ready["state"]) == ("KIA-1", "KK", "ready")
    unknown = run("documents", "handed", "XX-1")
    assert "tidak ada di daftar" in one_line(unknown, 3)


def test_a_bad_export_names_each_row_and_imports_nothing(tmp_path: Path, db_url: str) -> None:
    path = office(tmp_path, db_url)
    export = tmp_path / "siap.csv"
    export.write_text(EXPORT + "KK-3,12,KK,2026-11-27\nKK-4,,PASPOR,2026-11-27\n", "utf-8")
    proc = cli("--config", str(path), "documents", "import", str(export))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert lines[0].startswith(f"{export}: baris 4: NIK salah")
    assert lines[1].startswith(f"{export}: baris 5: jenis dokumen 'PASPOR' tidak dikenal")
    assert lines[2] == "Tidak ada yang diimpor: perbaiki berkas lalu impor lagi."
    listed = json.loads(cli("--config", str(path), "documents", "list", "--json").stdout)
    assert listed == {"documents": []}

    missing = cli("--config", str(path), "documents", "import", str(tmp_path / "none.csv"))
    assert "none.csv" in one_line(missing, 2)


def test_the_bookings_export_names_each_booking_s_document(tmp_path: Path, db_url: str) -> None:
    path = office(tmp_path, db_url)
    export = tmp_path / "siap.csv"
    export.write_text(EXPORT, encoding="utf-8")
    assert cli("--config", str(path), "documents", "import", str(export)).returncode == 0
    from counter_app.core import config as config_mod
    from counter_app.core.queue import open_queue

    queue = open_queue(config_mod.load_config(path))
    queue.book("A", queue.today(), NIK_2)
    queue.db.dispose()
    out = tmp_path / "bookings.csv"
    proc = cli("--config", str(path), "bookings", "--csv", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "KTP-el KTP-2026-0002" in proc.stdout
    (row,) = csv.DictReader(out.open(encoding="utf-8"))
    assert (row["document_kind"], row["document_number"]) == ("KTP-el", "KTP-2026-0002")
