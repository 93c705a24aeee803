"""Words the queue says to people, in Bahasa Indonesia first and English second.

The windows translate their own labels with Qt's tools; these are the texts that the
domain produces (refusals, verification results) and that the command line prints,
so they must be available without Qt.
"""

from __future__ import annotations

from typing import Literal

Language = Literal["id", "en"]

_TEXTS: dict[str, dict[str, str]] = {
    "clock_vs_server": {
        "id": "Jam PC ini {amount} {direction} dari jam server basis data (PC: {pc}, "
        "server: {server}). Setel tanggal dan jam PC ini; antrian tidak diubah.",
        "en": "This PC's clock is {amount} {direction} the database server's (PC: {pc}, "
        "server: {server}). Set this PC's date and time; the queue was not changed.",
    },
    "clock_ahead": {"id": "lebih cepat", "en": "ahead of"},
    "clock_behind": {"id": "lebih lambat", "en": "behind"},
    "clock_behind_last": {
        "id": "Jam PC ini {amount} lebih lambat dari operasi antrian terakhir (PC: {pc}, "
        "terakhir: {last}). Setel tanggal dan jam PC ini; antrian tidak diubah.",
        "en": "This PC's clock is {amount} behind the queue's last operation (PC: {pc}, "
        "last: {last}). Set this PC's date and time; the queue was not changed.",
    },
    "clock_moved": {
        "id": "Jam PC ini dimajukan {amount} sejak operasi antrian terakhir (PC: {pc}, "
        "terakhir: {last}); hari antrian tidak diakhiri. Setel tanggal dan jam PC ini.",
        "en": "This PC's clock was set {amount} ahead since the queue's last operation "
        "(PC: {pc}, last: {last}); the queue's day was not ended. Set this PC's date and time.",
    },
    "clock_day_behind": {
        "id": "Hari antrian sudah {queue_day}, tetapi jam PC ini menunjukkan {pc}. "
        "Setel tanggal dan jam PC ini; antrian tidak diubah.",
        "en": "The queue's day is already {queue_day}, but this PC's clock says {pc}. "
        "Set this PC's date and time; the queue was not changed.",
    },
    "clock_days": {"id": "{n} hari", "en": "{n} d"},
    "clock_hours": {"id": "{n} jam", "en": "{n} h"},
    "clock_minutes": {"id": "{n} menit", "en": "{n} min"},
    "clock_seconds": {"id": "{n} detik", "en": "{n} s"},
    "hall_full": {
        "id": "Ruang tunggu penuh ({occupancy}/{limit} orang). Silakan tunggu sebentar.",
        "en": "The waiting hall is full ({occupancy}/{limit} persons). Please wait a moment.",
    },
    "quota_reached": {
        "id": "Kuota harian layanan {service} sudah habis ({quota} nomor).",
        "en": "The daily quota of {service} is used up ({quota} numbers).",
    },
    "suspended": {
        "id": "Layanan {service} ditutup sementara: {notice}",
        "en": "{service} is suspended: {notice}",
    },
    "closed": {
        "id": "Di luar jam layanan ({hours}).",
        "en": "Outside opening hours ({hours}).",
    },
    "nothing_to_call": {
        "id": "Tidak ada antrian untuk {counter}.",
        "en": "Nobody is waiting for {counter}.",
    },
    "no_current": {
        "id": "{counter} belum memanggil nomor.",
        "en": "{counter} has no current ticket.",
    },
    "unknown_service": {
        "id": "Layanan {prefix!r} tidak dikenal.",
        "en": "Unknown service {prefix!r}.",
    },
    "unknown_counter": {
        "id": "Loket {counter} tidak ada dalam konfigurasi.",
        "en": "Counter {counter} is not in the configuration.",
    },
    "unknown_ticket": {
        "id": "Nomor {code} tidak ditemukan hari ini.",
        "en": "Ticket {code} was not issued today.",
    },
    "not_a_ticket_code": {
        "id": "{code!r} bukan nomor antrian (contoh: A-001).",
        "en": "{code!r} is not a ticket code (e.g. A-001).",
    },
    "unknown_counter_known": {
        "id": "Loket {counter} tidak ada dalam konfigurasi (yang ada: {known}).",
        "en": "Counter {counter} is not in the configuration (configured: {known}).",
    },
    "wrong_state": {
        "id": "Nomor {code} sedang berstatus {state}; tidak bisa {action}.",
        "en": "Ticket {code} is {state}; cannot {action}.",
    },
    "bad_group": {
        "id": "Jumlah orang harus 1 sampai {max}.",
        "en": "Group size must be 1 to {max}.",
    },
    "not_served_here": {
        "id": "{counter} tidak melayani {service}.",
        "en": "{counter} does not serve {service}.",
    },
    "verify_ok": {"id": "Tiket sah: {code}, {state}.", "en": "Valid ticket: {code}, {state}."},
    "verify_malformed": {
        "id": "Bukan QR tiket antrian ini, atau rusak.",
        "en": "Not a ticket QR code of this office, or damaged.",
    },
    "verify_bad_signature": {
        "id": "Tanda tangan tidak cocok: tiket palsu atau telah diubah.",
        "en": "Signature does not match: forged or altered ticket.",
    },
    "verify_other_day": {
        "id": "Tiket tanggal {day}, hanya berlaku pada hari itu.",
        "en": "Ticket of {day}; valid on that day only.",
    },
    "verify_unknown_ticket": {
        "id": "Tanda tangan sah, tetapi nomor {code} tidak ada di antrian hari ini.",
        "en": "Signature is valid but {code} is not in today's queue.",
    },
    "verify_finished": {
        "id": "Tiket {code} sudah selesai ({state}).",
        "en": "Ticket {code} is already finished ({state}).",
    },
}

STATE_WORDS: dict[str, dict[str, str]] = {
    "outside": {"id": "menunggu di luar", "en": "waiting outside"},
    "waiting": {"id": "menunggu", "en": "waiting"},
    "called": {"id": "dipanggil", "en": "called"},
    "done": {"id": "selesai", "en": "done"},
    "no_show": {"id": "tidak hadir", "en": "no-show"},
    "cancelled": {"id": "dibatalkan", "en": "cancelled"},
}

ACTION_WORDS: dict[str, dict[str, str]] = {
    "call": {"id": "dipanggil", "en": "call it"},
    "return": {"id": "dikembalikan ke antrian", "en": "return it to the queue"},
    "transfer": {"id": "dipindahkan", "en": "transfer it"},
    "cancel": {"id": "dibatalkan", "en": "cancel it"},
    "reprint": {"id": "dicetak ulang", "en": "reprint it"},
}


def text(lang: str, key: str, **values: object) -> str:
    entry = _TEXTS[key]
    return entry.get(lang, entry["id"]).format(**values)


def state_word(lang: str, state: str) -> str:
    return STATE_WORDS[state].get(lang, STATE_WORDS[state]["id"])


def action_word(lang: str, action: str) -> str:
    return ACTION_WORDS[action].get(lang, ACTION_WORDS[action]["id"])
