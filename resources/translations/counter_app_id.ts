<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About counter-app</source>
        <translation>Tentang counter-app</translation>
    </message>
    <message>
        <source>Counter-queue system for a public office: numbered tickets, daily quotas, a waiting-hall limit, thermal tickets and a lobby display.</source>
        <translation>Sistem antrean loket untuk kantor pelayanan publik: nomor antrean, kuota harian, batas kapasitas ruang tunggu, tiket printer thermal, dan layar informasi ruang tunggu.</translation>
    </message>
    <message>
        <source>Free software under the MIT licence.</source>
        <translation>Perangkat lunak bebas dengan lisensi MIT.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Versi {version}</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Perangkat</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Basis data</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfigurasi</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Berkas log</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Komponen</translation>
    </message>
</context>
<context>
    <name>BookingsDialog</name>
    <message>
        <source>Online bookings today</source>
        <translation>Nomor antrean daring hari ini</translation>
    </message>
    <message>
        <source>Scan the booking&apos;s QR code, or type its number or the NIK</source>
        <translation>Pindai kode QR nomor daring, atau ketik nomornya atau NIK</translation>
    </message>
    <message>
        <source>Check in  [Enter]</source>
        <translation>Catat kedatangan  [Enter]</translation>
    </message>
    <message>
        <source>Search: number or the NIK&apos;s last digits</source>
        <translation>Cari: nomor atau angka terakhir NIK</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Come at</source>
        <translation>Jam datang</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Visitor with an online number at the door:</source>
        <translation>Pengunjung dengan nomor daring di pintu masuk:</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>dipesan</translation>
    </message>
    <message>
        <source>late</source>
        <translation>terlambat</translation>
    </message>
    <message>
        <source>checked in</source>
        <translation>sudah datang</translation>
    </message>
    <message>
        <source>lapsed</source>
        <translation>hangus</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>dibatalkan</translation>
    </message>
    <message>
        <source>{booked} booked · {checked_in} checked in · {late} late · {lapsed} lapsed · {cancelled} cancelled</source>
        <translation>{booked} dipesan · {checked_in} sudah datang · {late} terlambat · {lapsed} hangus · {cancelled} dibatalkan</translation>
    </message>
    <message>
        <source>Not checked in: {reason}</source>
        <translation>Kedatangan tidak tercatat: {reason}</translation>
    </message>
    <message>
        <source>{code} checked in. The hall is full: the visitor waits outside.</source>
        <translation>Kedatangan {code} tercatat. Ruang tunggu penuh: pengunjung menunggu di luar.</translation>
    </message>
    <message>
        <source>{code} checked in: the visitor may go in.</source>
        <translation>Kedatangan {code} tercatat: pengunjung boleh masuk.</translation>
    </message>
</context>
<context>
    <name>ChoiceDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Pilih</translation>
    </message>
</context>
<context>
    <name>CounterPanel</name>
    <message>
        <source>Counter - counter-app</source>
        <translation>Loket - counter-app</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Basis data</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Terhubung</translation>
    </message>
    <message>
        <source>Now serving</source>
        <translation>Sedang dilayani</translation>
    </message>
    <message>
        <source>Waiting for this counter</source>
        <translation>Antrean untuk loket ini</translation>
    </message>
    <message>
        <source>Today at this counter</source>
        <translation>Hari ini di loket ini</translation>
    </message>
    <message>
        <source>served</source>
        <translation>dilayani</translation>
    </message>
    <message>
        <source>no-shows</source>
        <translation>tidak hadir</translation>
    </message>
    <message>
        <source>still waiting</source>
        <translation>masih menunggu</translation>
    </message>
    <message>
        <source>Call next</source>
        <translation>Panggil Berikutnya</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Panggil Ulang</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Tidak Hadir</translation>
    </message>
    <message>
        <source>Transfer...</source>
        <translation>Pindahkan...</translation>
    </message>
    <message>
        <source>Scan a ticket&apos;s QR code or type its number</source>
        <translation>Pindai kode QR tiket atau ketik nomornya</translation>
    </message>
    <message>
        <source>Scan the QR code or type a number such as A-012, then Enter</source>
        <translation>Pindai kode QR atau ketik nomor, misalnya A-012, lalu tekan Enter</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Periksa</translation>
    </message>
    <message>
        <source>Call this ticket</source>
        <translation>Panggil Nomor Ini</translation>
    </message>
    <message>
        <source>Return a no-show...</source>
        <translation>Kembalikan ke Antrean...</translation>
    </message>
    <message>
        <source>{counter} - counter-app</source>
        <extracomment>Enter is Return on the main keyboard and Enter on the keypad: both work</extracomment>
        <translation>{counter} - counter-app</translation>
    </message>
    <message>
        <source>Scan the QR or type the number, then Enter</source>
        <translation>Pindai QR atau ketik nomor, lalu Enter</translation>
    </message>
    <message>
        <source>&amp;Counter</source>
        <translation>&amp;Loket</translation>
    </message>
    <message>
        <source>Go to the scan field</source>
        <translation>Ke kolom pindai</translation>
    </message>
    <message>
        <source>+{n} outside</source>
        <translation>+{n} di luar</translation>
    </message>
    <message>
        <source>No calls at this counter yet today.</source>
        <translation>Hari ini belum ada panggilan di loket ini.</translation>
    </message>
    <message>
        <source>Last calls here: {calls}</source>
        <translation>Panggilan terakhir: {calls}</translation>
    </message>
    <message>
        <source>(* called again)</source>
        <translation>(* dipanggil ulang)</translation>
    </message>
    <message>
        <source>Nobody at the counter</source>
        <translation>Belum ada yang dilayani</translation>
    </message>
    <message>
        <source>Press Call next [{key}] to call the next visitor.</source>
        <translation>Tekan Panggil Berikutnya [{key}] untuk memanggil pengunjung berikutnya.</translation>
    </message>
    <message>
        <source>called at {time}</source>
        <translation>dipanggil pukul {time}</translation>
    </message>
    <message>
        <source>called again {n}x</source>
        <translation>dipanggil ulang {n}x</translation>
    </message>
    <message>
        <source>{n} person(s)</source>
        <translation>{n} orang</translation>
    </message>
    <message>
        <source>PRIORITY</source>
        <translation>PRIORITAS</translation>
    </message>
    <message>
        <source>transferred from {prefix}</source>
        <translation>pindahan dari layanan {prefix}</translation>
    </message>
    <message>
        <source>Handed over: {kind} · {number}</source>
        <translation>Sudah diserahkan: {kind} · {number}</translation>
    </message>
    <message>
        <source>Fetch: {kind} · {number}</source>
        <translation>Ambil: {kind} · {number}</translation>
    </message>
    <message>
        <source>{code} called to {counter}.</source>
        <translation>{code} dipanggil ke {counter}.</translation>
    </message>
    <message>
        <source>{code} called again.</source>
        <translation>{code} dipanggil ulang.</translation>
    </message>
    <message>
        <source>No-show for {code}?</source>
        <translation>Tandai {code} tidak hadir?</translation>
    </message>
    <message>
        <source>{code} was called {seconds} seconds ago and may still be on the way. Mark it as not come anyway?</source>
        <translation>{code} dipanggil {seconds} detik yang lalu dan mungkin masih dalam perjalanan. Tetap tandai tidak hadir?</translation>
    </message>
    <message>
        <source>Mark as no-show</source>
        <translation>Tandai tidak hadir</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Tunggu</translation>
    </message>
    <message>
        <source>{code} served.</source>
        <translation>{code} selesai dilayani.</translation>
    </message>
    <message>
        <source>{code} served: {kind} {number} handed over.</source>
        <translation>{code} selesai dilayani: {kind} {number} sudah diserahkan.</translation>
    </message>
    <message>
        <source>{code} did not come. If the visitor arrives later, use Return a no-show [{key}].</source>
        <translation>{code} tidak hadir. Jika pengunjung datang terlambat, gunakan Kembalikan ke Antrean [{key}].</translation>
    </message>
    <message>
        <source>There is no other service to transfer to.</source>
        <translation>Tidak ada layanan lain sebagai tujuan pemindahan.</translation>
    </message>
    <message>
        <source>Transfer {code}</source>
        <translation>Pindahkan {code}</translation>
    </message>
    <message>
        <source>Send {code} to the line of another service. It keeps its place in the order of issue.</source>
        <translation>Pindahkan {code} ke antrean layanan lain. Urutannya tetap sesuai waktu pengambilan nomor.</translation>
    </message>
    <message>
        <source>{code} moved to {service}.</source>
        <translation>{code} dipindahkan ke {service}.</translation>
    </message>
    <message>
        <source>Nobody has been marked as no-show today.</source>
        <translation>Hari ini belum ada nomor yang ditandai tidak hadir.</translation>
    </message>
    <message>
        <source>Return a no-show</source>
        <translation>Kembalikan ke Antrean</translation>
    </message>
    <message>
        <source>The visitor came back late: put the ticket at the end of its line.</source>
        <translation>Pengunjung datang terlambat: nomornya ditempatkan di akhir antrean layanannya.</translation>
    </message>
    <message>
        <source>{code} is back in line (waiting outside).</source>
        <translation>{code} kembali masuk antrean (menunggu di luar).</translation>
    </message>
    <message>
        <source>{code} is back in line.</source>
        <translation>{code} kembali masuk antrean.</translation>
    </message>
    <message>
        <source>Press Call this ticket [{key}] to call it here.</source>
        <translation>Tekan Panggil Nomor Ini [{key}] untuk memanggilnya ke loket ini.</translation>
    </message>
    <message>
        <source>Already called to counter {n}.</source>
        <translation>Sudah dipanggil ke loket {n}.</translation>
    </message>
    <message>
        <source>Waiting outside: it can be called once admitted into the hall.</source>
        <translation>Menunggu di luar: dapat dipanggil setelah dipersilakan masuk ruang tunggu.</translation>
    </message>
    <message>
        <source>Marked as no-show: Return a no-show [{key}] puts it back in line.</source>
        <translation>Ditandai tidak hadir: Kembalikan ke Antrean [{key}] memasukkannya lagi ke antrean.</translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <source>Front desk - counter-app</source>
        <translation>Meja Depan - counter-app</translation>
    </message>
    <message>
        <source>Take a number</source>
        <translation>Ambil Antrean</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Printer: checking...</source>
        <translation>Printer: memeriksa...</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Basis data</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Terhubung</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Persons on this ticket:</source>
        <translation>Jumlah orang:</translation>
    </message>
    <message>
        <source>Priority: elderly, disabled or pregnant</source>
        <translation>Prioritas: lansia, disabilitas, ibu hamil</translation>
    </message>
    <message>
        <source>Last tickets issued</source>
        <translation>Nomor Antrean yang Baru Diambil</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Cetak Ulang</translation>
    </message>
    <message>
        <source>Cancel ticket</source>
        <translation>Batalkan Nomor</translation>
    </message>
    <message>
        <source>Waiting hall</source>
        <translation>Ruang Tunggu</translation>
    </message>
    <message>
        <source>persons inside</source>
        <translation>orang di dalam</translation>
    </message>
    <message>
        <source>Last ticket</source>
        <translation>Nomor Antrean Terakhir</translation>
    </message>
    <message>
        <source>No ticket issued yet</source>
        <translation>Belum ada nomor yang diambil</translation>
    </message>
    <message>
        <source>&amp;Tickets</source>
        <translation>&amp;Antrean</translation>
    </message>
    <message>
        <source>Online bookings and check-in</source>
        <translation>Nomor daring dan kedatangan</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Dokumen</translation>
    </message>
    <message>
        <source>Finished documents: mark ready, hand over...</source>
        <translation>Dokumen jadi: tandai jadi, serahkan...</translation>
    </message>
    <message>
        <source>Front desk - {office}</source>
        <translation>Meja Depan - {office}</translation>
    </message>
    <message>
        <source>Services - press the button or {keys}</source>
        <translation>Layanan — pilih tombol atau tekan {keys}</translation>
    </message>
    <message>
        <source>Issue {prefix}: {service}</source>
        <translation>Ambil Antrean {prefix}: {service}</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Memuat...</translation>
    </message>
    <message>
        <source>{n} person(s) on the next ticket</source>
        <translation>{n} orang untuk nomor berikutnya</translation>
    </message>
    <message>
        <source>Priority visitor</source>
        <translation>Pengunjung prioritas</translation>
    </message>
    <message>
        <source>Online applications: {address}</source>
        <translation>Pendaftaran daring: {address}</translation>
    </message>
    <message>
        <source>WhatsApp {number}</source>
        <translation>WhatsApp {number}</translation>
    </message>
    <message>
        <source>This service is suspended.</source>
        <translation>Layanan ini ditutup sementara.</translation>
    </message>
    <message>
        <source>Issuing the ticket... please wait.</source>
        <translation>Sedang mengambil nomor... mohon tunggu.</translation>
    </message>
    <message>
        <source>No ticket issued: the printer is not ready ({reason}).</source>
        <translation>Nomor tidak diambil: printer belum siap ({reason}).</translation>
    </message>
    <message>
        <source>{code} issued for {service}. The hall is full: the visitor waits outside until called in.</source>
        <translation>Nomor {code} ({service}) berhasil diambil. Ruang tunggu penuh: pengunjung menunggu di luar sampai dipersilakan masuk.</translation>
    </message>
    <message>
        <source>{code} issued for {service}.</source>
        <translation>Nomor {code} ({service}) berhasil diambil.</translation>
    </message>
    <message>
        <source>Document: {kind} {number}.</source>
        <translation>Dokumen: {kind} {number}.</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>Pratinjau tidak tersedia</translation>
    </message>
    <message>
        <source>{code} was not printed: {error}. Select it under Last tickets issued and press Reprint, or cancel it.</source>
        <translation>{code} gagal dicetak: {error}. Pilih nomornya di daftar Nomor Antrean yang Baru Diambil lalu tekan Cetak Ulang, atau batalkan.</translation>
    </message>
    <message>
        <source>Printing off</source>
        <translation>Pencetakan nonaktif</translation>
    </message>
    <message>
        <source>Printer: preview images only</source>
        <translation>Printer: hanya pratinjau gambar</translation>
    </message>
    <message>
        <source>Printer ready</source>
        <translation>Printer siap</translation>
    </message>
    <message>
        <source>Printer: {reason}</source>
        <translation>Printer: {reason}</translation>
    </message>
    <message>
        <source>Queue rules: this PC&apos;s configuration file</source>
        <translation>Aturan antrean: berkas konfigurasi PC ini</translation>
    </message>
    <message>
        <source>No station has saved queue rules in the database yet: this PC follows its own file. The first save in Settings makes them every station&apos;s.</source>
        <translation>Belum ada stasiun yang menyimpan aturan antrean di basis data: PC ini mengikuti berkasnya sendiri. Simpanan pertama di Pengaturan menjadikannya aturan semua stasiun.</translation>
    </message>
    <message>
        <source>Queue rules: shared, from the database (saved {when} by {station})</source>
        <translation>Aturan antrean: bersama, dari basis data (disimpan {when} oleh {station})</translation>
    </message>
    <message>
        <source>Quotas, suspensions, the hall&apos;s limit and mode and the opening hours are those saved in the database, for every station; this PC&apos;s file no longer decides them. Change them in Settings.</source>
        <translation>Kuota, penangguhan layanan, batas dan mode ruang tunggu, serta jam layanan adalah yang tersimpan di basis data, untuk semua stasiun; berkas PC ini tidak lagi menentukannya. Ubah di Pengaturan.</translation>
    </message>
    <message>
        <source>Closed: opening hours {hours}</source>
        <translation>Tutup: jam layanan {hours}</translation>
    </message>
    <message>
        <source>Quota used up ({quota} numbers today)</source>
        <translation>Kuota habis ({quota} nomor hari ini)</translation>
    </message>
    <message>
        <source>Waiting hall full</source>
        <translation>Ruang tunggu penuh</translation>
    </message>
    <message>
        <source>Only {free} places free for {group} persons</source>
        <translation>Hanya {free} tempat kosong untuk {group} orang</translation>
    </message>
    <message>
        <source>Group larger than the waiting hall ({limit})</source>
        <translation>Rombongan melebihi daya tampung ruang tunggu ({limit} orang)</translation>
    </message>
    <message>
        <source>New tickets wait outside</source>
        <translation>Nomor baru menunggu di luar</translation>
    </message>
    <message>
        <source>{left} of {quota} left · {waiting} waiting</source>
        <translation>Sisa kuota {left} dari {quota} · {waiting} menunggu</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Ditutup sementara</translation>
    </message>
    <message>
        <source>Only for a finished document</source>
        <translation>Hanya untuk dokumen yang sudah jadi</translation>
    </message>
    <message>
        <source>{free} places free · outside: {tickets} tickets ({persons} persons)</source>
        <translation>{free} tempat kosong · di luar: {tickets} nomor ({persons} orang)</translation>
    </message>
    <message>
        <source>{free} places free</source>
        <translation>{free} tempat kosong</translation>
    </message>
    <message>
        <source>WAITING HALL FULL</source>
        <translation>RUANG TUNGGU PENUH</translation>
    </message>
    <message>
        <source>No tickets until visitors leave</source>
        <translation>Nomor baru belum dapat diambil</translation>
    </message>
    <message>
        <source>{free} places free, waiting for group {code} ({persons} persons)</source>
        <translation>{free} tempat kosong, menunggu rombongan {code} ({persons} orang)</translation>
    </message>
    <message>
        <source>That group goes in first once enough places are free</source>
        <translation>Rombongan tersebut masuk lebih dahulu setelah tempatnya cukup</translation>
    </message>
    <message>
        <source>New tickets wait outside until called in</source>
        <translation>Nomor baru menunggu di luar sampai dipersilakan masuk</translation>
    </message>
    <message>
        <source>Not printed: {codes}</source>
        <translation>Belum tercetak: {codes}</translation>
    </message>
    <message>
        <source>{code} sent to the printer again.</source>
        <translation>{code} dikirim ulang ke printer.</translation>
    </message>
    <message>
        <source>Cancel ticket {code}? Its number will not be called.</source>
        <translation>Batalkan nomor {code}? Nomor ini tidak akan dipanggil.</translation>
    </message>
    <message>
        <source>Cancel the ticket</source>
        <translation>Ya, batalkan</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Jangan dibatalkan</translation>
    </message>
    <message>
        <source>{code} cancelled.</source>
        <translation>{code} dibatalkan.</translation>
    </message>
</context>
<context>
    <name>DocumentKeyDialog</name>
    <message>
        <source>Which document?</source>
        <translation>Dokumen yang diambil</translation>
    </message>
    <message>
        <source>{service} is for collecting a finished document. Scan or type its registration number, or the NIK:</source>
        <translation>{service} untuk mengambil dokumen yang sudah jadi. Pindai atau ketik nomor registrasinya, atau NIK:</translation>
    </message>
    <message>
        <source>Registration number or NIK</source>
        <translation>Nomor registrasi atau NIK</translation>
    </message>
    <message>
        <source>Issue the number  [Enter]</source>
        <translation>Ambil nomor  [Enter]</translation>
    </message>
    <message>
        <source>Cancel  [Esc]</source>
        <translation>Batal  [Esc]</translation>
    </message>
</context>
<context>
    <name>DocumentsDialog</name>
    <message>
        <source>Finished documents</source>
        <translation>Dokumen jadi</translation>
    </message>
    <message>
        <source>e.g. KK-2026-0001</source>
        <translation>mis. KK-2026-0001</translation>
    </message>
    <message>
        <source>16 digits (may stay empty)</source>
        <translation>16 angka (boleh kosong)</translation>
    </message>
    <message>
        <source>Mark ready</source>
        <translation>Tandai jadi</translation>
    </message>
    <message>
        <source>A document finished after the import</source>
        <translation>Dokumen yang jadi setelah impor</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Nomor registrasi</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Scan or type the registration number</source>
        <translation>Pindai atau ketik nomor registrasi</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>Serahkan</translation>
    </message>
    <message>
        <source>Handed over without a number</source>
        <translation>Diserahkan tanpa nomor antrean</translation>
    </message>
    <message>
        <source>Ready since</source>
        <translation>Jadi sejak</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Ready to collect:</source>
        <translation>Siap diambil:</translation>
    </message>
    <message>
        <source>{n} ready to collect</source>
        <translation>{n} siap diambil</translation>
    </message>
    <message>
        <source>{kind} {number} is ready to collect.</source>
        <translation>{kind} {number} siap diambil.</translation>
    </message>
    <message>
        <source>{kind} {number} handed over.</source>
        <translation>{kind} {number} sudah diserahkan.</translation>
    </message>
    <message>
        <source>Not done: {reason}</source>
        <translation>Tidak jadi: {reason}</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected error - counter-app</source>
        <translation>Terjadi kesalahan - counter-app</translation>
    </message>
    <message>
        <source>Something went wrong. The window is still usable; you can carry on working.</source>
        <translation>Terjadi kesalahan yang tidak terduga. Jendela tetap dapat digunakan; silakan lanjutkan pekerjaan.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Salin Detail</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>The details are also in the log file: {path}</source>
        <translation>Detailnya juga tersimpan di berkas log: {path}</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Tersalin</translation>
    </message>
</context>
<context>
    <name>PinPrompt</name>
    <message>
        <source>Admin PIN</source>
        <translation>PIN admin</translation>
    </message>
    <message>
        <source>Type the admin PIN to change settings:</source>
        <translation>Ketik PIN admin untuk mengubah pengaturan:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Checking the PIN…</source>
        <translation>Memeriksa PIN…</translation>
    </message>
    <message>
        <source>Too many wrong PINs. The PIN can be tried again at {time} (in {minutes} min).</source>
        <translation>Terlalu banyak PIN salah. PIN dapat dicoba lagi pukul {time} ({minutes} menit lagi).</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again in {seconds} s.</source>
        <translation>PIN salah. Coba lagi dalam {seconds} detik.</translation>
    </message>
    <message>
        <source>Wrong PIN. Type it again.</source>
        <translation>PIN salah. Ketik lagi.</translation>
    </message>
</context>
<context>
    <name>QueueWindow</name>
    <message>
        <source>Connected</source>
        <translation>Terhubung</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Terputus</translation>
    </message>
    <message>
        <source>The database cannot be reached: {reason}</source>
        <translation>Basis data tidak dapat dihubungi: {reason}</translation>
    </message>
    <message>
        <source>The queue&apos;s database cannot be reached ({reason}). Trying again; nothing is lost.</source>
        <translation>Basis data antrean tidak dapat dihubungi ({reason}). Sedang mencoba lagi; tidak ada data yang hilang.</translation>
    </message>
    <message>
        <source>Not done: the queue&apos;s database cannot be reached ({reason}). Nothing was changed; please try again.</source>
        <translation>Gagal: basis data antrean tidak dapat dihubungi ({reason}). Tidak ada yang berubah; silakan coba lagi.</translation>
    </message>
    <message>
        <source>That did not work because of an unexpected error.</source>
        <translation>Gagal karena kesalahan yang tidak terduga.</translation>
    </message>
    <message>
        <source>Wrong clock: {time}</source>
        <translation>Jam salah: {time}</translation>
    </message>
</context>
<context>
    <name>RecentTicketsModel</name>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Orang</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Cetak</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Jam</translation>
    </message>
    <message>
        <source>printing...</source>
        <translation>mencetak...</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>tercetak</translation>
    </message>
    <message>
        <source>NOT PRINTED</source>
        <translation>GAGAL CETAK</translation>
    </message>
    <message>
        <source>not printed (printing off)</source>
        <translation>tidak dicetak</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <source>Whole day</source>
        <translation>Sepanjang hari</translation>
    </message>
    <message>
        <source>Service / counter</source>
        <translation>Layanan / loket</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Diterbitkan</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>Dilayani</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Tidak hadir</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Belum selesai</translation>
    </message>
    <message>
        <source>Wait, median (min)</source>
        <translation>Tunggu, median (mnt)</translation>
    </message>
    <message>
        <source>Wait, p90 (min)</source>
        <translation>Tunggu, p90 (mnt)</translation>
    </message>
    <message>
        <source>Service, median (min)</source>
        <translation>Layanan, median (mnt)</translation>
    </message>
</context>
<context>
    <name>ReportWindow</name>
    <message>
        <source>Daily report - {office}</source>
        <translation>Laporan harian - {office}</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>Hari:</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Memuat...</translation>
    </message>
    <message>
        <source>The report cannot be read: {reason}</source>
        <translation>Laporan tidak dapat dibaca: {reason}</translation>
    </message>
    <message>
        <source>Hall: nobody came in on this day.</source>
        <translation>Ruang tunggu: tidak ada yang masuk pada hari ini.</translation>
    </message>
    <message>
        <source>Hall: at most {peak} of {limit} persons inside, at {time}.</source>
        <translation>Ruang tunggu: paling banyak {peak} dari {limit} orang di dalam, pukul {time}.</translation>
    </message>
    <message>
        <source>The distancing limit held.</source>
        <translation>Batas jaga jarak tidak terlampaui.</translation>
    </message>
    <message>
        <source>The distancing limit was EXCEEDED.</source>
        <translation>Batas jaga jarak TERLAMPAUI.</translation>
    </message>
    <message>
        <source>Full for {minutes} minutes; {outside} ticket(s) waited outside.</source>
        <translation>Penuh selama {minutes} menit; {outside} nomor menunggu di luar.</translation>
    </message>
    <message>
        <source>Places free, waiting for a group outside: {minutes} minutes.</source>
        <translation>Tempat kosong, menunggu rombongan di luar: {minutes} menit.</translation>
    </message>
    <message>
        <source>Charts are not available in this installation.</source>
        <translation>Grafik tidak tersedia pada instalasi ini.</translation>
    </message>
    <message>
        <source>Export the report as CSV</source>
        <translation>Ekspor laporan sebagai CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>The report was not saved</source>
        <translation>Laporan tidak tersimpan</translation>
    </message>
    <message>
        <source>{path}: {reason}</source>
        <translation>{path}: {reason}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Tersimpan: {path}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings - {office}</source>
        <translation>Pengaturan - {office}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <source>Office name</source>
        <translation>Nama kantor</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona waktu</translation>
    </message>
    <message>
        <source>Opening hours (HH:MM-HH:MM, empty: always)</source>
        <translation>Jam layanan (JJ:MM-JJ:MM, kosong: selalu buka)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Keep tickets for (days)</source>
        <translation>Simpan data tiket selama (hari)</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Daily quota</source>
        <translation>Kuota harian</translation>
    </message>
    <message>
        <source>Average minutes a visit</source>
        <translation>Rata-rata menit per pelayanan</translation>
    </message>
    <message>
        <source>Suspended, with this notice (empty: open)</source>
        <translation>Ditutup sementara, dengan pengumuman ini (kosong: buka)</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>Services, in calling order (A, B)</source>
        <translation>Layanan, sesuai urutan panggilan (A, B)</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapasitas</translation>
    </message>
    <message>
        <source>Persons allowed in the hall</source>
        <translation>Jumlah orang yang boleh di ruang tunggu</translation>
    </message>
    <message>
        <source>When the hall is full</source>
        <translation>Jika ruang tunggu penuh</translation>
    </message>
    <message>
        <source>refuse new tickets</source>
        <translation>tolak nomor baru</translation>
    </message>
    <message>
        <source>new tickets wait outside</source>
        <translation>nomor baru menunggu di luar</translation>
    </message>
    <message>
        <source>Order in which those outside go in</source>
        <translation>Urutan masuk bagi yang menunggu di luar</translation>
    </message>
    <message>
        <source>strict: nobody passes the first outside</source>
        <translation>ketat: tidak ada yang mendahului nomor terdepan di luar</translation>
    </message>
    <message>
        <source>fit: a smaller ticket that fits may pass</source>
        <translation>muat: nomor yang lebih kecil dan muat boleh mendahului</translation>
    </message>
    <message>
        <source>Tickets that may pass the first outside (1-100)</source>
        <translation>Nomor yang boleh mendahului nomor terdepan di luar (1-100)</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Network address</source>
        <translation>Alamat jaringan</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Device (file or serial)</source>
        <translation>Perangkat (file atau serial)</translation>
    </message>
    <message>
        <source>Printer name (cups, lp, win32)</source>
        <translation>Nama printer (cups, lp, win32)</translation>
    </message>
    <message>
        <source>Paper width (mm)</source>
        <translation>Lebar kertas (mm)</translation>
    </message>
    <message>
        <source>Print a test ticket</source>
        <translation>Cetak tiket uji</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Layar</translation>
    </message>
    <message>
        <source>Monitor of the lobby display (0 = main)</source>
        <translation>Monitor layar ruang tunggu (0 = utama)</translation>
    </message>
    <message>
        <source>Ticker text</source>
        <translation>Teks berjalan</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Pengaturan tersimpan</translation>
    </message>
    <message>
        <source>Saved. These changes take effect when counter-app is started again: {what}</source>
        <translation>Tersimpan. Perubahan ini berlaku setelah counter-app dijalankan ulang: {what}</translation>
    </message>
    <message>
        <source>Printing...</source>
        <translation>Mencetak...</translation>
    </message>
    <message>
        <source>Not printed: {reason}</source>
        <translation>Tidak tercetak: {reason}</translation>
    </message>
    <message>
        <source>Test ticket printed.</source>
        <translation>Tiket uji tercetak.</translation>
    </message>
</context>
<context>
    <name>WebAddressDialog</name>
    <message>
        <source>Address for phones</source>
        <translation>Alamat untuk ponsel</translation>
    </message>
    <message>
        <source>Save as image…</source>
        <translation>Simpan sebagai gambar…</translation>
    </message>
    <message>
        <source>A poster to print and hang at the entrance and in the car park: the QR code, the office, what to do in Indonesian and English, and the address</source>
        <translation>Poster untuk dicetak dan ditempel di pintu masuk dan di tempat parkir: kode QR, nama kantor, petunjuk dalam bahasa Indonesia dan Inggris, serta alamatnya</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Phones must be on the office Wi-Fi to open this address.</source>
        <translation>Ponsel harus tersambung ke Wi-Fi kantor untuk membuka alamat ini.</translation>
    </message>
    <message>
        <source>The phone page server is not running ({problem}): phones cannot open this address until it is started again (menu Web).</source>
        <translation>Server halaman ponsel tidak berjalan ({problem}): ponsel tidak dapat membuka alamat ini sampai server dinyalakan lagi (menu Web).</translation>
    </message>
    <message>
        <source>The phone page server is starting…</source>
        <translation>Server halaman ponsel sedang dinyalakan…</translation>
    </message>
    <message>
        <source>The phone page server is off: phones cannot open this address until it is started (menu Web).</source>
        <translation>Server halaman ponsel mati: ponsel tidak dapat membuka alamat ini sampai server dinyalakan (menu Web).</translation>
    </message>
    <message>
        <source>Save the poster for phones</source>
        <translation>Simpan poster untuk ponsel</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Gambar PNG (*.png)</translation>
    </message>
    <message>
        <source>The poster was not saved: {reason}</source>
        <translation>Poster tidak disimpan: {reason}</translation>
    </message>
    <message>
        <source>Poster saved: {path}. Print it and hang it at the entrance and in the car park.</source>
        <translation>Poster disimpan: {path}. Cetak dan tempelkan di pintu masuk dan di tempat parkir.</translation>
    </message>
</context>
<context>
    <name>WebMenu</name>
    <message>
        <source>&amp;Web</source>
        <translation>&amp;Web</translation>
    </message>
    <message>
        <source>Start the phone page server</source>
        <translation>Mulai server halaman ponsel</translation>
    </message>
    <message>
        <source>Stop the phone page server</source>
        <translation>Hentikan server halaman ponsel</translation>
    </message>
    <message>
        <source>Show the address for phones…</source>
        <translation>Tampilkan alamat untuk ponsel…</translation>
    </message>
    <message>
        <source>Phone page: on — {address}</source>
        <translation>Halaman ponsel: aktif — {address}</translation>
    </message>
    <message>
        <source>Phone page: starting…</source>
        <translation>Halaman ponsel: sedang dinyalakan…</translation>
    </message>
    <message>
        <source>Phone page: stopping…</source>
        <translation>Halaman ponsel: sedang dihentikan…</translation>
    </message>
    <message>
        <source>Phone page: not running — {problem}</source>
        <translation>Halaman ponsel: tidak berjalan — {problem}</translation>
    </message>
    <message>
        <source>Phone page: off</source>
        <translation>Halaman ponsel: mati</translation>
    </message>
</context>
<context>
    <name>WebServer</name>
    <message>
        <source>the server stopped unexpectedly</source>
        <translation>server berhenti secara tak terduga</translation>
    </message>
    <message>
        <source>the server ended (exit status {code})</source>
        <translation>server berhenti (status keluar {code})</translation>
    </message>
    <message>
        <source>the server cannot be started: {reason}</source>
        <translation>server tidak dapat dijalankan: {reason}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>The configuration file has a problem</source>
        <translation>Berkas konfigurasi bermasalah</translation>
    </message>
    <message>
        <source>The queue&apos;s database cannot be opened</source>
        <translation>Basis data antrean tidak dapat dibuka</translation>
    </message>
    <message>
        <source>No such counter</source>
        <translation>Loket tidak ditemukan</translation>
    </message>
    <message>
        <source>Counter {number} is not in the configuration (configured: {known}).</source>
        <translation>Loket {number} tidak ada dalam konfigurasi (yang ada: {known}).</translation>
    </message>
    <message>
        <source>The lobby display is not available</source>
        <translation>Layar ruang tunggu tidak tersedia</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
</context>
<context>
    <name>menus</name>
    <message>
        <source>Lobby display</source>
        <translation>Layar Ruang Tunggu</translation>
    </message>
    <message>
        <source>The lobby display is not available in this installation.</source>
        <translation>Layar ruang tunggu tidak tersedia pada instalasi ini.</translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation>&amp;Jendela</translation>
    </message>
    <message>
        <source>Front desk: issue tickets</source>
        <translation>Meja Depan: ambil antrean</translation>
    </message>
    <message>
        <source>Counter panel: {counter}</source>
        <translation>Panel {counter}</translation>
    </message>
    <message>
        <source>Daily report…</source>
        <translation>Laporan harian…</translation>
    </message>
    <message>
        <source>Settings (admin PIN)…</source>
        <translation>Pengaturan (PIN admin)…</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Tutup jendela ini</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Bantuan</translation>
    </message>
    <message>
        <source>Self-test: check this PC and printer…</source>
        <translation>Uji mandiri: periksa PC dan printer ini…</translation>
    </message>
    <message>
        <source>About counter-app</source>
        <translation>Tentang counter-app</translation>
    </message>
</context>
<context>
    <name>report_charts</name>
    <message>
        <source>Arrivals per hour</source>
        <translation>Kedatangan per jam</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Jam</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Nomor antrean</translation>
    </message>
    <message>
        <source>Persons inside</source>
        <translation>Orang di dalam</translation>
    </message>
    <message>
        <source>Limit ({limit} persons)</source>
        <translation>Batas ({limit} orang)</translation>
    </message>
    <message>
        <source>Occupancy of the hall</source>
        <translation>Isi ruang tunggu</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Orang</translation>
    </message>
</context>
<context>
    <name>selftest</name>
    <message>
        <source>Failed: {checks}</source>
        <translation>Gagal: {checks}</translation>
    </message>
    <message>
        <source>All {count} checks passed.</source>
        <translation>Semua {count} pemeriksaan lulus.</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation>Uji mandiri</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>This station was started without a file.</source>
        <translation>Perangkat ini dijalankan tanpa berkas konfigurasi.</translation>
    </message>
    <message>
        <source>No admin PIN is set. Set one on this PC with the command: counter-app admin-pin</source>
        <translation>PIN admin belum diatur. Atur di PC ini dengan perintah: counter-app admin-pin</translation>
    </message>
    <message>
        <source>This PIN is stored the old way, which is easier to guess. Set a new one (at least 6 digits) with the command: counter-app admin-pin</source>
        <translation>PIN ini disimpan dengan cara lama yang lebih mudah ditebak. Atur PIN baru (minimal 6 digit) dengan perintah: counter-app admin-pin</translation>
    </message>
    <message>
        <source>the list of services</source>
        <translation>daftar layanan</translation>
    </message>
    <message>
        <source>counters</source>
        <translation>loket</translation>
    </message>
    <message>
        <source>printer</source>
        <translation>printer</translation>
    </message>
    <message>
        <source>lobby display</source>
        <translation>layar ruang tunggu</translation>
    </message>
    <message>
        <source>language</source>
        <translation>bahasa</translation>
    </message>
</context>
</TS>
