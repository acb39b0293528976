"""The escalation sweep on a schedule (every LAPOR_SWEEP_MINUTES minutes; registered here, in one place)."""

import logging

from django.conf import settings
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from lapor.sla.sweep import sla_sweep

log = logging.getLogger(__name__)


@db_periodic_task(crontab(minute=f"*/{settings.LAPOR_SWEEP_MINUTES}"))
@lock_task("lapor-sla-sweep")
def sla_sweep_periodically() -> None:
    result = sla_sweep()
    log.info("sla sweep: %s", result.summary())
