"""Every text outside Qt Linguist in English, for offices and browsers that ask for it.

The same keys and ``{fields}`` as ``id.py`` (tests/test_words.py checks it).
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    "config.greater_than_equal": "must be at least {limit} (got {got})",
    "config.less_than_equal": "must be at most {limit} (got {got})",
    "config.greater_than": "must be more than {limit} (got {got})",
    "config.less_than": "must be less than {limit} (got {got})",
    "config.literal_error": "must be {expected} (got {got})",
    "config.enum": "must be {expected} (got {got})",
    "config.string_pattern_mismatch": 'must be a colour like "#0b2545" (got {got})',
    "config.too_short": "must not be empty",
    "config.int_type": "must be a whole number (got {got})",
    "config.int_from_float": "must be a whole number (got {got})",
    "config.float_type": "must be a number (got {got})",
    "config.string_type": "must be a text in quotes (got {got})",
    "config.bool_type": "must be true or false (got {got})",
    "config.list_type": 'must be a list, e.g. ["A", "B"] (got {got})',
    "config.model_type": "must be a table (got {got})",
    "config.missing": "is missing",
    "config.extra_forbidden": "unknown key",
    "config.duplicate_prefix": "duplicate prefix {prefix} (also {other})",
    "config.duplicate_counter": "duplicate counter number {number} (also {other})",
    "config.unknown_service": "unknown service {prefix} (known: {known})",
    "config.clock_form": 'must be a time like "07:00" (got {value})',
    "config.mark_form": 'must be one capital letter, e.g. "D" (got {value})',
    "config.online_over_quota": "is more than the daily quota ({online} > {quota})",
    "config.booking_prefix": "a service booked online needs a one-letter prefix (got {prefix})",
    "config.booking_series_taken": (
        "booked numbers would be written {series}, the prefix of {other}"
    ),
    "config.booking_needs_hours": (
        "booking needs the opening hours (the arrival windows come from them)"
    ),
    "config.kind_form": (
        "a document kind is a letter or digit, then up to 23 of letters, digits, spaces,"
        " . _ - (got {value})"
    ),
    "config.kind_twice": "the same kind as {other} (kinds are matched ignoring case)",
    "config.documents_need_kinds": (
        'the ready list needs its document kinds and their services, e.g. {{ KK = "A" }}'
    ),
    "config.column_twice": "two of the column_ keys name the same column",
    "config.service_twice": "a service is listed twice",
    "config.unknown_time_zone": (
        "unknown time zone {value} (use an IANA name such as Asia/Makassar)"
    ),
    "config.hours_form": "{value} is not of the form HH:MM-HH:MM",
    "config.online_form": "{value} is not a web address (https://...)",
    "config.whatsapp_form": "{value} is not a phone number (for example 0816 1234 5678)",
    "config.hours_range": "{value} is not a valid time range",
    "config.hours_order": "{value}: opening must be before closing",
    "config.printer_needs": "kind = {kind} needs {keys}",
    "counter.label": "Counter {n}",
    "clock.vs_server": (
        "This PC's clock is {amount} {direction} the database server's (PC: {pc}, server: "
        "{server}). Set this PC's date and time; the queue was not changed."
    ),
    "clock.ahead": "ahead of",
    "clock.behind": "behind",
    "clock.behind_last": (
        "This PC's clock is {amount} behind the queue's last operation (PC: {pc}, last: "
        "{last}). Set this PC's date and time; the queue was not changed."
    ),
    "clock.moved": (
        "This PC's clock was set {amount} ahead since the queue's last operation (PC: {pc}, "
        "last: {last}); the queue's day was not ended. Set this PC's date and time."
    ),
    "clock.day_behind": (
        "The queue's day is already {queue_day}, but this PC's clock says {pc}. Set this PC's"
        " date and time; the queue was not changed."
    ),
    "clock.days": "{n} d",
    "clock.hours": "{n} h",
    "clock.minutes": "{n} min",
    "clock.seconds": "{n} s",
    "cli.hall": "hall {occupancy}/{limit}",
    "cli.hall_outside": "{n} outside ({persons} persons)",
    "cli.closed": "closed",
    "cli.service": (
        "{prefix} {name}: waiting {waiting}, outside {outside}, issued {issued}/{quota}, "
        "left {left}"
    ),
    "cli.counter": "{name}: {current}  (served {served}, no-show {no_shows})",
    "cli.ahead": "{n} numbers ahead",
    "cli.minutes": "± {n} min",
    "cli.print": "print: {status}",
    "cli.print.pending": "pending",
    "cli.print.printed": "printed",
    "cli.print.failed": "failed",
    "cli.print.off": "off",
    "cli.report_hall": (
        "hall: peak {peak}/{limit}{at} (limit {held}), full {full} min, waiting for a group "
        "{blocked} min, {outside} waited outside"
    ),
    "cli.report_at": " at {time}",
    "cli.limit_held": "held",
    "cli.limit_exceeded": "EXCEEDED",
    "cli.arrivals": "arrivals per hour: {hours}",
    "cli.report_documents": (
        "documents {kind}: {handed} handed over, {not_collected} booked but not collected"
    ),
    "cli.report_bookings": (
        "online numbers {prefix}: {booked} booked, {checked_in} checked in, {lapsed} lapsed, "
        "{cancelled} cancelled"
    ),
    "cli.valid": "OK",
    "cli.invalid": "INVALID",
    "cli.documents_imported": (
        "Ready list imported: {added} added, {updated} updated, {unchanged} unchanged,"
        " {handed} handed over already (of {total})."
    ),
    "cli.documents_imported_done": "the ready list imported ({n} documents)",
    "cli.documents_listed": "Documents: {n}",
    "cli.documents_ready_done": "{number} marked ready",
    "cli.documents_handed_done": "{number} marked handed over",
    "cli.documents_state_ready": "ready since",
    "cli.documents_state_handed": "handed over",
    "cli.document_ready": "to hand over",
    "cli.document_handed": "handed over",
    "cli.bookings": "Online numbers of {day}: {n}",
    "cli.checked_in": "Online number {code} checked in.",
    "booking.state_booked": "booked",
    "booking.state_checked_in": "checked in",
    "booking.state_cancelled": "cancelled",
    "booking.state_lapsed": "lapsed",
    "cli.purged": (
        "purged {tickets} tickets and {events} events of {days} days before {before}; "
        "their daily reports are kept"
    ),
    "cli.purged_done": "{tickets} tickets purged",
    "cli.schema": "{url}: schema {schema} (this app: {head})",
    "cli.upgraded": "the database upgraded",
    "cli.keep_days": "--keep-days: at least 1 (today's tickets are always kept)",
    "hall.blocked": "{free} places free, waiting for group {code} ({persons} persons)",
    "refusal.hall_full": (
        "The waiting hall is full ({occupancy}/{limit} persons). Please wait a moment."
    ),
    "refusal.quota_reached": "The daily quota of {service} is used up ({quota} numbers).",
    "refusal.suspended": "{service} is suspended: {notice}",
    "refusal.suspended_named": "{notice}",
    "refusal.booking_off": "{service} takes no online bookings.",
    "refusal.bad_nik": "NIK not accepted: {why}",
    "refusal.nik_empty": "no NIK given.",
    "refusal.nik_length": "a NIK has 16 digits.",
    "refusal.nik_not_digits": "a NIK has only the digits 0-9.",
    "refusal.nik_region": "the region code in the first 6 digits does not exist.",
    "refusal.nik_birth_date": "the birth date in digits 7 to 12 is impossible.",
    "refusal.nik_serial": "the last 4 digits cannot be 0000.",
    "refusal.bad_phone": "A phone number has 8 to 15 digits, e.g. 081234567890.",
    "refusal.day_not_bookable": "{day} cannot be booked: {why}",
    "refusal.booking_day_closed_day": "the office is closed that day.",
    "refusal.booking_day_past": "that day is over, or its arrival windows have all begun.",
    "refusal.booking_day_not_yet": "that day's numbers are not open yet.",
    "refusal.nik_limit": "This NIK already holds {max} unused online numbers.",
    "refusal.online_quota_reached": (
        "Fully booked: {service}'s online numbers for {day} are taken. Numbers are left for {next}."
    ),
    "refusal.online_quota_reached_all": (
        "Fully booked: {service}'s online numbers for {day} are taken."
    ),
    "refusal.unknown_booking": "Online booking not found.",
    "refusal.not_a_booking_code": "{code} is not an online booking number.",
    "refusal.several_bookings": (
        "This NIK has several numbers today ({codes}): scan the QR code or type the number."
    ),
    "refusal.booking_cancelled": "Online number {code} was cancelled.",
    "refusal.booking_lapsed": (
        "Online number {code} has lapsed (late, or its day is over). Please take a number at "
        "the desk."
    ),
    "refusal.booking_used": "Online number {code} has checked in already (ticket {ticket}).",
    "refusal.booking_other_day": "Online number {code} is for {day}, not today.",
    "refusal.documents_off": "The ready list of finished documents is not in use.",
    "refusal.document_needed": (
        "{service} is for collecting a finished document: give its registration number or the NIK."
    ),
    "refusal.document_not_ready": (
        "Not ready yet: this document is not on the list of finished documents. Please check"
        " again later before coming."
    ),
    "refusal.document_handed": "This {kind} was handed over on {day}.",
    "refusal.document_taken": "This document already has number {code}.",
    "refusal.document_other_service": "A {kind} is collected at {service}: take that number.",
    "refusal.unknown_document": "Registration number {number} is not on the ready list.",
    "refusal.document_bad_entry": ("Give the registration number and the document kind ({kinds})."),
    "documents.bad_row": "{path}: line {line}: {reason}",
    "documents.more_bad_rows": "... and {n} more bad rows.",
    "documents.nothing_imported": "Nothing was imported: fix the file and import it again.",
    "documents.too_big": "the file is larger than {mb} MB",
    "documents.not_text": "this is not a CSV text file",
    "documents.not_csv": "not readable as CSV: {why}",
    "documents.empty": "the file has no documents",
    "documents.missing_columns": "the header lacks the column {names}",
    "documents.too_many_rows": "more than {max} rows: split the file",
    "documents.no_number": "the registration number is empty",
    "documents.bad_number": "{number} is not a registration number (letters, digits, . / -)",
    "documents.unknown_kind": "unknown document kind {kind} (known: {known})",
    "documents.bad_date": "the date finished {value} is not a date of the form {form}",
    "documents.future_date": "the date finished {value} is in the future",
    "documents.bad_nik": "bad NIK: {why}",
    "documents.duplicate": "registration number {number} is on line {other} too, differently",
    "refusal.closed": "Outside opening hours ({hours}).",
    "refusal.nothing_to_call": "Nobody is waiting for {counter}.",
    "refusal.no_current": "{counter} has no current ticket.",
    "refusal.unknown_service": "Unknown service {prefix!r}.",
    "refusal.unknown_counter": "Counter {counter} is not in the configuration.",
    "refusal.unknown_ticket": "Ticket {code} was not issued today.",
    "refusal.not_a_ticket_code": "{code!r} is not a ticket code (e.g. A-001).",
    "refusal.unknown_counter_known": (
        "Counter {counter} is not in the configuration (configured: {known})."
    ),
    "refusal.wrong_state": "Ticket {code} is {state}; cannot {action}.",
    "refusal.bad_group": "Group size must be 1 to {max}.",
    "refusal.not_served_here": "{counter} does not serve {service}.",
    "verify.ok": "Valid ticket: {code}, {state}.",
    "verify.malformed": "Not a ticket QR code of this office, or damaged.",
    "verify.bad_signature": (
        "QR code not valid: this ticket was not issued by this office, or its data changed."
    ),
    "verify.other_day": "Ticket of {day}; valid on that day only.",
    "verify.unknown_ticket": "The QR code is valid, but {code} is not in today's queue.",
    "verify.finished": "Ticket {code} is already finished ({state}).",
    "state.outside": "waiting outside",
    "state.waiting": "waiting",
    "state.called": "called",
    "state.done": "done",
    "state.no_show": "no-show",
    "state.cancelled": "cancelled",
    "action.call": "call it",
    "action.return": "return it to the queue",
    "action.transfer": "transfer it",
    "action.cancel": "cancel it",
    "action.reprint": "reprint it",
    "ticket.title": "Queue Number",
    "ticket.ahead": "Numbers ahead of you: {n}",
    "ticket.wait": "Estimated wait ± {n} min",
    "ticket.wait_none": "You will be served soon",
    "ticket.ahead_outside": "Ahead of you: {n} numbers ({persons} persons)",
    "ticket.next_in": "You are next to come in",
    "ticket.outside": "Please wait outside until your number is called in",
    "ticket.priority": "PRIORITY",
    "ticket.group": "For {n} persons",
    "ticket.document": "Document: {kind} {number}",
    "ticket.valid_today": "Valid today only",
    "ticket.live": "Scan the QR code to follow your place in line live",
    "ticket.reprint": "REPRINT",
    "ticket.test": "PRINTER TEST",
    "ticket.test_service": "Sample service",
    "printer.ready": "Printer ready",
    "printer.status_na": "status not available",
    "printer.paper_near_end": "Paper is running low",
    "printer.paper_out": "Out of paper: load a new roll",
    "printer.cover_open": "The printer cover is open",
    "printer.offline": "The printer is offline",
    "printer.printer_error": "The printer reports an error (switch it off and on again)",
    "printer.no_answer": "The printer did not answer within {s} s",
    "printer.unrecognised": "Unrecognised answer from the printer (check its cable and settings)",
    "printer.status_silent": "the printer does not answer status queries",
    "printer.unreachable": "Cannot reach the printer {where}: {detail}",
    "printer.dropped": "The connection to the printer dropped while printing",
    "printer.write_failed": "Sending to the printer {where} failed: {detail}",
    "printer.stuck": "The printer did not respond within {s} s",
    "printer.off": "Printing is off",
    "printer.preview": "Preview: tickets are saved to {folder}",
    "printer.preview_failed": "Cannot write to the preview folder {folder}: {detail}",
    "printer.needs_package": "A {kind} printer needs the Python package {package}",
    "printer.windows_only": "win32 printers are only available on Windows",
    "printer.stopped": "Printing stopped before this ticket was printed",
    "printer.unexpected": "Unexpected error: {detail}",
    "printer.refused": "connection refused (printer off or wrong port?)",
    "printer.timed_out": "no answer within {s} s",
    "printer.unknown_host": "unknown host name",
    "printer.host_unreachable": "network unreachable",
    "printer.not_found": "device not found",
    "printer.no_permission": "permission denied",
    "date.day.0": "Monday",
    "date.day.1": "Tuesday",
    "date.day.2": "Wednesday",
    "date.day.3": "Thursday",
    "date.day.4": "Friday",
    "date.day.5": "Saturday",
    "date.day.6": "Sunday",
    "date.month.1": "January",
    "date.month.2": "February",
    "date.month.3": "March",
    "date.month.4": "April",
    "date.month.5": "May",
    "date.month.6": "June",
    "date.month.7": "July",
    "date.month.8": "August",
    "date.month.9": "September",
    "date.month.10": "October",
    "date.month.11": "November",
    "date.month.12": "December",
    "web.lang_name": "English",
    "web.ticket_title": "Queue {code}",
    "web.board_title": "Queue at {office}",
    "web.your_number": "Your queue number",
    "web.state_outside": "Please wait outside for now",
    "web.detail_outside": (
        "The waiting hall is full. You may wait outside the building; this page tells you as "
        "soon as you may come in."
    ),
    "web.detail_outside_blocked": (
        "The waiting hall is waiting for a group ahead of you. You may wait outside the "
        "building; this page tells you as soon as you may come in."
    ),
    "web.detail_outside_head": (
        "The free places in the waiting hall are not yet enough for your group. You may wait "
        "outside the building; this page tells you as soon as you may come in."
    ),
    "web.state_come_in": "You may come in now",
    "web.detail_come_in": (
        "There is room for you in the waiting hall. Please come in and wait for your number "
        "to be called."
    ),
    "web.state_waiting": "Waiting in the hall",
    "web.detail_waiting": "Your number will be called to a counter. This page will tell you.",
    "web.state_called": "Please go to {counter}",
    "web.detail_called": "Your number has been called. Go to {counter} now with your ticket.",
    "web.state_done": "Served",
    "web.detail_done": "Thank you for your visit.",
    "web.state_no_show": "Missed when called",
    "web.detail_no_show": (
        "Your number was called but you did not come to the counter. Please ask the staff at "
        "the front desk."
    ),
    "web.state_cancelled": "Number cancelled",
    "web.detail_cancelled": "This number was cancelled. Please ask the staff at the front desk.",
    "web.ahead_none": "You are next",
    "web.ahead": "{n} numbers ahead of you",
    "web.ahead_outside": "{n} numbers ({persons} persons) ahead of you",
    "web.next_in": "You are next to come in",
    "web.minutes": "about {m} minutes",
    "web.minutes_soon": "soon",
    "web.hall": "In the waiting hall: {occupancy} of {limit} people",
    "web.hall_outside": "{n} numbers waiting outside",
    "web.serving": "Now serving",
    "web.counter_idle": "—",
    "web.recent_calls": "Latest calls",
    "web.call_admitted": "{code} may come in",
    "web.call_called": "{code} to {counter}",
    "web.lines": "Services",
    "web.line_waiting": "{n} waiting",
    "web.line_left": "{n} numbers left today",
    "web.line_full": "no numbers left today",
    "web.closed": "Outside opening hours",
    "web.updated": "Updated {time}",
    "web.offline": (
        "Not connected to the queue server. What you see may be out of date; this page keeps "
        "trying."
    ),
    "web.offline_title": "The queue is unavailable",
    "web.offline_text": (
        "The queue server cannot be reached right now. This page tries again by itself; your "
        "number stays valid."
    ),
    "web.sound_on": "Turn on sound and vibration",
    "web.sound_ready": "Sound and vibration on",
    "web.live": "This page updates itself. Keep it open.",
    "web.no_personal_data": "This page holds no personal data.",
    "web.not_found_title": "Ticket not recognised",
    "web.not_found_text": (
        "This QR code is not one of today's queue tickets of this office. Please take a "
        "number at the front desk or ask the staff."
    ),
    "web.limited_title": "Reloaded too often",
    "web.limited_text": "Please wait a moment before reloading. The queue page updates itself.",
    "web.board_link": "See all counters",
    "web.book_link": "Book a number online",
    "web.book_title": "Book a number online",
    "web.book_intro": (
        "Choose a service and a day, then enter your NIK. One NIK gets one number per "
        "service and day."
    ),
    "web.service_label": "Service",
    "web.day_label": "Day of your visit",
    "web.day_left": "{day} — {n} numbers left",
    "web.day_full": "{day} — fully booked",
    "web.nik_label": "NIK (16 digits, as on your KTP or KK)",
    "web.phone_label": "Phone number (optional)",
    "web.book_button": "Book a number",
    "web.no_days": "No day can be booked yet. Please try again later.",
    "web.suspended_service": "{service}: {notice}",
    "web.choose_day": "Choose the day of your visit.",
    "web.existing_title": "You already have a number for that day",
    "web.existing_text": (
        "Use this number. To come in, show the QR code of your number's page or give your "
        "NIK at the entrance."
    ),
    "web.booking_title": "Online number {code}",
    "web.booking_intro": (
        "Keep this page. Come at the time below and show this QR code to the staff at the "
        "entrance (or give your NIK)."
    ),
    "web.come_at": "Come at {start}–{end}",
    "web.booking_booked": "Number booked",
    "web.booking_checked_in": "You have checked in",
    "web.booking_cancelled": "This number was cancelled",
    "web.booking_lapsed": "This number has lapsed",
    "web.late_end_of_line": (
        "Your arrival time has passed. You can still come in, but this number is served at "
        "the end of the line."
    ),
    "web.late_lapse": (
        "Your arrival time has passed, so this number can no longer be used. Please take a "
        "number at the desk."
    ),
    "web.cancel_button": "Cancel this number",
    "web.cancel_hint": "Not coming? Cancel, so that someone else can have the number.",
    "web.qr_alt": "QR code of online number {code}",
    "web.booking_off_title": "Online booking is not available",
    "web.booking_off_text": (
        "This office takes no online bookings yet. Please take a number at the desk."
    ),
    "web.bad_form_title": "The form could not be read",
    "web.bad_form_text": "Please open the form's page again and fill it in.",
    "web.too_large_title": "The form is too long",
    "web.too_large_text": "Please open the form's page again and fill it in.",
    "web.forbidden_title": "The form has expired",
    "web.forbidden_text": (
        "For your safety a form only works from this site and for 2 hours. Please open the "
        "form's page again."
    ),
    "web.booking_not_found_title": "Online number not recognised",
    "web.booking_not_found_text": (
        "This address does not lead to any online number. Please check the link."
    ),
    "web.alert_called": "{code} CALLED! Please go to {counter}",
    "web.alert_come_in": "{code}: PLEASE COME IN!",
    "web.check_link": "Check whether your document is ready",
    "web.check_first": "Check first whether your document is ready",
    "web.check_title": "Is my document ready?",
    "web.check_intro": (
        "Enter the registration number (on the receipt of your application) or your NIK to "
        "see whether your KK, KTP-el, KIA or certificate can be collected."
    ),
    "web.check_label": "Registration number or NIK",
    "web.check_button": "Check",
    "web.check_again": "Check another number",
    "web.check_result": "Result",
    "web.check_ready": "Ready since {day}",
    "web.check_collect": "collect it with a number for {service}",
    "web.check_book": "Book a number for {service} online",
    "web.check_come": (
        "Come to the office and take a number for {service} at the desk, with the receipt "
        "of your application."
    ),
    "web.check_handed": "Handed over on {day}",
    "web.check_not_ready": "Not ready yet / not on the list of finished documents",
    "web.check_later": "Please check again later, before you come to the office.",
    "web.check_empty": "Enter a registration number or a NIK.",
    "web.check_bad": (
        "A registration number has only letters, digits, spaces, dots, slashes and hyphens "
        "(40 at most)."
    ),
    "web.check_private": (
        "What you type is neither kept nor shown. This page holds no personal data."
    ),
    "web.check_limited_title": "Too many checks",
    "web.check_limited_text": (
        "Too many checks came from this connection. Please try again in a few minutes."
    ),
    "web.documents_off_title": "Document check not available",
    "web.documents_off_text": (
        "This office does not use the list of finished documents yet. Please ask the staff."
    ),
    "web.document_label": "Registration number of the document (leave empty to search by NIK)",
    "web.document_for": "Only for {services}",
    "display.now_caption": "TICKET NUMBER",
    "display.come_in": "PLEASE COME IN",
    "display.recall": "CALLED AGAIN",
    "display.no_call": "No calls yet",
    "display.counters_title": "NOW SERVING",
    "display.recent_title": "LATEST CALLS",
    "display.admit_title": "PLEASE COME IN",
    "display.hall_title": "WAITING HALL",
    "display.occupancy": "In the hall: {inside} / {limit}",
    "display.full": "HALL FULL",
    "display.waiting": "Waiting to be called: {n}",
    "display.outside": "Waiting outside: {n}",
    "display.waiting_outside": "Waiting: {n}   •   Outside: {outside}",
    "display.closed": "Outside service hours ({hours})",
    "display.offline": "Connection to the server lost — retrying…",
    "display.offline_title": "OFFLINE",
    "display.no_sound": "sound not available",
    "display.subtitle": "Service queue",
    "display.window_title": "{office} — Queue",
    "poster.scan": "Scan this QR code to follow the queue on your phone",
    "poster.headline": "Follow the queue on your phone",
    "poster.detail": (
        "Point your phone's camera at the QR code and open the link: the numbers being called"
        " at each counter appear on your phone, so you need not wait inside the hall."
    ),
    "poster.wifi": "Connect your phone to the office Wi-Fi first.",
    "voice.nomor_antrean": "queue number",
    "voice.silakan_ke_loket": "please go to counter",
    "voice.silakan_masuk": "please come in",
    "voice.panggilan_ulang": "calling again",
}
