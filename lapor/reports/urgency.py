"""A report's urgency: the nearest deadline the agency itself must still meet.

Verification while the report is with the intake, first response and completion while it is with an agency
(the clocks that alert, docs/subsystems/sla.md). Reports waiting on the reporter or finished have none: ``FAR``,
which sorts after every real deadline. The database keeps it as a generated column (``Report.urgency_at``), so
the staff inbox can read a subtree's most urgent reports from an index instead of sorting all of them.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Case, DateTimeField, F, Q, Value, When
from django.db.models.functions import Coalesce, Least

from lapor.reports.states import AGENCY_STATUSES, Status

FAR = dt.datetime(2200, 1, 1, tzinfo=dt.UTC)
_VERIFY_STATES = (Status.SUBMITTED, Status.VERIFIED)


def _running(field_name: str, condition: Q) -> Coalesce:
    return Coalesce(
        Case(When(condition, then=F(field_name)), default=Value(None), output_field=DateTimeField()),
        Value(FAR),
        output_field=DateTimeField(),
    )


def urgency_expression() -> Least:
    agency = Q(status__in=sorted(AGENCY_STATUSES))
    return Least(
        _running("verify_due_at", Q(status__in=sorted(_VERIFY_STATES), verify_met_at__isnull=True)),
        _running("response_due_at", agency & Q(first_response_at__isnull=True)),
        _running("completion_due_at", agency & Q(completion_met_at__isnull=True)),
        output_field=DateTimeField(),
    )
