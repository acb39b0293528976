"""Writes of the oversight app: export jobs (the rollup is written by :mod:`lapor.oversight.rollup`, imports by
:mod:`lapor.oversight.imports`, monthly reports by :mod:`lapor.oversight.monthly`).
"""

from __future__ import annotations

import logging
from typing import Any

from django.http import QueryDict

from lapor.agencies.actors import Actor
from lapor.core import clock
from lapor.core.errors import NotFound
from lapor.oversight.choices import ExportFormat, JobStatus
from lapor.oversight.exports import csv_stream, export_path, write_xlsx
from lapor.oversight.models import ExportJob
from lapor.oversight.permissions import dashboard_agency
from lapor.oversight.selectors import drilldown, period_from
from lapor.privacy.policy import reports_in_scope_of

log = logging.getLogger(__name__)


def export_queryset_for(actor: Actor, params: Any):
    """The agency, period and reports of an export, exactly as the drill-down list of the same parameters;
    :class:`NotFound` when the agency is not the viewer's to see.
    """
    agency = dashboard_agency(actor, params.get("instansi"))
    if agency is None:
        raise NotFound("instansi")
    period = period_from(params) if params.get("dari") or params.get("sampai") else None
    qs = drilldown(reports_in_scope_of(actor), agency=agency, period=period, params=params)
    return agency, qs


def export_job_create(*, actor: Actor, params: dict[str, Any], fmt: str) -> ExportJob:
    """Queue a background export of the reports the same parameters list (see :func:`export_job_run`)."""
    if fmt not in ExportFormat.values:
        fmt = ExportFormat.XLSX
    return ExportJob.objects.create(created_by=actor.user, params=params, format=fmt)


def _params(job: ExportJob) -> QueryDict:
    q = QueryDict(mutable=True)
    for key, value in job.params.items():
        if isinstance(value, list):
            q.setlist(key, value)
        else:
            q[key] = value
    return q


def export_job_run(job_id: int) -> ExportJob:
    """Write the job's file, updating its progress every batch. The viewer's rights are checked again now."""
    job = ExportJob.objects.select_related("created_by").get(pk=job_id)
    if job.status not in (JobStatus.QUEUED, JobStatus.RUNNING):
        return job
    actor = Actor.for_user(job.created_by)
    try:
        agency, qs = export_queryset_for(actor, _params(job))
        total = qs.count()
        ExportJob.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, total=total, done=0)
        path = export_path(job.token, job.format)
        partial = path.with_suffix(path.suffix + ".part")

        def progress(n: int) -> None:
            ExportJob.objects.filter(pk=job.pk).update(done=n)

        if job.format == ExportFormat.CSV:
            with partial.open("wb") as fh:
                for chunk in csv_stream(qs, actor=actor, agency=agency):
                    fh.write(chunk)
            count = total
        else:
            count = write_xlsx(
                partial,
                qs,
                actor=actor,
                title=job.params.get("judul") or "Daftar Laporan",
                agency=agency,
                progress=progress,
                label=f"job:{job.token}",
            )
        partial.replace(path)
        ExportJob.objects.filter(pk=job.pk).update(
            status=JobStatus.DONE, done=count, total=max(total, count), file=path.name, finished_at=clock.now()
        )
    except Exception as exc:
        log.exception("export job %s failed", job.token)
        ExportJob.objects.filter(pk=job.pk).update(
            status=JobStatus.FAILED, error=str(exc)[:500], finished_at=clock.now()
        )
    job.refresh_from_db()
    return job
