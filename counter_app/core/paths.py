"""The one place that knows where files live, frozen (PyInstaller) or not."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "counter-app"
_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def resource_path(*parts: str) -> Path:
    """A file under resources/.

    Installed wheels and the PyInstaller bundle carry resources inside the package
    (counter_app/resources); a source checkout has them beside the package.
    """
    packaged = _PACKAGE_DIR / "resources"
    base = packaged if packaged.is_dir() else _PACKAGE_DIR.parent / "resources"
    return base.joinpath(*parts)


def _override(env: str) -> Path | None:
    value = os.environ.get(env)
    return Path(value) if value else None


def config_dir() -> Path:
    return _override("COUNTER_APP_CONFIG_DIR") or Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    return _override("COUNTER_APP_DATA_DIR") or Path(platformdirs.user_data_dir(APP_NAME))


def log_dir() -> Path:
    return _override("COUNTER_APP_LOG_DIR") or Path(platformdirs.user_log_dir(APP_NAME))


def default_config_path() -> Path:
    return config_dir() / "config.toml"


def default_database_url() -> str:
    return f"sqlite:///{(data_dir() / 'queue.sqlite3').as_posix()}"
