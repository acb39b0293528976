"""Training, activating and using the agency router, and the routing policy.

A report's history label is its *final* owner: reports that reached ``followed_up`` or ``closed`` are owned
by the unit that answered them, after every bukan-wewenang correction — never the first guess.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from lapor.agencies.actors import Actor
from lapor.agencies.choices import AgencyKind, Role
from lapor.agencies.models import Agency
from lapor.audit.services import audit_record
from lapor.core import clock
from lapor.core.errors import PermissionDenied, ValidationFailed
from lapor.reference.choices import RegionLevel
from lapor.reports import services as rs
from lapor.reports.models import Report
from lapor.reports.permissions import can_dispose_to
from lapor.reports.states import Status
from lapor.routing import engine, reasons
from lapor.routing.choices import RoutingAudit
from lapor.routing.models import RouterVersion, RoutingPolicy, RoutingSuggestion

log = logging.getLogger(__name__)

HISTORY_STATUSES = (Status.FOLLOWED_UP, Status.CLOSED)
MIN_HISTORY = 20
# A scheduled retrain replaces the active model only when it is not clearly worse on its own hold-out.
REPLACE_TOLERANCE = 0.02
FAMILY_OF_KIND = {AgencyKind.KELURAHAN: engine.KEL, AgencyKind.KECAMATAN: engine.KEC}


def router_dir() -> Path:
    """Where model files live: ``LAPOR_ROUTER_DIR``, else ``<data dir>/router``."""
    configured = getattr(settings, "LAPOR_ROUTER_DIR", None)
    path = Path(configured) if configured else Path(settings.DATA_DIR) / "router"
    path.mkdir(parents=True, exist_ok=True)
    return path


# --- what the router reads from a report ---------------------------------------------------------------------


def record_of(report: Report) -> engine.Record:
    """A report as the router sees it: texts, address, category path and its kelurahan/kecamatan (names and
    Kemendagri codes, from the report's region and its parents).
    """
    kel = kec = kel_code = kec_code = ""
    region = report.region if report.region_id else None
    if region is not None and region.level == RegionLevel.VILLAGE:
        kel, kel_code = region.name, region.code
        region = region.parent
    if region is not None and region.level == RegionLevel.DISTRICT:
        kec, kec_code = region.name, region.code
    return engine.Record(
        text=report.body_original,
        title=report.title,
        address=report.address,
        category=report.category.full_name if report.category_id else "",
        kelurahan=kel,
        kecamatan=kec,
        kelurahan_code=kel_code,
        kecamatan_code=kec_code,
        submitted_at=report.submitted_at,
    )


def _history() -> tuple[list[engine.Record], list[str]]:
    limit = getattr(settings, "LAPOR_ROUTER_MAX_HISTORY", 200_000)
    qs = (
        Report.objects.filter(status__in=HISTORY_STATUSES, owner_agency__depth__gt=1)
        .select_related("owner_agency", "category", "region__parent")
        .order_by("-submitted_at")[:limit]
    )
    records, labels = [], []
    for report in qs.iterator(chunk_size=2000):
        records.append(record_of(report))
        labels.append(report.owner_agency.code)
    return records, labels


def _units(labels: set[str]) -> list[engine.Unit]:
    """Every active kelurahan/kecamatan office (resolvable by place even before it handled anything), plus the
    units in the history, labelled by agency code.
    """
    qs = Agency.objects.filter(active=True).filter(kind__in=list(FAMILY_OF_KIND)) | Agency.objects.filter(
        code__in=labels
    )
    return [
        engine.Unit(a.code, a.name, FAMILY_OF_KIND.get(a.kind, ""), a.region_id or "")
        for a in qs.only("code", "name", "kind", "region_id")
    ]


# --- training and activation ---------------------------------------------------------------------------------


def router_train_from_db(*, activate: bool = True, actor_label: str = "sistem", only_if_better: bool = False):
    """Train on this installation's disposition history and register the model (a file plus a
    :class:`RouterVersion` row). ``only_if_better`` (the scheduled retrain) keeps the active model when the new
    one is clearly worse on its own hold-out.
    """
    records, labels = _history()
    if len(records) < MIN_HISTORY or len(set(labels)) < 2:
        raise ValidationFailed(
            _("Riwayat belum cukup untuk melatih router: %(n)d laporan selesai dari %(u)d unit (minimal %(min)d).")
            % {"n": len(records), "u": len(set(labels)), "min": MIN_HISTORY},
            code="not_enough_history",
        )
    model = engine.train(records, labels, units=_units(set(labels)), source="riwayat disposisi", now=clock.now())
    version = _register(model, n_reports=len(records), actor_label=actor_label)
    active = RouterVersion.objects.filter(is_active=True).first()
    better = active is None or (version.top1 or 0) >= (active.top1 or 0) - REPLACE_TOLERANCE
    if activate and (better or not only_if_better):
        router_activate(version=version, actor_label=actor_label)
    return version


def _register(model: engine.RouterModel, *, n_reports: int, actor_label: str) -> RouterVersion:
    base, n = model.version, 1
    while RouterVersion.objects.filter(version=model.version).exists():  # retrained within the same second
        n += 1
        model.version = f"{base}-{n}"
    path = router_dir() / f"router-{model.version}.model"
    engine.save(model, path)
    with transaction.atomic():
        version = RouterVersion.objects.create(
            version=model.version,
            path=str(path),
            trained_at=clock.now(),
            source=model.source,
            n_reports=n_reports,
            metrics=model.metrics,
        )
        audit_record(
            event_type=RoutingAudit.MODEL_TRAINED,
            actor_label=actor_label,
            extra_data={"version": version.version, "n_reports": n_reports, "metrics": model.metrics},
        )
    return version


@transaction.atomic
def router_activate(*, version: RouterVersion, actor_label: str = "sistem", actor_user_id: int | None = None):
    """Make ``version`` the model every suggestion uses (the previous one stays on disk and in the list)."""
    engine.read_header(version.path)  # refuse a missing or foreign file before switching
    RouterVersion.objects.filter(is_active=True).exclude(pk=version.pk).update(is_active=False)
    RouterVersion.objects.filter(pk=version.pk).update(is_active=True)
    audit_record(
        event_type=RoutingAudit.MODEL_ACTIVATED,
        actor_user_id=actor_user_id,
        actor_label=actor_label,
        extra_data={"version": version.version},
    )
    version.is_active = True
    return version


_cache_lock = threading.Lock()
_cache: dict[str, tuple[str, engine.RouterModel]] = {}


def router_active() -> tuple[RouterVersion, engine.RouterModel] | None:
    """The active version and its loaded model (kept in memory per process until another is activated)."""
    version = RouterVersion.objects.filter(is_active=True).first()
    if version is None:
        return None
    with _cache_lock:
        hit = _cache.get("active")
        if hit is None or hit[0] != version.version:
            try:
                _cache["active"] = (version.version, engine.load(version.path))
            except (OSError, engine.RouterError):
                log.exception("router model %s cannot be loaded", version.version)
                return None
        return version, _cache["active"][1]


# --- policy --------------------------------------------------------------------------------------------------


def routing_policy() -> RoutingPolicy:
    return RoutingPolicy.objects.filter(pk=1).first() or RoutingPolicy(pk=1)


@transaction.atomic
def routing_policy_update(
    *,
    actor: Actor,
    auto_dispose_threshold: Decimal | float | None,
    duplicate_window_days: int | None = None,
    duplicate_threshold: Decimal | float | None = None,
) -> RoutingPolicy:
    """National admin only. A threshold of ``None`` turns auto-disposition off; otherwise 0.5–1."""
    if not actor.is_national_admin:
        raise PermissionDenied(_("Hanya admin nasional yang dapat mengubah kebijakan router."))
    policy = RoutingPolicy.objects.select_for_update().filter(pk=1).first() or RoutingPolicy(pk=1)
    before = {
        "auto_dispose_threshold": str(policy.auto_dispose_threshold),
        "duplicate_window_days": policy.duplicate_window_days,
        "duplicate_threshold": str(policy.duplicate_threshold),
    }
    if auto_dispose_threshold is not None:
        auto_dispose_threshold = Decimal(str(auto_dispose_threshold)).quantize(Decimal("0.001"))
        if not Decimal("0.5") <= auto_dispose_threshold <= Decimal("1"):
            raise ValidationFailed(_("Ambang disposisi otomatis harus antara 0,5 dan 1."), extra={"field": "threshold"})
    policy.auto_dispose_threshold = auto_dispose_threshold
    if duplicate_window_days is not None:
        if not 1 <= int(duplicate_window_days) <= 365:
            raise ValidationFailed(_("Jendela laporan ganda harus 1–365 hari."), extra={"field": "window"})
        policy.duplicate_window_days = int(duplicate_window_days)
    if duplicate_threshold is not None:
        value = Decimal(str(duplicate_threshold)).quantize(Decimal("0.001"))
        if not Decimal("0.1") <= value <= Decimal("1"):
            raise ValidationFailed(_("Ambang laporan ganda harus antara 0,1 dan 1."), extra={"field": "duplicate"})
        policy.duplicate_threshold = value
    policy.updated_at = clock.now()
    policy.updated_by = actor.user
    policy.save()
    audit_record(
        event_type=RoutingAudit.POLICY_CHANGED,
        actor_user_id=actor.user_id,
        actor_label=actor.label,
        extra_data={"before": before, "after": {k: str(getattr(policy, k)) for k in before}},
    )
    return policy


# --- suggestions ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SuggestedAgency:
    """One suggested agency; ``why`` is its reason as structured parts, ``reason`` the line in the active
    language (rendered when read, so a page shows it in its reader's language).
    """

    agency: Agency
    confidence: float
    why: tuple[reasons.Part, ...] = ()

    @property
    def reason(self) -> str:
        return reasons.render(self.why)

    @property
    def percent(self) -> int:
        return round(self.confidence * 100)

    # The console's picker template (console/_suggestions.html) reads code, name, reason and score.
    @property
    def code(self) -> str:
        return self.agency.code

    @property
    def name(self) -> str:
        return self.agency.name

    @property
    def score(self) -> float:
        return self.confidence


@dataclass(frozen=True)
class Suggestions:
    """What the verification screen shows: up to three agencies, best first, the model that said so, and the
    category it read (``None``: text and location only).
    """

    version: str
    items: list[SuggestedAgency]
    row: RoutingSuggestion | None = None

    @property
    def category_id(self) -> int | None:
        return self.row.category_id if self.row is not None else None

    @property
    def explanation(self) -> str:
        return self.items[0].reason if self.items else ""


def routing_suggest(*, report: Report, actor: Actor | None = None) -> Suggestions | None:
    """The active router's top-3 agencies for ``report`` (stored once per model version), limited to the
    agencies ``actor`` may dispose to. ``None`` when no model is active.

    A stored suggestion computed with another category than the report's current one (the verifier set or
    changed it) is stale: it is recomputed with the current category before it is returned, so a stale
    suggestion is never shown as current (one prediction, about a millisecond).
    """
    active = router_active()
    if active is None:
        return None
    version, model = active
    row = RoutingSuggestion.objects.filter(report=report, router_version=version.version).first()
    if row is None or row.category_id != report.category_id:
        row = _store(report, version, model, stale=row)
    agencies = Agency.objects.in_bulk([c["agency_id"] for c in row.candidates])
    items = []
    for c in row.candidates:
        agency = agencies.get(c["agency_id"])
        if agency is None or not agency.active or (actor is not None and not can_dispose_to(actor, agency.path)):
            continue
        why = reasons.from_json(c["why"]) if "why" in c else reasons.parse(c.get("reason", ""))
        items.append(SuggestedAgency(agency, c["confidence"], why))
    return Suggestions(version.version, items, row)


def _store(
    report: Report, version: RouterVersion, model: engine.RouterModel, *, stale: RoutingSuggestion | None = None
) -> RoutingSuggestion:
    """Predict and store; a ``stale`` row (another category) is updated in place, keeping what became of it."""
    predicted = model.predict([record_of(report)], k=5, explain=True)[0]
    codes = {a.code: a for a in Agency.objects.filter(code__in=[c.label for c in predicted], active=True)}
    candidates = [
        {
            "agency_id": codes[c.label].pk,
            "code": c.label,
            "name": codes[c.label].name,
            "confidence": c.confidence,
            "reason": c.reason,
            "why": reasons.to_json(c.why),
        }
        for c in predicted
        if c.label in codes and codes[c.label].depth > 1
    ][:3]
    fresh = {"router": version, "candidates": candidates, "category_id": report.category_id, "created_at": clock.now()}
    if stale is not None:
        RoutingSuggestion.objects.filter(pk=stale.pk).update(**fresh)
        for key, value in fresh.items():
            setattr(stale, key, value)
        return stale
    row, created = RoutingSuggestion.objects.get_or_create(
        report=report, router_version=version.version, defaults=fresh
    )
    if not created and row.category_id != report.category_id:  # another process stored it meanwhile, stale
        return _store(report, version, model, stale=row)
    return row


def routing_dispose_suggested(*, report: Report, actor: Actor, agency: Agency, note: str = "") -> Report:
    """One-click dispose from the verification screen: verify (if not yet) and dispose to ``agency``, noting
    which suggestion was taken so the router's usefulness can be measured.
    """
    with transaction.atomic():
        suggestion = report.routing_suggestions.order_by("-created_at").first()
        rank = next(
            (i for i, c in enumerate(suggestion.candidates, 1) if c["agency_id"] == agency.pk), None
        ) if suggestion else None  # fmt: skip
        if report.status == Status.SUBMITTED:
            report = rs.report_verify(report=report, actor=actor)
        if not note and rank is not None:
            note = _("Disposisi sesuai saran router (pilihan %(rank)d, keyakinan %(pct)d%%).") % {
                "rank": rank,
                "pct": round(suggestion.candidates[rank - 1]["confidence"] * 100),
            }
        report = rs.report_dispose(report=report, actor=actor, agency=agency, note=note)
        if suggestion is not None:
            RoutingSuggestion.objects.filter(pk=suggestion.pk).update(accepted_rank=rank or 0)
            audit_record(
                event_type=RoutingAudit.SUGGESTION_ACCEPTED,
                actor_user_id=actor.user_id,
                actor_label=actor.label,
                report_id=report.pk,
                extra_data={"version": suggestion.router_version, "rank": rank, "agency_id": agency.pk},
            )
    return report


# --- automatic disposition -----------------------------------------------------------------------------------


def router_actor() -> Actor:
    """The system acting as national admin, audited as ``router otomatis``."""
    return dataclasses.replace(Actor.system_admin(), label="router otomatis")


def routing_auto_dispose(*, report: Report) -> Report | None:
    """Dispose ``report`` to the top suggestion when the admin-set threshold is on and met; else None.

    Only reports still at intake (submitted or verified), only into the intake agency's own subtree, never
    when a likely duplicate is waiting for a person to look at it. Audited as the router; reversible
    (see :func:`routing_auto_dispose_revert`).
    """
    from lapor.routing.services.duplicates import duplicate_find

    policy = routing_policy()
    if policy.auto_dispose_threshold is None or report.status not in (Status.SUBMITTED, Status.VERIFIED):
        return None
    suggestions = routing_suggest(report=report)
    if suggestions is None or not suggestions.items:
        return None
    top = suggestions.items[0]
    if Decimal(str(top.confidence)) < policy.auto_dispose_threshold:
        return None
    if not top.agency.is_in_subtree_of(report.owner_agency):
        return None
    if any(m.score >= 0.8 for m in duplicate_find(report=report, actor=Actor.system())):
        return None
    actor = router_actor()
    with transaction.atomic():
        if report.status == Status.SUBMITTED:
            report = rs.report_verify(report=report, actor=actor)
        note = _("Disposisi otomatis oleh router (model %(v)s, keyakinan %(pct)d%%): %(why)s") % {
            "v": suggestions.version,
            "pct": top.percent,
            "why": top.reason,
        }
        report = rs.report_dispose(report=report, actor=actor, agency=top.agency, note=note)
        now = clock.now()
        RoutingSuggestion.objects.filter(pk=suggestions.row.pk).update(
            auto_disposed_to=top.agency, auto_disposed_at=now, accepted_rank=1
        )
        audit_record(
            event_type=RoutingAudit.AUTO_DISPOSED,
            actor_label=actor.label,
            report_id=report.pk,
            extra_data={
                "version": suggestions.version,
                "agency_id": top.agency.pk,
                "confidence": top.confidence,
                "threshold": str(policy.auto_dispose_threshold),
            },
        )
    return report


def routing_auto_dispose_revert(*, report: Report, actor: Actor, reason: str) -> Report:
    """Undo an automatic disposition: the report goes back to verification at the national intake
    (:func:`~lapor.reports.services.report_recall`), as long as the receiving unit has not acted on it.

    Who may: whoever may recall the disposition (a national admin, since the router disposes as the national
    intake). Later, or for anyone else, the receiving unit refuses the report as *bukan wewenang* instead,
    which also returns it to the national intake.
    """
    suggestion = (
        RoutingSuggestion.objects.filter(report=report, auto_disposed_at__isnull=False, reverted_at__isnull=True)
        .order_by("-auto_disposed_at")
        .first()
    )
    if suggestion is None:
        raise ValidationFailed(_("Laporan ini tidak didisposisikan otomatis oleh router."), code="not_auto_disposed")
    if not actor.has_role(Role.NATIONAL_ADMIN, Role.AGENCY_ADMIN):
        raise PermissionDenied(_("Hanya admin yang dapat membatalkan disposisi otomatis."))
    with transaction.atomic():
        report = rs.report_recall(report=report, actor=actor, reason=reason)
        RoutingSuggestion.objects.filter(pk=suggestion.pk).update(reverted_at=clock.now())
        audit_record(
            event_type=RoutingAudit.AUTO_DISPOSE_REVERTED,
            actor_user_id=actor.user_id,
            actor_label=actor.label,
            report_id=report.pk,
            extra_data={"version": suggestion.router_version, "reason": reason[:500]},
        )
    return report


def auto_disposed_suggestion(report: Report) -> RoutingSuggestion | None:
    """The router's automatic disposition of ``report`` that is still in force (not reverted), if any."""
    if report.status != Status.DISPOSED:
        return None
    return (
        RoutingSuggestion.objects.filter(report=report, auto_disposed_at__isnull=False, reverted_at__isnull=True)
        .select_related("auto_disposed_to")
        .order_by("-auto_disposed_at")
        .first()
    )


def routing_resuggest(*, report_id: int) -> Suggestions | None:
    """The report's category was set or changed (queued after commit by ``report_verify``): store the
    suggestion computed with it, ready for the verifier's dispose screen.

    Only while the report is still at intake (submitted or verified); never disposes automatically — a person
    is verifying it, and a disposed report keeps its disposition. Idempotent: an up-to-date suggestion is left
    as it is.
    """
    report = Report.objects.select_related("category", "region__parent").filter(pk=report_id).first()
    if report is None or report.status not in (Status.SUBMITTED, Status.VERIFIED):
        return None
    return routing_suggest(report=report)


def routing_process_report(*, report_id: int) -> None:
    """After intake: store the suggestion and auto-dispose when the policy says so (idempotent)."""
    report = Report.objects.select_related("owner_agency", "category", "region__parent").filter(pk=report_id).first()
    if report is None or report.status not in (Status.SUBMITTED, Status.VERIFIED):
        return
    if routing_suggest(report=report) is not None:
        routing_auto_dispose(report=report)
