"""The lobby display's voice: announcements queued and played one after another.

Two ways to speak (``choose_backend``):

* ``"tts"``: a QTextToSpeech engine with an Indonesian voice (Windows usually has one)
  says ``speech.announce.sentence()``, after the chime;
* ``"clips"``: the bundled word clips (``resources/sounds/id``) joined by
  ``speech.clips`` into one WAV, chime included, played with QAudioSink.

An announcement starts only when the previous one has finished, so none is cut off.
Without an audio device (a PC with no speakers, CI) the clips "play" on a timer for
their exact length, so the queue keeps its pace and order.

Sound is optional: QtMultimedia and QtTextToSpeech are imported only here, and only when
the display first needs them. Where they cannot be loaded (PySide6-Addons missing, or the
system's sound library such as libpulse.so.0 absent) the display runs silent, says so on
screen (``sound_problem()``) and logs which library is missing.
"""

from __future__ import annotations

import importlib
import logging
import math
from collections import deque
from collections.abc import Iterable, Mapping
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QObject, Qt, QTimer, Signal

from counter_app.speech.announce import Announcement, sentence
from counter_app.speech.clips import Audio, ClipLibrary, scale

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QAudioSink
    from PySide6.QtTextToSpeech import QTextToSpeech

Backend = Literal["clips", "tts", "none"]
Preference = Literal["auto", "clips", "tts"]

#: Qt's test engine: it "speaks" on a timer and makes no sound.
SILENT_ENGINES = frozenset({"mock"})
#: A sound device that has not reported the end after twice the sound's length plus this
#: is taken to hang, and the queue moves on.
WATCHDOG_MS = 5000
#: Longest a text-to-speech engine may take for one sentence.
TTS_TIMEOUT_MS = 30_000


_modules: dict[str, ModuleType | str] = {}


def sound_module(name: str) -> ModuleType | None:
    """``PySide6.<name>`` (QtMultimedia or QtTextToSpeech), or None where it cannot be
    loaded; the reason is logged once and kept for ``sound_problem``."""
    if name not in _modules:
        try:
            _modules[name] = importlib.import_module(f"PySide6.{name}")
        except ImportError as exc:  # the module, or a shared library it links, is missing
            reason = str(exc) or type(exc).__name__
            log.warning("%s cannot be loaded (%s); the lobby display will be silent", name, reason)
            _modules[name] = reason
    module = _modules[name]
    return module if isinstance(module, ModuleType) else None


def sound_problem() -> str | None:
    """Why this PC cannot play sound (the missing library), or None when it can."""
    if sound_module("QtMultimedia") is None:
        reason = _modules["QtMultimedia"]
        return f"QtMultimedia: {reason}"
    return None


def pick_engine(engines: Mapping[str, Iterable[str]], language: str = "id") -> str | None:
    """The first engine with a locale of ``language`` (locale names such as "id_ID")."""
    for name, locales in engines.items():
        if name in SILENT_ENGINES:
            continue
        if any(locale.replace("-", "_").split("_")[0].lower() == language for locale in locales):
            return name
    return None


def installed_engines() -> dict[str, list[str]]:
    """Text-to-speech engines on this machine and the locales each one speaks."""
    found: dict[str, list[str]] = {}
    tts_module = sound_module("QtTextToSpeech")
    if tts_module is None or sound_module("QtMultimedia") is None:
        return found
    QTextToSpeech = tts_module.QTextToSpeech
    for name in QTextToSpeech.availableEngines():
        if name in SILENT_ENGINES:
            continue
        tts = QTextToSpeech(name)
        if tts.state() != QTextToSpeech.State.Error:
            found[name] = [locale.name() for locale in tts.availableLocales()]
        tts.deleteLater()
    return found


def choose_backend(
    preference: Preference, engines: Mapping[str, Iterable[str]]
) -> tuple[Backend, str | None]:
    """``("tts", engine)`` when wanted and an Indonesian voice exists, else ``("clips", None)``."""
    if preference == "clips":
        return "clips", None
    engine = pick_engine(engines)
    if engine is not None:
        return "tts", engine
    if preference == "tts":
        log.warning("no text-to-speech engine speaks Indonesian; using the recorded clips")
    return "clips", None


class ClipPlayer(QObject):
    """Plays one piece of PCM audio and emits ``done`` when it has been heard."""

    done = Signal()

    def __init__(self, parent: QObject | None = None, *, silent: bool = False) -> None:
        super().__init__(parent)
        self._silent = silent
        self._sink: QAudioSink | None = None
        self._buffer: QBuffer | None = None
        self._playing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._finish)

    @property
    def playing(self) -> bool:
        return self._playing

    def play(self, audio: Audio) -> None:
        if self._playing:
            raise RuntimeError("already playing; wait for done")
        self._playing = True
        length_ms = math.ceil(audio.duration * 1000)
        if self._start_sink(audio):
            self._timer.start(2 * length_ms + WATCHDOG_MS)  # in case the device never reports idle
        else:
            self._timer.start(length_ms)  # no device: the timer stands in for the sound

    def _start_sink(self, audio: Audio) -> bool:
        if self._silent or audio.frame_count == 0:
            return False
        qt = sound_module("QtMultimedia")
        if qt is None:
            return False
        device = qt.QMediaDevices.defaultAudioOutput()
        if device.isNull():
            return False
        fmt = qt.QAudioFormat()
        fmt.setSampleRate(audio.rate)
        fmt.setChannelCount(audio.channels)
        fmt.setSampleFormat(qt.QAudioFormat.SampleFormat.Int16)
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(audio.frames))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        sink = self._sink = qt.QAudioSink(device, fmt, self)
        # No argument: PySide 6.12 cannot convert the signal's QAudio::State to Python.
        sink.stateChanged.connect(lambda: self._on_state(sink))
        sink.start(self._buffer)
        if sink.error() != qt.QtAudio.Error.NoError:
            log.warning("audio output failed (%s); continuing silently", sink.error())
            self._release()
            return False
        return True

    def _on_state(self, sink: QAudioSink) -> None:
        if sink is not self._sink:  # a sink already released
            return
        qt = sound_module("QtMultimedia")
        assert qt is not None  # a sink exists only where it loaded
        audio, state = qt.QtAudio, sink.state()
        if state == audio.State.IdleState or (
            state == audio.State.StoppedState and sink.error() != audio.Error.NoError
        ):
            self._finish()

    def _finish(self) -> None:
        if not self._playing:
            return
        self._playing = False
        self._timer.stop()
        self._release()
        self.done.emit()

    def _release(self) -> None:
        sink, buffer = self._sink, self._buffer
        self._sink = self._buffer = None
        if sink is not None:
            sink.stop()
            sink.deleteLater()
        if buffer is not None:
            buffer.close()
            buffer.deleteLater()


class Announcer(QObject):
    """Says announcements in the order they come; the next starts when one has finished.

    ``engine`` names a QTextToSpeech engine to speak with (see ``choose_backend``);
    without one the recorded clips speak.  ``silent`` never opens a sound device.
    """

    started = Signal(object)
    finished = Signal(object)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        library: ClipLibrary | None = None,
        engine: str | None = None,
        language: str = "id",
        silent: bool = False,
    ) -> None:
        super().__init__(parent)
        self.library = library or ClipLibrary()
        self._queue: deque[Announcement] = deque()
        self._current: Announcement | None = None
        self._chime = True
        self._voice = True
        self._volume = 100
        self._silent = silent
        self._player = ClipPlayer(self, silent=silent)
        self._player.done.connect(self._after_sound)
        self._tts_state: Any = None  # QTextToSpeech.State, once the module is loaded
        self._tts = self._make_tts(engine, language) if engine else None
        self._tts_spoke = False
        self._tts_timer = QTimer(self)
        self._tts_timer.setSingleShot(True)
        self._tts_timer.timeout.connect(self._done)

    @property
    def backend(self) -> Backend:
        """How it speaks: "tts", "clips", or "none" where this PC has no sound at all."""
        if self._tts is not None:
            return "tts"
        return "clips" if self._silent or sound_problem() is None else "none"

    @property
    def busy(self) -> bool:
        return self._current is not None

    @property
    def pending(self) -> int:
        """Announcements waiting behind the current one."""
        return len(self._queue)

    def set_chime(self, on: bool) -> None:
        self._chime = on

    def set_voice(self, on: bool) -> None:
        self._voice = on

    def set_volume(self, volume: int) -> None:
        """0-100; applies from the next announcement on."""
        if not 0 <= volume <= 100:
            raise ValueError(f"volume {volume} is outside 0..100")
        self._volume = volume

    def announce(self, announcement: Announcement) -> None:
        """Queue it; it plays after everything queued before (a recall plays again)."""
        self._queue.append(announcement)
        if self._current is None:
            self._next()

    def clear(self) -> None:
        """Drop what is waiting; the current announcement still finishes."""
        self._queue.clear()

    def audio(self, announcement: Announcement) -> Audio:
        """What the clips backend plays for it with the current settings."""
        return self.library.assemble(
            announcement, chime=self._chime, voice=self._voice, volume=self._volume
        )

    def _make_tts(self, engine: str, language: str) -> QTextToSpeech | None:
        module = sound_module("QtTextToSpeech")
        if module is None:
            return None
        QTextToSpeech = module.QTextToSpeech
        self._tts_state = QTextToSpeech.State
        tts = QTextToSpeech(engine, self)
        locale = next(
            (loc for loc in tts.availableLocales() if loc.name().split("_")[0] == language), None
        )
        if tts.state() == QTextToSpeech.State.Error or locale is None:
            log.warning("%s cannot speak %r; using the recorded clips", engine, language)
            tts.deleteLater()
            return None
        tts.setLocale(QLocale(locale))
        tts.stateChanged.connect(self._on_tts_state)
        return tts

    def _next(self) -> None:
        if self._current is not None or not self._queue:
            return
        self._current = self._queue.popleft()
        self.started.emit(self._current)
        try:
            if self._tts is None:
                sound = self.audio(self._current)
            elif self._chime:
                sound = scale(self.library.chime(), self._volume)
            else:
                self._after_sound()
                return
        except Exception:  # a missing or broken clip must not stall the queue
            log.exception("cannot play %s", self._current)
            QTimer.singleShot(0, self, self._done)
            return
        self._player.play(sound)

    def _after_sound(self) -> None:
        """The clips (or, with text-to-speech, the chime) have been played."""
        current = self._current
        if self._tts is None or current is None or not self._voice:
            self._done()
            return
        self._tts_spoke = False
        self._tts.setVolume(self._volume / 100)
        self._tts_timer.start(TTS_TIMEOUT_MS)
        self._tts.say(sentence(current))

    def _on_tts_state(self, state: QTextToSpeech.State) -> None:
        if not self._tts_timer.isActive():
            return
        states = self._tts_state
        if state in (states.Speaking, states.Synthesizing):
            self._tts_spoke = True
        elif state == states.Error or (state == states.Ready and self._tts_spoke):
            self._done()

    def _done(self) -> None:
        self._tts_timer.stop()
        current, self._current = self._current, None
        if current is not None:
            self.finished.emit(current)
        # A slot of finished may have announced (and started) something already.
        if self._current is None:
            QTimer.singleShot(0, self, self._next)


def make_announcer(
    preference: Preference = "auto",
    parent: QObject | None = None,
    *,
    library: ClipLibrary | None = None,
    silent: bool = False,
) -> Announcer:
    """An Announcer with the text-to-speech engine when one speaks Indonesian, else clips."""
    engines = {} if preference == "clips" else installed_engines()
    backend, engine = choose_backend(preference, engines)
    log.info("announcements via %s%s", backend, f" ({engine})" if engine else "")
    return Announcer(parent, library=library, engine=engine, silent=silent)
