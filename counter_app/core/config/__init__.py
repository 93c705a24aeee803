"""The office's configuration: one TOML file, declared once here with types and defaults.

Every problem is reported as a ConfigError naming the file, the key and what is wrong,
so the command line and the windows can show it without a traceback.

The package's parts, each a module with one job:

- sections: the tables of the file, one pydantic model each, and Config over them
- database_url: what is wrong with a database URL (`[database] url`, `--db`)
- validation: data to Config, pydantic's errors in plain words, the checks across tables
- loading: the file itself (bounded reads, TOML, nesting), the sample, the --db override
- shared: the queue rules every station on one database follows
- errors: ConfigError
"""

from __future__ import annotations

from counter_app.core import paths
from counter_app.core.config.database_url import database_url_problem
from counter_app.core.config.errors import ConfigError
from counter_app.core.config.loading import (
    MAX_CONFIG_BYTES,
    MAX_NESTING,
    load,
    load_config,
    load_or_init,
    new_secret,
    sample_config,
    write_sample,
)
from counter_app.core.config.sections import (
    COLOUR_RE,
    HOURS_RE,
    MAX_GROUP,
    PREFIX_RE,
    AdminSettings,
    BookingSettings,
    CapacitySettings,
    Colour,
    Config,
    CounterSettings,
    DatabaseSettings,
    DisplaySettings,
    DocumentSettings,
    FillOrder,
    LateRule,
    OfficeSettings,
    PrinterKind,
    PrinterSettings,
    RetentionSettings,
    ServiceSettings,
    ThemeSettings,
    TicketSettings,
    WebSettings,
    WhenFull,
)
from counter_app.core.config.shared import SHARED_SERVICE_KEYS, shared_rules, with_shared_rules
from counter_app.core.config.validation import ECHO_LIMIT, parse_config

# paths is re-exported for the callers that reach it as config.paths (cli.py does).
__all__ = [
    "COLOUR_RE",
    "ECHO_LIMIT",
    "HOURS_RE",
    "MAX_CONFIG_BYTES",
    "MAX_GROUP",
    "MAX_NESTING",
    "PREFIX_RE",
    "SHARED_SERVICE_KEYS",
    "AdminSettings",
    "BookingSettings",
    "CapacitySettings",
    "Colour",
    "Config",
    "ConfigError",
    "CounterSettings",
    "DatabaseSettings",
    "DisplaySettings",
    "DocumentSettings",
    "FillOrder",
    "LateRule",
    "OfficeSettings",
    "PrinterKind",
    "PrinterSettings",
    "RetentionSettings",
    "ServiceSettings",
    "ThemeSettings",
    "TicketSettings",
    "WebSettings",
    "WhenFull",
    "database_url_problem",
    "load",
    "load_config",
    "load_or_init",
    "new_secret",
    "parse_config",
    "paths",
    "sample_config",
    "shared_rules",
    "with_shared_rules",
    "write_sample",
]
