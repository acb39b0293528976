"""Scheduled routing work (registered here, in one place): the weekly retrain, and every minute the
suggestions (and optional auto-disposition) for new reports plus the relay of follow-ups to duplicates; and,
queued after commit when a verifier sets or changes a report's category, its category-aware suggestion.

Correctness never depends on the queue: the sweep finds its work from the database, so a lost task only
delays it to the next minute, and a suggestion computed with another category than the report's is recomputed
when it is read.
"""

import datetime as dt
import functools
import logging

from django.conf import settings
from django.db import transaction
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task, lock_task

from lapor.core import clock
from lapor.core.errors import ApplicationError
from lapor.reports.models import Report
from lapor.reports.states import Status
from lapor.routing.models import RouterVersion, RoutingSuggestion
from lapor.routing.services import duplicate_relay, router_train_from_db, routing_process_report, routing_resuggest

log = logging.getLogger(__name__)

RETRAIN = getattr(settings, "LAPOR_ROUTER_RETRAIN_CRON", "0 19 * * 0")  # Sunday 19:00 UTC = Monday 02:00 WIB
SWEEP_BATCH = 100


def _cron(spec: str) -> crontab:
    minute, hour, day, month, day_of_week = spec.split()
    return crontab(minute=minute, hour=hour, day=day, month=month, day_of_week=day_of_week)


@db_periodic_task(_cron(RETRAIN))
@lock_task("lapor-router-retrain")
def router_retrain_periodically() -> None:
    """Retrain on the history; the new model replaces the active one unless it is clearly worse."""
    try:
        version = router_train_from_db(activate=True, only_if_better=True, actor_label="jadwal")
    except ApplicationError as exc:
        log.info("router retrain skipped: %s", exc.message)
        return
    log.info("router retrained: %s %s", version.version, version.metrics.get("validation"))


def routing_sweep(*, batch: int = SWEEP_BATCH) -> int:
    """Suggest (and auto-dispose, when on) for recent intake reports the active model has not seen yet."""
    active = RouterVersion.objects.filter(is_active=True).values_list("version", flat=True).first()
    if active is None:
        return 0
    seen = RoutingSuggestion.objects.filter(router_version=active).values("report_id")
    due = (
        Report.objects.filter(
            status__in=(Status.SUBMITTED, Status.VERIFIED), submitted_at__gte=clock.now() - dt.timedelta(days=7)
        )
        .exclude(pk__in=seen)
        .order_by("submitted_at")
        .values_list("pk", flat=True)[:batch]
    )
    done = 0
    for pk in list(due):
        try:
            routing_process_report(report_id=pk)
            done += 1
        except ApplicationError as exc:  # one bad report never stops the sweep
            log.warning("routing of report %s refused: %s", pk, exc.message)
    return done


@db_periodic_task(crontab(minute="*"))
@lock_task("lapor-routing-sweep")
def routing_sweep_periodically() -> None:
    routing_sweep()
    duplicate_relay()


@db_task()
def routing_after_submit(report_id: int) -> None:
    """Queued by intake right after a report is committed, so the suggestion is ready within seconds."""
    routing_process_report(report_id=report_id)


@db_task()
def routing_after_category_change(report_id: int) -> None:
    """Queued after commit when a verifier set or changed the report's category: the category-aware suggestion."""
    routing_resuggest(report_id=report_id)


def resuggest_on_commit(report_id: int) -> None:
    """Called inside the transaction that changed a report's category (``report_verify``): once it commits, queue
    the new suggestion. Nothing is computed inside the transaction; if the queue is unavailable the console
    recomputes the stale suggestion when the report is opened (``routing_suggest``), so nothing is lost.
    """
    transaction.on_commit(functools.partial(_enqueue_resuggest, report_id))


def _enqueue_resuggest(report_id: int) -> None:
    try:
        routing_after_category_change(report_id)
    except Exception:  # after commit: a saved verification never becomes an error page
        log.exception("re-suggestion of report %s not queued", report_id)
