"""The windows' language: Bahasa Indonesia by default, English second.

Source strings are English (Qt's convention); resources/translations/counter_app_id.ts
holds the Indonesian, compiled to the .qm loaded here. The language is the
configuration's ``[office] language`` when the file sets it, else the system locale's
(English for an English locale, Indonesian for everything else).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from counter_app.core import paths
from counter_app.core.config import Config

log = logging.getLogger(__name__)
LANGUAGES = ("id", "en")
SOURCE_LANGUAGE = "en"
_LOCALES = {
    "id": QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def qm_path(language: str) -> Path:
    return paths.resource_path("translations", f"counter_app_{language}.qm")


def locale_language(system_locale: str | None = None) -> str:
    """English for an English system locale, Indonesian for every other."""
    name = system_locale if system_locale is not None else QLocale.system().name()
    return "en" if name.lower().startswith("en") else "id"


def choose_language(config: Config, system_locale: str | None = None) -> str:
    if "language" in config.office.model_fields_set:
        return config.office.language
    return locale_language(system_locale)


def with_language(config: Config, language: str) -> Config:
    """The configuration speaking ``language``, so the queue's own messages match the windows."""
    if config.office.language == language:
        return config
    office = config.office.model_copy(update={"language": language})
    return config.model_copy(update={"office": office})


class Translation:
    """The installed translator; ``remove()`` undoes ``install()`` (tests switch languages).

    The .qm file is read into memory, not handed to QTranslator by name: Qt maps a named
    file into memory, and when that file is rewritten in place while a window runs (an
    upgrade copied over the installation, or ``i18n_build`` on a developer's machine) the
    next translated string reads past the file's new end and the process dies of SIGBUS.
    """

    def __init__(self, language: str, path: Path | None = None) -> None:
        self.language = language
        self.path = path
        self.translator: QTranslator | None = None
        self._data = b""  # what the translator reads; kept alive as long as it is installed

    def install(self, app: QCoreApplication) -> Translation:
        QLocale.setDefault(_LOCALES.get(self.language, _LOCALES["id"]))
        if self.language == SOURCE_LANGUAGE:
            return self
        translator = QTranslator(app)
        path = self.path or qm_path(self.language)
        try:
            data = path.read_bytes()
        except OSError as exc:
            data = b""
            log.warning("cannot read %s: %s", path, exc)
        if data and translator.load(data, str(path.parent)):
            app.installTranslator(translator)
            self.translator, self._data = translator, data
        else:
            log.warning("no translation %r at %s; the windows speak English", self.language, path)
        return self

    def remove(self, app: QCoreApplication) -> None:
        if self.translator is not None:
            app.removeTranslator(self.translator)
            self.translator, self._data = None, b""
        QLocale.setDefault(QLocale.system())


def install(app: QCoreApplication, language: str) -> Translation:
    return Translation(language).install(app)
