"""Words on the paper ticket and in printer messages, Bahasa Indonesia first.

Dates are spelt out by hand rather than through the C locale, which is rarely
installed for id_ID on the desk PCs (and differs on Windows).
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Literal

Language = Literal["id", "en"]

_WORDS: dict[str, dict[str, str]] = {
    "title": {"id": "Nomor Antrian", "en": "Queue Number"},
    "ahead": {"id": "Orang di depan Anda: {n}", "en": "People ahead of you: {n}"},
    "wait": {"id": "Perkiraan tunggu ± {n} menit", "en": "Estimated wait ± {n} min"},
    "wait_none": {"id": "Segera dilayani", "en": "You will be served soon"},
    "outside": {
        "id": "Harap tunggu di luar sampai nomor Anda dipanggil masuk",
        "en": "Please wait outside until your number is called in",
    },
    "priority": {"id": "PRIORITAS", "en": "PRIORITY"},
    "group": {"id": "Untuk {n} orang", "en": "For {n} persons"},
    "valid_today": {"id": "Berlaku hari ini saja", "en": "Valid today only"},
    # under a QR that links to the phone page ("antrian", as on the rest of the ticket)
    "live": {
        "id": "Pindai kode QR untuk melihat posisi antrian Anda secara langsung",
        "en": "Scan the QR code to follow your place in line live",
    },
    "reprint": {"id": "CETAK ULANG", "en": "REPRINT"},
    "test": {"id": "TES PRINTER", "en": "PRINTER TEST"},
    "test_service": {"id": "Contoh layanan", "en": "Sample service"},
    # printer states and failures, shown to the desk staff
    "ready": {"id": "Printer siap", "en": "Printer ready"},
    "status_na": {"id": "status tidak tersedia", "en": "status not available"},
    "paper_near_end": {"id": "Kertas hampir habis", "en": "Paper is running low"},
    "paper_out": {
        "id": "Kertas habis: pasang gulungan kertas baru",
        "en": "Out of paper: load a new roll",
    },
    "cover_open": {"id": "Tutup printer terbuka", "en": "The printer cover is open"},
    "offline": {"id": "Printer offline", "en": "The printer is offline"},
    "printer_error": {
        "id": "Printer melaporkan kesalahan (matikan lalu nyalakan kembali)",
        "en": "The printer reports an error (switch it off and on again)",
    },
    "no_answer": {
        "id": "Printer tidak menjawab dalam {s} detik",
        "en": "The printer did not answer within {s} s",
    },
    "unrecognised": {
        "id": "Jawaban printer tidak dikenali (periksa kabel dan pengaturan printer)",
        "en": "Unrecognised answer from the printer (check its cable and settings)",
    },
    "status_silent": {
        "id": "printer tidak menjawab pertanyaan status",
        "en": "the printer does not answer status queries",
    },
    "unreachable": {
        "id": "Printer {where} tidak dapat dihubungi: {detail}",
        "en": "Cannot reach the printer {where}: {detail}",
    },
    "dropped": {
        "id": "Koneksi ke printer terputus saat mencetak",
        "en": "The connection to the printer dropped while printing",
    },
    "write_failed": {
        "id": "Gagal mengirim ke printer {where}: {detail}",
        "en": "Sending to the printer {where} failed: {detail}",
    },
    "stuck": {
        "id": "Printer tidak merespons dalam {s} detik",
        "en": "The printer did not respond within {s} s",
    },
    "off": {"id": "Pencetakan dimatikan", "en": "Printing is off"},
    "preview": {
        "id": "Pratinjau: tiket disimpan di {folder}",
        "en": "Preview: tickets are saved to {folder}",
    },
    "preview_failed": {
        "id": "Folder pratinjau {folder} tidak dapat ditulis: {detail}",
        "en": "Cannot write to the preview folder {folder}: {detail}",
    },
    "needs_package": {
        "id": "Printer {kind} membutuhkan paket Python {package}",
        "en": "A {kind} printer needs the Python package {package}",
    },
    "windows_only": {
        "id": "Printer win32 hanya tersedia di Windows",
        "en": "win32 printers are only available on Windows",
    },
    "stopped": {
        "id": "Pencetakan dihentikan sebelum tiket ini dicetak",
        "en": "Printing stopped before this ticket was printed",
    },
    "unexpected": {"id": "Kesalahan tak terduga: {detail}", "en": "Unexpected error: {detail}"},
    # plain words for socket errors
    "refused": {
        "id": "koneksi ditolak (printer mati atau port salah?)",
        "en": "connection refused (printer off or wrong port?)",
    },
    "timed_out": {"id": "tidak ada jawaban dalam {s} detik", "en": "no answer within {s} s"},
    "unknown_host": {"id": "nama host tidak dikenal", "en": "unknown host name"},
    "host_unreachable": {"id": "jaringan tidak terjangkau", "en": "network unreachable"},
    "not_found": {"id": "perangkat tidak ditemukan", "en": "device not found"},
    "no_permission": {"id": "tidak ada izin akses", "en": "permission denied"},
}

DAYS: dict[str, tuple[str, ...]] = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTHS: dict[str, tuple[str, ...]] = {
    "id": (
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip

# Indonesia's three civil time zones; tzdata only knows numeric abbreviations (+08).
_ZONE_ABBREVIATIONS = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Ujung_Pandang": "WITA",
    "Asia/Jayapura": "WIT",
}


def word(lang: str, key: str, **values: object) -> str:
    entry = _WORDS[key]
    return entry.get(lang, entry["id"]).format(**values)


def zone_abbreviation(moment: datetime) -> str:
    """WIB/WITA/WIT for Indonesian zones, else whatever the zone calls itself."""
    tz = moment.tzinfo
    key = getattr(tz, "key", None)
    if key in _ZONE_ABBREVIATIONS:
        return _ZONE_ABBREVIATIONS[key]
    return moment.tzname() or ""


def local(moment: datetime, tz: tzinfo) -> datetime:
    return moment.astimezone(tz)


def format_date(lang: str, moment: datetime) -> str:
    """``Sabtu, 28 November 2026``."""
    days = DAYS.get(lang, DAYS["id"])
    months = MONTHS.get(lang, MONTHS["id"])
    return f"{days[moment.weekday()]}, {moment.day} {months[moment.month - 1]} {moment.year}"


def format_time(moment: datetime) -> str:
    """``14:05 WITA``."""
    zone = zone_abbreviation(moment)
    return f"{moment:%H:%M} {zone}".rstrip()


def format_datetime(lang: str, moment: datetime) -> str:
    """``Sabtu, 28 November 2026 14:05 WITA``."""
    return f"{format_date(lang, moment)} {format_time(moment)}"


def seconds(value: float) -> str:
    """A timeout for people: ``3`` or ``0.5``, never ``3.0``."""
    return f"{value:g}"
