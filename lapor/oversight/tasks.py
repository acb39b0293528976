"""Background work of the oversight app, registered here in one place.

* every ``LAPOR_STATS_REFRESH_SECONDS`` (default 5 minutes, rounded to minutes): refresh the statistics rollup;
* every night at 01:30 WIB: refresh, then write the open-data dump of published reports;
* on the 1st of each month at 07:00 WIB: e-mail last month's report to every agency's pimpinan;
* on demand: background exports and imports (their pages show the progress).
"""

from __future__ import annotations

import logging

from django.conf import settings
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task, lock_task

from lapor.core import clock

log = logging.getLogger(__name__)

_MINUTES = max(1, int(getattr(settings, "LAPOR_STATS_REFRESH_SECONDS", 300)) // 60)


@db_periodic_task(crontab(minute=f"*/{_MINUTES}"))
@lock_task("lapor-stats-refresh")
def stats_refresh_periodically() -> None:
    from lapor.oversight.rollup import stats_refresh

    log.info("statistics: %s", stats_refresh().summary())


@db_periodic_task(crontab(hour="18", minute="30"))  # 01:30 WIB (huey runs crontabs in UTC here)
@lock_task("lapor-opendata-dump")
def opendata_dump_daily() -> None:
    from lapor.oversight.opendata import opendata_dump

    manifest = opendata_dump()
    log.info("open data: %s records in %s", manifest["latest"]["records"], manifest["latest"]["csv"])


@db_periodic_task(crontab(day="1", hour="0", minute="0"))  # 07:00 WIB on the first day of the month
@lock_task("lapor-monthly-reports")
def monthly_reports_send() -> None:
    from lapor.oversight.monthly import monthly_send, previous_month
    from lapor.oversight.rollup import stats_refresh

    stats_refresh()
    month = previous_month(clock.now().date())
    result = monthly_send(month=month)
    log.info("monthly reports %s: %s sent, %s skipped", month, result.sent, result.skipped)


@db_task()
def export_job_task(job_id: int) -> None:
    from lapor.oversight.services import export_job_run

    export_job_run(job_id)


@db_task()
def import_validate_task(batch_id: int) -> None:
    from lapor.oversight.imports import import_validate

    import_validate(batch_id)


@db_task()
def import_apply_task(batch_id: int) -> None:
    from lapor.oversight.imports import import_apply

    import_apply(batch_id)
