"""A document's whole way through the office, every step a real process as staff and
visitors run it, on SQLite and PostgreSQL: the back office imports the ready list, the
visitor checks from the phone and books with the document, checks in at the door, the
counter sees what to fetch and hands it over, and the report counts it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx2
from test_cli_failures import cli
from test_web_documents import KK, NIK_KK, TIMEOUT, book, check, documents_office, result_of
from webkit import web_server

from counter_app.core import config as config_mod
from counter_app.core.queue import open_queue


def test_imported_checked_booked_checked_in_and_handed_over(tmp_path: Path, db_url: str) -> None:
    office = documents_office(tmp_path / "office.toml", db_url)
    run = lambda *argv: cli("--config", str(office), *argv)  # noqa: E731
    queue = open_queue(config_mod.load_config(office))
    today = queue.today()
    queue.db.dispose()
    export = tmp_path / "siap.csv"
    export.write_text(
        f"no_registrasi,nik,jenis_dokumen,tanggal_selesai\n{KK},{NIK_KK},KK,{today}\n",
        encoding="utf-8",
    )
    imported = run("documents", "import", str(export))
    assert imported.returncode == 0, imported.stderr

    with web_server(office) as base, httpx2.Client(base_url=base, timeout=TIMEOUT) as phone:
        answer = check(phone, base, KK)
        assert answer.status_code == 200
        assert result_of(answer.text).startswith("Hasil pengecekan KK Sudah jadi sejak")
        assert KK not in answer.text and NIK_KK not in answer.text
        booked = book(phone, base, today.isoformat(), NIK_KK, KK)
        assert booked.status_code == 303, booked.text
        page = phone.get(booked.headers["location"])
        code = re.search(r"AD-\d{3}", page.text)
        assert code is not None, page.text
        assert KK not in page.text and NIK_KK not in page.text

    checked_in = run("check-in", NIK_KK)
    assert checked_in.returncode == 0, checked_in.stderr
    called = json.loads(run("call", "1", "--json").stdout)
    assert called["code"] == code.group(0)
    assert called["document"] == {"number": KK, "kind": "KK", "state": "ready"}
    done = json.loads(run("done", "1", "--json").stdout)
    assert done["document"]["state"] == "handed"

    report = json.loads(run("report", "--json").stdout)
    assert report["documents"] == [{"kind": "KK", "handed": 1, "not_collected": 0}]
    listed = json.loads(run("documents", "list", "--json").stdout)["documents"]
    assert [(d["number"], d["state"], d["ticket"]) for d in listed] == [
        (KK, "handed", code.group(0))
    ]
    again = run("issue", "A", "--no-print", "--document", KK)
    assert again.returncode == 3 and "sudah diserahkan" in again.stderr
