"""Before Qt starts on Linux: are the X11 (xcb) libraries Qt needs installed?

A fresh desktop often lacks a few of them (libxcb-cursor0 above all since Qt 6.5),
and Qt then aborts with "Could not load the Qt platform plugin xcb" and a core dump.
We look for each library first and name the packages to install instead.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

#: Library file -> Debian/Ubuntu package. Everything libqxcb.so links outside the wheel.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def uses_xcb(env: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Will Qt pick its X11 platform plugin here?"""
    env = os.environ if env is None else env
    if not (platform or sys.platform).startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if chosen:
        return chosen == "xcb"
    # Unset: Qt takes Wayland in a Wayland session and xcb under X11.
    return bool(env.get("DISPLAY")) and not env.get("WAYLAND_DISPLAY")


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def missing_libraries(loads: Callable[[str], bool] = _loads) -> list[str]:
    return [name for name in XCB_LIBRARIES if not loads(name)]


def advice(missing: list[str]) -> str:
    packages = " ".join(dict.fromkeys(XCB_LIBRARIES[name] for name in missing))
    return (
        "counter-app cannot open its windows: Qt's X11 (xcb) platform needs system "
        f"libraries that are not installed: {', '.join(missing)}.\n"
        "On Debian or Ubuntu install them with:\n"
        f"    sudo apt-get install {packages}\n"
        "(Fedora: sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms "
        "xcb-util-image xcb-util-renderutil libxkbcommon-x11)\n"
        "The README lists all of them."
    )


def check(
    env: Mapping[str, str] | None = None,
    loads: Callable[[str], bool] = _loads,
    platform: str | None = None,
) -> str | None:
    """None when the windows can start, else what to install."""
    if not uses_xcb(env, platform):
        return None
    missing = missing_libraries(loads)
    return advice(missing) if missing else None
