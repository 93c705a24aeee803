"""counter-app: a counter-queue system for a public office."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("counter-app")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
