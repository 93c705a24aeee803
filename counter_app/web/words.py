"""Every word of the phone pages, Indonesian first; English for browsers that prefer it."""

from __future__ import annotations

LANGS = ("id", "en")

WORDS: dict[str, dict[str, str]] = {
    "id": {
        "lang_name": "Bahasa Indonesia",
        "ticket_title": "Antrean {code}",
        "board_title": "Antrean {office}",
        "your_number": "Nomor antrian Anda",
        "state_outside": "Tunggu di luar dulu",
        "detail_outside": (
            "Ruang tunggu sedang penuh. Anda boleh menunggu di luar gedung; halaman ini "
            "akan memberi tahu Anda begitu Anda boleh masuk."
        ),
        "state_come_in": "Silakan masuk sekarang",
        "detail_come_in": (
            "Sudah ada tempat untuk Anda di ruang tunggu. Silakan masuk dan tunggu nomor Anda "
            "dipanggil."
        ),
        "state_waiting": "Menunggu di ruang tunggu",
        "detail_waiting": "Nomor Anda akan dipanggil ke loket. Halaman ini akan memberi tahu Anda.",
        "state_called": "Silakan ke {counter}",
        "detail_called": "Nomor Anda dipanggil. Segera menuju {counter} dengan tiket Anda.",
        "state_done": "Selesai dilayani",
        "detail_done": "Terima kasih atas kunjungan Anda.",
        "state_no_show": "Tidak hadir saat dipanggil",
        "detail_no_show": (
            "Nomor Anda sudah dipanggil, tetapi Anda tidak datang ke loket. Silakan hubungi "
            "petugas di meja depan."
        ),
        "state_cancelled": "Nomor dibatalkan",
        "detail_cancelled": "Nomor ini dibatalkan. Silakan hubungi petugas di meja depan.",
        "ahead_none": "Anda berikutnya",
        "ahead": "{n} nomor di depan Anda",
        "minutes": "perkiraan ± {m} menit lagi",
        "minutes_soon": "sebentar lagi",
        "hall": "Di ruang tunggu: {occupancy} dari {limit} orang",
        "hall_outside": "{n} nomor menunggu di luar",
        "serving": "Sedang dilayani",
        "counter_idle": "—",
        "recent_calls": "Panggilan terakhir",
        "call_admitted": "{code} boleh masuk",
        "call_called": "{code} ke {counter}",
        "lines": "Layanan",
        "line_waiting": "{n} menunggu",
        "line_left": "sisa kuota {n}",
        "line_full": "kuota hari ini habis",
        "closed": "Di luar jam pelayanan",
        "updated": "Diperbarui {time}",
        "offline": (
            "Tidak tersambung ke server antrian. Data di bawah mungkin sudah lama; halaman ini "
            "terus mencoba lagi."
        ),
        "offline_title": "Antrean sedang tidak tersedia",
        "offline_text": (
            "Server antrian tidak dapat dihubungi saat ini. Halaman ini mencoba lagi sendiri; "
            "nomor Anda tetap berlaku."
        ),
        "sound_on": "Nyalakan suara dan getar",
        "sound_ready": "Suara dan getar menyala",
        "live": "Halaman ini diperbarui sendiri. Biarkan tetap terbuka.",
        "no_personal_data": "Halaman ini tidak memuat data pribadi.",
        "not_found_title": "Tiket tidak dikenali",
        "not_found_text": (
            "Kode QR ini bukan tiket antrian hari ini dari kantor ini. Silakan ambil nomor "
            "antrian di meja depan atau tanyakan kepada petugas."
        ),
        "limited_title": "Terlalu sering dimuat ulang",
        "limited_text": (
            "Mohon tunggu sebentar sebelum memuat ulang. Halaman antrian memperbarui dirinya "
            "sendiri."
        ),
        "board_link": "Lihat semua loket",
        "alert_called": "{code} DIPANGGIL! Silakan ke {counter}",
        "alert_come_in": "{code}: SILAKAN MASUK!",
    },
    "en": {
        "lang_name": "English",
        "ticket_title": "Queue {code}",
        "board_title": "Queue at {office}",
        "your_number": "Your queue number",
        "state_outside": "Please wait outside for now",
        "detail_outside": (
            "The waiting hall is full. You may wait outside the building; this page tells you "
            "as soon as you may come in."
        ),
        "state_come_in": "You may come in now",
        "detail_come_in": (
            "There is room for you in the waiting hall. Please come in and wait for your number "
            "to be called."
        ),
        "state_waiting": "Waiting in the hall",
        "detail_waiting": "Your number will be called to a counter. This page will tell you.",
        "state_called": "Please go to {counter}",
        "detail_called": "Your number has been called. Go to {counter} now with your ticket.",
        "state_done": "Served",
        "detail_done": "Thank you for your visit.",
        "state_no_show": "Missed when called",
        "detail_no_show": (
            "Your number was called but you did not come to the counter. Please ask the staff "
            "at the front desk."
        ),
        "state_cancelled": "Number cancelled",
        "detail_cancelled": "This number was cancelled. Please ask the staff at the front desk.",
        "ahead_none": "You are next",
        "ahead": "{n} numbers ahead of you",
        "minutes": "about {m} minutes",
        "minutes_soon": "soon",
        "hall": "In the waiting hall: {occupancy} of {limit} people",
        "hall_outside": "{n} numbers waiting outside",
        "serving": "Now serving",
        "counter_idle": "—",
        "recent_calls": "Latest calls",
        "call_admitted": "{code} may come in",
        "call_called": "{code} to {counter}",
        "lines": "Services",
        "line_waiting": "{n} waiting",
        "line_left": "{n} numbers left today",
        "line_full": "no numbers left today",
        "closed": "Outside opening hours",
        "updated": "Updated {time}",
        "offline": (
            "Not connected to the queue server. What you see may be out of date; this page "
            "keeps trying."
        ),
        "offline_title": "The queue is unavailable",
        "offline_text": (
            "The queue server cannot be reached right now. This page tries again by itself; "
            "your number stays valid."
        ),
        "sound_on": "Turn on sound and vibration",
        "sound_ready": "Sound and vibration on",
        "live": "This page updates itself. Keep it open.",
        "no_personal_data": "This page holds no personal data.",
        "not_found_title": "Ticket not recognised",
        "not_found_text": (
            "This QR code is not one of today's queue tickets of this office. Please take a "
            "number at the front desk or ask the staff."
        ),
        "limited_title": "Reloaded too often",
        "limited_text": "Please wait a moment before reloading. The queue page updates itself.",
        "board_link": "See all counters",
        "alert_called": "{code} CALLED! Please go to {counter}",
        "alert_come_in": "{code}: PLEASE COME IN!",
    },
}


def pick_language(accept_language: str | None, asked: str | None = None) -> str:
    """Indonesian unless the visitor asked for English (?lang=en), or their browser prefers
    English to Indonesian (RFC 9110 Accept-Language with q-values)."""
    if asked in LANGS:
        return asked
    best: tuple[float, str] = (0.0, "id")
    for position, part in enumerate((accept_language or "").split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in ("id", "in", "en"):  # "in" is the old code for Indonesian
            continue
        q = 1.0
        params = params.strip().replace(" ", "")
        if params.startswith("q="):
            try:
                q = float(params[2:])
            except ValueError:
                q = 0.0
        score = q - position * 1e-6  # the earlier of equal weights wins
        if score > best[0]:
            best = (score, "en" if primary == "en" else "id")
    return best[1]


def word(lang: str, key: str, **values: object) -> str:
    return WORDS[lang][key].format(**values)
