"""The queue rules every station on one database shares, published from this station.

Following them (taking another station's save) is QueueBase's: every read and write does
it, so it cannot wait for this module."""

from __future__ import annotations

import json

from counter_app.core.config import shared_rules
from counter_app.core.model import RulesOrigin
from counter_app.core.queue.day import DayAndHall
from counter_app.storage.schema import QueueSettingsRow


class SharedRules(DayAndHall):
    """Saving this station's queue rules as every station's (the settings dialog)."""

    def publish_rules(self) -> int:
        """Make this station's queue rules (capacity, opening hours, each service's quota,
        average minutes and suspension) those of every station on the database."""
        rules = shared_rules(self._local)
        with self._write() as tx:
            row = tx.session.get(QueueSettingsRow, 1)
            if row is None:
                row = QueueSettingsRow(id=1, version=0)
                tx.session.add(row)
            row.version += 1
            row.changed_at = tx.now
            row.station = self._local.office.station
            row.body = json.dumps(rules)
            tx.session.flush()
            self._rules_version, self._rules = row.version, rules
            self.config = self._with_rules(self._local)
            self.rules_origin = RulesOrigin(row.version, tx.now, row.station)
            return row.version
