"""Every text outside Qt Linguist in Bahasa Indonesia: the language the office speaks first.

One flat mapping; the key's first part says where the text appears (``ticket.`` on the
paper, ``voice.`` in the lobby, ``web.`` on the phone pages, ``poster.``, ``display.``,
``config.`` under the settings fields, ``refusal.``, ``clock.`` and ``verify.`` from the
queue, ``printer.`` for the desk staff). ``en.py`` has the same keys and ``{fields}``.
KBBI's spelling: "antrean".
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    "config.greater_than_equal": "minimal {limit} (isian: {got})",
    "config.less_than_equal": "maksimal {limit} (isian: {got})",
    "config.greater_than": "harus lebih dari {limit} (isian: {got})",
    "config.less_than": "harus kurang dari {limit} (isian: {got})",
    "config.literal_error": "harus {expected} (isian: {got})",
    "config.enum": "harus {expected} (isian: {got})",
    "config.string_pattern_mismatch": 'harus berupa warna seperti "#0b2545" (isian: {got})',
    "config.too_short": "tidak boleh kosong",
    "config.int_type": "harus bilangan bulat (isian: {got})",
    "config.int_from_float": "harus bilangan bulat (isian: {got})",
    "config.float_type": "harus berupa angka (isian: {got})",
    "config.string_type": "harus berupa teks dalam tanda kutip (isian: {got})",
    "config.bool_type": "harus true atau false (isian: {got})",
    "config.list_type": 'harus berupa daftar, misalnya ["A", "B"] (isian: {got})',
    "config.model_type": "harus berupa tabel (isian: {got})",
    "config.missing": "wajib diisi",
    "config.extra_forbidden": "kunci tidak dikenal",
    "config.duplicate_prefix": "kode {prefix} dipakai dua kali (juga {other})",
    "config.duplicate_counter": "nomor loket {number} dipakai dua kali (juga {other})",
    "config.unknown_service": "layanan {prefix} tidak dikenal (yang ada: {known})",
    "config.clock_form": 'harus berupa jam seperti "07:00" (tertulis {value})',
    "config.mark_form": 'harus satu huruf kapital, misalnya "D" (tertulis {value})',
    "config.online_over_quota": "lebih besar dari kuota harian ({online} > {quota})",
    "config.booking_prefix": (
        "layanan dengan antrean daring harus berawalan satu huruf (tertulis {prefix})"
    ),
    "config.booking_series_taken": "nomor daring akan ditulis {series}, awalan milik {other}",
    "config.booking_needs_hours": (
        "antrean daring memerlukan jam layanan (jam kedatangan dihitung darinya)"
    ),
    "config.kind_form": (
        "jenis dokumen diawali huruf atau angka, lalu paling banyak 23 huruf, angka, spasi,"
        " . _ - (tertulis {value})"
    ),
    "config.kind_twice": "jenis yang sama dengan {other} (huruf besar/kecil tidak dibedakan)",
    "config.documents_need_kinds": (
        'daftar dokumen jadi perlu jenis dokumen dan layanannya, misalnya {{ KK = "A" }}'
    ),
    "config.column_twice": "dua kunci column_ menyebut kolom yang sama",
    "config.service_twice": "sebuah layanan tercantum dua kali",
    "config.unknown_time_zone": "zona waktu {value} tidak dikenal (contoh: Asia/Makassar)",
    "config.hours_form": "{value} tidak berformat JJ:MM-JJ:MM",
    "config.online_form": "{value} bukan alamat web (https://...)",
    "config.whatsapp_form": "{value} bukan nomor telepon (contoh: 0816 1234 5678)",
    "config.hours_range": "{value} bukan rentang jam yang sah",
    "config.hours_order": "{value}: jam buka harus sebelum jam tutup",
    "config.printer_needs": "printer jenis {kind} memerlukan: {keys}",
    "counter.label": "Loket {n}",
    "clock.vs_server": (
        "Jam PC ini {amount} {direction} dari jam server basis data (PC: {pc}, server: "
        "{server}). Setel tanggal dan jam PC ini; antrean tidak diubah."
    ),
    "clock.ahead": "lebih cepat",
    "clock.behind": "lebih lambat",
    "clock.behind_last": (
        "Jam PC ini {amount} lebih lambat dari operasi antrean terakhir (PC: {pc}, terakhir: "
        "{last}). Setel tanggal dan jam PC ini; antrean tidak diubah."
    ),
    "clock.moved": (
        "Jam PC ini dimajukan {amount} sejak operasi antrean terakhir (PC: {pc}, terakhir: "
        "{last}); hari antrean tidak diakhiri. Setel tanggal dan jam PC ini."
    ),
    "clock.day_behind": (
        "Hari antrean sudah {queue_day}, tetapi jam PC ini menunjukkan {pc}. Setel tanggal "
        "dan jam PC ini; antrean tidak diubah."
    ),
    "clock.days": "{n} hari",
    "clock.hours": "{n} jam",
    "clock.minutes": "{n} menit",
    "clock.seconds": "{n} detik",
    "cli.hall": "ruang tunggu {occupancy}/{limit}",
    "cli.hall_outside": "{n} di luar ({persons} orang)",
    "cli.closed": "tutup",
    "cli.service": (
        "{prefix} {name}: menunggu {waiting}, di luar {outside}, diambil {issued}/{quota}, "
        "sisa {left}"
    ),
    "cli.counter": "{name}: {current}  (dilayani {served}, tidak hadir {no_shows})",
    "cli.ahead": "{n} nomor di depan",
    "cli.minutes": "± {n} menit",
    "cli.print": "cetak: {status}",
    "cli.print.pending": "belum tercetak",
    "cli.print.printed": "tercetak",
    "cli.print.failed": "gagal",
    "cli.print.off": "tidak dicetak",
    "cli.report_hall": (
        "ruang tunggu: puncak {peak}/{limit}{at} (batas {held}), penuh {full} menit, "
        "menunggu rombongan {blocked} menit, {outside} menunggu di luar"
    ),
    "cli.report_at": " pukul {time}",
    "cli.limit_held": "terjaga",
    "cli.limit_exceeded": "TERLAMPAUI",
    "cli.arrivals": "kedatangan per jam: {hours}",
    "cli.report_documents": (
        "dokumen {kind}: {handed} diserahkan, {not_collected} dipesan tetapi tidak diambil"
    ),
    "cli.report_bookings": (
        "nomor daring {prefix}: {booked} dipesan, {checked_in} datang, {lapsed} hangus, "
        "{cancelled} dibatalkan"
    ),
    "cli.valid": "SAH",
    "cli.invalid": "TIDAK SAH",
    "cli.documents_imported": (
        "Daftar dokumen jadi diimpor: {added} baru, {updated} diperbarui, {unchanged} tetap,"
        " {handed} sudah diserahkan (dari {total})."
    ),
    "cli.documents_imported_done": "daftar dokumen jadi diimpor ({n} dokumen)",
    "cli.documents_listed": "Dokumen: {n}",
    "cli.documents_ready_done": "{number} ditandai jadi",
    "cli.documents_handed_done": "{number} ditandai sudah diserahkan",
    "cli.documents_state_ready": "jadi sejak",
    "cli.documents_state_handed": "diserahkan",
    "cli.document_ready": "untuk diserahkan",
    "cli.document_handed": "sudah diserahkan",
    "cli.bookings": "Nomor daring {day}: {n}",
    "cli.checked_in": "Kedatangan nomor daring {code} tercatat.",
    "booking.state_booked": "dipesan",
    "booking.state_checked_in": "sudah datang",
    "booking.state_cancelled": "dibatalkan",
    "booking.state_lapsed": "hangus",
    "cli.purged": (
        "{tickets} nomor ({events} catatan riwayat) dari {days} hari sebelum {before} dihapus; "
        "laporan hariannya tetap disimpan"
    ),
    "cli.purged_done": "{tickets} nomor dihapus",
    "cli.schema": "{url}: skema {schema} (aplikasi ini: {head})",
    "cli.upgraded": "basis data diperbarui",
    "cli.keep_days": "--keep-days: paling sedikit 1 (nomor hari ini selalu disimpan)",
    "hall.blocked": "{free} tempat kosong, menunggu rombongan {code} ({persons} orang)",
    "refusal.hall_full": "Ruang tunggu penuh ({occupancy}/{limit} orang). Silakan tunggu sebentar.",
    "refusal.quota_reached": "Kuota harian layanan {service} sudah habis ({quota} nomor).",
    "refusal.suspended": "Layanan {service} tidak tersedia: {notice}",
    "refusal.suspended_named": "{notice}",
    "refusal.booking_off": "Layanan {service} tidak menerima antrean daring.",
    "refusal.bad_nik": "NIK tidak dapat diterima: {why}",
    "refusal.nik_empty": "NIK belum diisi.",
    "refusal.nik_length": "NIK harus 16 angka.",
    "refusal.nik_not_digits": "NIK hanya berisi angka 0–9.",
    "refusal.nik_region": "kode wilayah pada 6 angka pertama tidak ada.",
    "refusal.nik_birth_date": "tanggal lahir pada angka ke-7 sampai ke-12 tidak mungkin.",
    "refusal.nik_serial": "4 angka terakhir tidak boleh 0000.",
    "refusal.bad_phone": "Nomor HP harus 8 sampai 15 angka, misalnya 081234567890.",
    "refusal.day_not_bookable": "{day} tidak dapat dipesan: {why}",
    "refusal.booking_day_closed_day": "kantor tutup pada hari itu.",
    "refusal.booking_day_past": "hari itu sudah lewat atau jam kedatangannya sudah habis.",
    "refusal.booking_day_not_yet": "nomor untuk hari itu belum dibuka.",
    "refusal.nik_limit": "NIK ini sudah memiliki {max} nomor daring yang belum dipakai.",
    "refusal.online_quota_reached": (
        "Kuota habis: nomor daring {service} untuk {day} sudah habis. Masih ada nomor untuk {next}."
    ),
    "refusal.online_quota_reached_all": (
        "Kuota habis: nomor daring {service} untuk {day} sudah habis."
    ),
    "refusal.unknown_booking": "Nomor daring tidak ditemukan.",
    "refusal.not_a_booking_code": "{code} bukan nomor antrean daring.",
    "refusal.several_bookings": (
        "NIK ini memiliki beberapa nomor hari ini ({codes}): pindai kode QR atau ketik nomornya."
    ),
    "refusal.booking_cancelled": "Nomor daring {code} sudah dibatalkan.",
    "refusal.booking_lapsed": (
        "Nomor daring {code} sudah hangus (terlambat atau harinya sudah lewat). Silakan "
        "ambil nomor di meja antrean."
    ),
    "refusal.booking_used": ("Nomor daring {code} sudah dipakai (nomor antrean {ticket})."),
    "refusal.booking_other_day": "Nomor daring {code} untuk {day}, bukan hari ini.",
    "refusal.documents_off": "Daftar dokumen jadi tidak digunakan.",
    "refusal.document_needed": (
        "{service} hanya untuk mengambil dokumen yang sudah jadi: sebutkan nomor registrasi"
        " atau NIK-nya."
    ),
    "refusal.document_not_ready": (
        "Belum jadi: dokumen ini belum ada di daftar dokumen jadi. Silakan cek lagi nanti"
        " sebelum datang."
    ),
    "refusal.document_handed": "{kind} ini sudah diserahkan pada {day}.",
    "refusal.document_taken": "Dokumen ini sudah punya nomor antrean {code}.",
    "refusal.document_other_service": "{kind} diambil di layanan {service}: ambil nomor itu.",
    "refusal.unknown_document": "Nomor registrasi {number} tidak ada di daftar dokumen jadi.",
    "refusal.document_bad_entry": "Isi nomor registrasi dan jenis dokumen ({kinds}).",
    "documents.bad_row": "{path}: baris {line}: {reason}",
    "documents.more_bad_rows": "... dan {n} baris salah lainnya.",
    "documents.nothing_imported": "Tidak ada yang diimpor: perbaiki berkas lalu impor lagi.",
    "documents.too_big": "berkas lebih besar dari {mb} MB",
    "documents.not_text": "ini bukan berkas teks CSV",
    "documents.not_csv": "tidak terbaca sebagai CSV: {why}",
    "documents.empty": "berkas tidak berisi dokumen",
    "documents.missing_columns": "kepala tabel tidak punya kolom {names}",
    "documents.too_many_rows": "lebih dari {max} baris: pecah berkasnya",
    "documents.no_number": "nomor registrasi kosong",
    "documents.bad_number": "{number} bukan nomor registrasi (huruf, angka, . / -)",
    "documents.unknown_kind": "jenis dokumen {kind} tidak dikenal (yang ada: {known})",
    "documents.bad_date": "tanggal selesai {value} bukan tanggal berbentuk {form}",
    "documents.future_date": "tanggal selesai {value} ada di masa depan",
    "documents.bad_nik": "NIK salah: {why}",
    "documents.duplicate": "nomor registrasi {number} juga ada di baris {other}, dengan isi lain",
    "refusal.closed": "Di luar jam layanan ({hours}).",
    "refusal.nothing_to_call": "Tidak ada antrean untuk {counter}.",
    "refusal.no_current": "{counter} belum memanggil nomor.",
    "refusal.unknown_service": "Layanan {prefix!r} tidak dikenal.",
    "refusal.unknown_counter": "Loket {counter} tidak ada dalam konfigurasi.",
    "refusal.unknown_ticket": "Nomor {code} tidak ditemukan hari ini.",
    "refusal.not_a_ticket_code": "{code!r} bukan nomor antrean (contoh: A-001).",
    "refusal.unknown_counter_known": (
        "Loket {counter} tidak ada dalam konfigurasi (yang ada: {known})."
    ),
    "refusal.wrong_state": "Nomor {code} sedang berstatus {state}; tidak bisa {action}.",
    "refusal.bad_group": "Jumlah orang harus 1 sampai {max}.",
    "refusal.not_served_here": "{counter} tidak melayani {service}.",
    "verify.ok": "Tiket sah: {code}, {state}.",
    "verify.malformed": "Bukan QR tiket antrean ini, atau rusak.",
    "verify.bad_signature": (
        "Kode QR tidak sah: tiket ini tidak dikeluarkan oleh kantor ini atau datanya berubah."
    ),
    "verify.other_day": "Tiket tanggal {day}, hanya berlaku pada hari itu.",
    "verify.unknown_ticket": "Kode QR sah, tetapi nomor {code} tidak ada di antrean hari ini.",
    "verify.finished": "Tiket {code} sudah selesai ({state}).",
    "state.outside": "menunggu di luar",
    "state.waiting": "menunggu",
    "state.called": "dipanggil",
    "state.done": "selesai",
    "state.no_show": "tidak hadir",
    "state.cancelled": "dibatalkan",
    "action.call": "dipanggil",
    "action.return": "dikembalikan ke antrean",
    "action.transfer": "dipindahkan",
    "action.cancel": "dibatalkan",
    "action.reprint": "dicetak ulang",
    "ticket.title": "Nomor Antrean",
    "ticket.ahead": "Nomor di depan Anda: {n}",
    "ticket.wait": "Perkiraan tunggu ± {n} menit",
    "ticket.wait_none": "Segera dilayani",
    "ticket.ahead_outside": "Di depan Anda: {n} nomor ({persons} orang)",
    "ticket.next_in": "Anda yang berikutnya masuk",
    "ticket.outside": "Harap tunggu di luar sampai dipanggil masuk",
    "ticket.priority": "PRIORITAS",
    "ticket.group": "Untuk {n} orang",
    "ticket.document": "Dokumen: {kind} {number}",
    "ticket.valid_today": "Berlaku hari ini saja",
    "ticket.live": "Pindai kode QR untuk melihat posisi antrean Anda secara langsung",
    "ticket.reprint": "CETAK ULANG",
    "ticket.test": "TES PRINTER",
    "ticket.test_service": "Contoh layanan",
    "printer.ready": "Printer siap",
    "printer.status_na": "status tidak tersedia",
    "printer.paper_near_end": "Kertas hampir habis",
    "printer.paper_out": "Kertas habis: pasang gulungan kertas baru",
    "printer.cover_open": "Tutup printer terbuka",
    "printer.offline": "Printer tidak siap",
    "printer.printer_error": "Printer melaporkan kesalahan (matikan lalu nyalakan kembali)",
    "printer.no_answer": "Printer tidak menjawab dalam {s} detik",
    "printer.unrecognised": "Jawaban printer tidak dikenali (periksa kabel dan pengaturan printer)",
    "printer.status_silent": "printer tidak menjawab pertanyaan status",
    "printer.unreachable": "Printer {where} tidak dapat dihubungi: {detail}",
    "printer.dropped": "Koneksi ke printer terputus saat mencetak",
    "printer.write_failed": "Gagal mengirim ke printer {where}: {detail}",
    "printer.stuck": "Printer tidak merespons dalam {s} detik",
    "printer.off": "Pencetakan dimatikan",
    "printer.preview": "Pratinjau: tiket disimpan di {folder}",
    "printer.preview_failed": "Folder pratinjau {folder} tidak dapat ditulis: {detail}",
    "printer.needs_package": "Printer {kind} membutuhkan paket Python {package}",
    "printer.windows_only": "Printer win32 hanya tersedia di Windows",
    "printer.stopped": "Pencetakan dihentikan sebelum tiket ini dicetak",
    "printer.unexpected": "Kesalahan tak terduga: {detail}",
    "printer.refused": "koneksi ditolak (printer mati atau port salah?)",
    "printer.timed_out": "tidak ada jawaban dalam {s} detik",
    "printer.unknown_host": "nama host tidak dikenal",
    "printer.host_unreachable": "jaringan tidak terjangkau",
    "printer.not_found": "perangkat tidak ditemukan",
    "printer.no_permission": "tidak ada izin akses",
    "date.day.0": "Senin",
    "date.day.1": "Selasa",
    "date.day.2": "Rabu",
    "date.day.3": "Kamis",
    "date.day.4": "Jumat",
    "date.day.5": "Sabtu",
    "date.day.6": "Minggu",
    "date.month.1": "Januari",
    "date.month.2": "Februari",
    "date.month.3": "Maret",
    "date.month.4": "April",
    "date.month.5": "Mei",
    "date.month.6": "Juni",
    "date.month.7": "Juli",
    "date.month.8": "Agustus",
    "date.month.9": "September",
    "date.month.10": "Oktober",
    "date.month.11": "November",
    "date.month.12": "Desember",
    "web.lang_name": "Bahasa Indonesia",
    "web.ticket_title": "Antrean {code}",
    "web.board_title": "Antrean {office}",
    "web.your_number": "Nomor antrean Anda",
    "web.state_outside": "Silakan menunggu di luar",
    "web.detail_outside": (
        "Ruang tunggu sedang penuh. Anda boleh menunggu di luar gedung; halaman ini akan "
        "memberi tahu Anda saat Anda boleh masuk."
    ),
    "web.detail_outside_blocked": (
        "Ruang tunggu menunggu rombongan di depan Anda. Anda boleh menunggu di luar gedung; "
        "halaman ini akan memberi tahu Anda saat Anda boleh masuk."
    ),
    "web.detail_outside_head": (
        "Tempat kosong di ruang tunggu belum cukup untuk rombongan Anda. Anda boleh menunggu "
        "di luar gedung; halaman ini akan memberi tahu Anda saat Anda boleh masuk."
    ),
    "web.state_come_in": "Silakan masuk sekarang",
    "web.detail_come_in": (
        "Sudah ada tempat untuk Anda di ruang tunggu. Silakan masuk dan tunggu nomor Anda "
        "dipanggil."
    ),
    "web.state_waiting": "Menunggu di ruang tunggu",
    "web.detail_waiting": "Nomor Anda akan dipanggil ke loket. Halaman ini akan memberi tahu Anda.",
    "web.state_called": "Silakan ke {counter}",
    "web.detail_called": "Nomor Anda dipanggil. Segera menuju {counter} dengan tiket Anda.",
    "web.state_done": "Selesai dilayani",
    "web.detail_done": "Terima kasih atas kunjungan Anda.",
    "web.state_no_show": "Tidak hadir saat dipanggil",
    "web.detail_no_show": (
        "Nomor Anda sudah dipanggil, tetapi Anda tidak datang ke loket. Silakan hubungi "
        "petugas di meja depan."
    ),
    "web.state_cancelled": "Nomor dibatalkan",
    "web.detail_cancelled": "Nomor ini dibatalkan. Silakan hubungi petugas di meja depan.",
    "web.ahead_none": "Anda berikutnya",
    "web.ahead": "{n} nomor di depan Anda",
    "web.ahead_outside": "{n} nomor ({persons} orang) di depan Anda",
    "web.next_in": "Anda yang berikutnya masuk",
    "web.minutes": "perkiraan ± {m} menit lagi",
    "web.minutes_soon": "sebentar lagi",
    "web.hall": "Di ruang tunggu: {occupancy} dari {limit} orang",
    "web.hall_outside": "{n} nomor menunggu di luar",
    "web.serving": "Sedang dilayani",
    "web.counter_idle": "—",
    "web.recent_calls": "Panggilan terakhir",
    "web.call_admitted": "{code} boleh masuk",
    "web.call_called": "{code} ke {counter}",
    "web.lines": "Layanan",
    "web.line_waiting": "{n} menunggu",
    "web.line_left": "sisa kuota {n}",
    "web.line_full": "kuota hari ini habis",
    "web.closed": "Di luar jam layanan",
    "web.updated": "Diperbarui {time}",
    "web.offline": (
        "Tidak tersambung ke server antrean. Data di bawah mungkin sudah lama; halaman ini "
        "terus mencoba lagi."
    ),
    "web.offline_title": "Antrean sedang tidak tersedia",
    "web.offline_text": (
        "Server antrean tidak dapat dihubungi saat ini. Halaman ini mencoba lagi sendiri; "
        "nomor Anda tetap berlaku."
    ),
    "web.sound_on": "Nyalakan suara dan getar",
    "web.sound_ready": "Suara dan getar menyala",
    "web.live": "Halaman ini diperbarui sendiri. Biarkan tetap terbuka.",
    "web.no_personal_data": "Halaman ini tidak memuat data pribadi.",
    "web.not_found_title": "Tiket tidak dikenali",
    "web.not_found_text": (
        "Kode QR ini bukan tiket antrean hari ini dari kantor ini. Silakan ambil nomor "
        "antrean di meja depan atau tanyakan kepada petugas."
    ),
    "web.limited_title": "Terlalu sering dimuat ulang",
    "web.limited_text": (
        "Mohon tunggu sebentar sebelum memuat ulang. Halaman antrean memperbarui dirinya sendiri."
    ),
    "web.board_link": "Lihat semua loket",
    "web.book_link": "Ambil nomor antrean daring",
    "web.book_title": "Ambil nomor antrean daring",
    "web.book_intro": (
        "Pilih layanan dan hari, lalu isi NIK Anda. Satu NIK mendapat satu nomor untuk "
        "setiap layanan pada hari yang sama."
    ),
    "web.service_label": "Layanan",
    "web.day_label": "Hari kedatangan",
    "web.day_left": "{day} — sisa {n} nomor",
    "web.day_full": "{day} — kuota habis",
    "web.nik_label": "NIK (16 angka, sesuai KTP atau KK)",
    "web.phone_label": "Nomor HP (tidak wajib)",
    "web.book_button": "Ambil nomor",
    "web.no_days": "Belum ada hari yang dapat dipesan. Silakan coba lagi nanti.",
    "web.suspended_service": "{service}: {notice}",
    "web.choose_day": "Pilih hari kedatangan.",
    "web.existing_title": "Anda sudah memiliki nomor untuk hari itu",
    "web.existing_text": (
        "Gunakan nomor ini. Untuk masuk, tunjukkan kode QR dari halaman nomor Anda atau "
        "sebutkan NIK Anda di pintu masuk."
    ),
    "web.booking_title": "Nomor antrean daring {code}",
    "web.booking_intro": (
        "Simpan halaman ini. Datang pada jam di bawah ini dan tunjukkan kode QR ini kepada "
        "petugas di pintu masuk (atau sebutkan NIK Anda)."
    ),
    "web.come_at": "Datang pukul {start}–{end}",
    "web.booking_booked": "Nomor sudah dipesan",
    "web.booking_checked_in": "Anda sudah tercatat datang",
    "web.booking_cancelled": "Nomor ini sudah dibatalkan",
    "web.booking_lapsed": "Nomor ini sudah hangus",
    "web.late_end_of_line": (
        "Waktu datang Anda sudah lewat. Anda masih dapat masuk, tetapi nomor ini dilayani "
        "di akhir antrean."
    ),
    "web.late_lapse": (
        "Waktu datang Anda sudah lewat, jadi nomor ini tidak dapat dipakai lagi. Silakan "
        "ambil nomor di meja antrean."
    ),
    "web.cancel_button": "Batalkan nomor ini",
    "web.cancel_hint": "Tidak jadi datang? Batalkan agar nomornya dapat dipakai orang lain.",
    "web.qr_alt": "Kode QR nomor antrean daring {code}",
    "web.booking_off_title": "Antrean daring tidak tersedia",
    "web.booking_off_text": (
        "Kantor ini belum membuka antrean daring. Silakan ambil nomor di meja antrean."
    ),
    "web.bad_form_title": "Formulir tidak dapat dibaca",
    "web.bad_form_text": "Silakan buka lagi halaman formulirnya dan isi kembali.",
    "web.too_large_title": "Isian terlalu panjang",
    "web.too_large_text": "Silakan buka lagi halaman formulirnya dan isi kembali.",
    "web.forbidden_title": "Formulir sudah kedaluwarsa",
    "web.forbidden_text": (
        "Untuk keamanan, formulir hanya berlaku dari halaman ini dan selama 2 jam. Silakan "
        "buka lagi halaman formulirnya."
    ),
    "web.booking_not_found_title": "Nomor daring tidak dikenali",
    "web.booking_not_found_text": (
        "Alamat ini tidak menunjuk nomor antrean daring mana pun. Periksa kembali tautannya."
    ),
    "web.alert_called": "{code} DIPANGGIL! Silakan ke {counter}",
    "web.alert_come_in": "{code}: SILAKAN MASUK!",
    "web.check_link": "Cek apakah dokumen Anda sudah jadi",
    "web.check_first": "Cek dulu apakah dokumen Anda sudah jadi",
    "web.check_title": "Cek dokumen jadi",
    "web.check_intro": (
        "Ketik nomor registrasi (pada tanda terima pengajuan) atau NIK Anda untuk melihat "
        "apakah KK, KTP-el, KIA atau akta Anda sudah bisa diambil."
    ),
    "web.check_label": "Nomor registrasi atau NIK",
    "web.check_button": "Cek",
    "web.check_again": "Cek nomor lain",
    "web.check_result": "Hasil pengecekan",
    "web.check_ready": "Sudah jadi sejak {day}",
    "web.check_collect": "ambil dengan nomor antrean layanan {service}",
    "web.check_book": "Ambil nomor antrean daring {service}",
    "web.check_come": (
        "Datang ke kantor dan ambil nomor layanan {service} di meja antrean, dengan tanda "
        "terima pengajuan Anda."
    ),
    "web.check_handed": "Sudah diserahkan pada {day}",
    "web.check_not_ready": "Belum jadi / belum ada di daftar dokumen jadi",
    "web.check_later": "Silakan cek lagi nanti sebelum datang ke kantor.",
    "web.check_empty": "Isi nomor registrasi atau NIK.",
    "web.check_bad": (
        "Nomor registrasi hanya berisi huruf, angka, spasi, titik, garis miring dan tanda "
        "hubung (paling banyak 40)."
    ),
    "web.check_private": (
        "Yang Anda ketik tidak disimpan dan tidak ditampilkan. Halaman ini tidak memuat data "
        "pribadi."
    ),
    "web.check_limited_title": "Terlalu banyak pengecekan",
    "web.check_limited_text": (
        "Dari sambungan ini sudah terlalu banyak pengecekan. Silakan coba lagi beberapa menit lagi."
    ),
    "web.documents_off_title": "Cek dokumen tidak tersedia",
    "web.documents_off_text": (
        "Kantor ini belum memakai daftar dokumen jadi. Silakan tanyakan kepada petugas."
    ),
    "web.document_label": "Nomor registrasi dokumen (kosongkan untuk mencari dengan NIK)",
    "web.document_for": "Hanya untuk {services}",
    "display.now_caption": "NOMOR ANTREAN",
    "display.come_in": "SILAKAN MASUK",
    "display.recall": "PANGGILAN ULANG",
    "display.no_call": "Belum ada panggilan",
    "display.counters_title": "SEDANG DILAYANI",
    "display.recent_title": "PANGGILAN TERAKHIR",
    "display.admit_title": "SILAKAN MASUK",
    "display.hall_title": "RUANG TUNGGU",
    "display.occupancy": "Di ruang tunggu: {inside} / {limit}",
    "display.full": "RUANG TUNGGU PENUH",
    "display.waiting": "Menunggu dipanggil: {n}",
    "display.outside": "Menunggu di luar: {n}",
    "display.waiting_outside": "Menunggu: {n}   •   Di luar: {outside}",
    "display.closed": "Di luar jam layanan ({hours})",
    "display.offline": "Koneksi ke server terputus — mencoba lagi…",
    "display.offline_title": "TERPUTUS",
    "display.no_sound": "suara tidak tersedia",
    "display.subtitle": "Antrean Layanan Kependudukan",
    "display.window_title": "{office} — Antrean",
    "poster.scan": "Pindai kode QR ini untuk memantau antrean dari ponsel Anda",
    "poster.headline": "Pantau antrean dari ponsel Anda",
    "poster.detail": (
        "Arahkan kamera ponsel ke kode QR dan buka tautannya: nomor yang sedang dipanggil di "
        "setiap loket tampil di ponsel Anda, tanpa perlu menunggu di ruang tunggu."
    ),
    "poster.wifi": "Sambungkan ponsel ke Wi-Fi kantor terlebih dahulu.",
    "voice.nomor_antrean": "nomor antrean",
    "voice.silakan_ke_loket": "silakan ke loket",
    "voice.silakan_masuk": "silakan masuk",
    "voice.panggilan_ulang": "panggilan ulang",
}
