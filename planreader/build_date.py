"""The date a build states: SOURCE_DATE_EPOCH's (the last commit, set by the build), so two builds of a commit agree."""
from __future__ import annotations

import datetime as dt
import os


def build_date() -> dt.date:
    """A plan's force and "as of" on pages, Akoma Ntoso's manifestation date; today when no build set the epoch."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch.isdigit() else dt.date.today()
