"""Background delivery of the outbox: every minute, and right after a transaction that queued messages."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from lapor.notifications.delivery import outbox_deliver_due


@db_task()
def outbox_kick() -> None:
    outbox_deliver_due()


@db_periodic_task(crontab(minute="*"))
def outbox_deliver_periodically() -> None:
    while outbox_deliver_due().sent >= 100:  # drain a backlog in chunks
        pass
