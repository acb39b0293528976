"""Writing and verifying the hash-chained audit log."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

from lapor.audit.models import AuditChainHead, AuditEvent
from lapor.core import clock

GENESIS_HASH = "0" * 64


def _event_hash(
    *,
    seq: int,
    created_at: Any,
    event_type: str,
    actor_user_id: int | None,
    actor_label: str,
    agency_id: int | None,
    report_id: int | None,
    extra_data: dict[str, Any],
    prev_hash: str,
) -> str:
    material = json.dumps(
        [
            seq,
            created_at.isoformat(),
            event_type,
            actor_user_id,
            actor_label,
            agency_id,
            report_id,
            extra_data,
            prev_hash,
        ],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(material.encode()).hexdigest()


def audit_record(
    *,
    event_type: str,
    actor_user_id: int | None = None,
    actor_label: str = "",
    agency_id: int | None = None,
    report_id: int | None = None,
    extra_data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain. Must run inside the caller's transaction, ideally as its last write:
    the chain head stays locked until commit, so every other writer queues behind it.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("audit_record() must be called inside a transaction")
    extra = json.loads(json.dumps(extra_data or {}, default=str))  # JSON-native, as it will be read back
    head = AuditChainHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        AuditChainHead.objects.get_or_create(pk=1)
        head = AuditChainHead.objects.select_for_update().get(pk=1)
    now = clock.now()
    fields = {
        "seq": head.seq + 1,
        "created_at": now,
        "event_type": str(event_type),
        "actor_user_id": actor_user_id,
        "actor_label": actor_label[:200],
        "agency_id": agency_id,
        "report_id": report_id,
        "extra_data": extra,
        "prev_hash": head.hash,
    }
    digest = _event_hash(**fields)
    event = AuditEvent.objects.create(**fields, hash=digest)
    AuditChainHead.objects.filter(pk=1).update(seq=fields["seq"], hash=digest)
    return event


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    problem: str


@dataclass(frozen=True)
class ChainReport:
    checked: int
    problems: list[ChainProblem]

    @property
    def ok(self) -> bool:
        return not self.problems


def audit_verify(*, batch_size: int = 5000) -> ChainReport:
    """Walk the whole chain in order and list every edited, missing or re-ordered event."""
    problems: list[ChainProblem] = []
    expected_prev = GENESIS_HASH
    expected_seq = 1
    checked = 0
    with transaction.atomic():
        head = AuditChainHead.objects.filter(pk=1).first()
        last_seq = 0
        qs = AuditEvent.objects.order_by("seq")
        while True:
            batch = list(qs.filter(seq__gt=last_seq)[:batch_size])
            if not batch:
                break
            for ev in batch:
                checked += 1
                if ev.seq != expected_seq:
                    problems.append(ChainProblem(ev.seq, f"events {expected_seq}..{ev.seq - 1} are missing"))
                if ev.prev_hash != expected_prev:
                    problems.append(ChainProblem(ev.seq, "link to the previous event is broken"))
                recomputed = _event_hash(
                    seq=ev.seq,
                    created_at=ev.created_at,
                    event_type=ev.event_type,
                    actor_user_id=ev.actor_user_id,
                    actor_label=ev.actor_label,
                    agency_id=ev.agency_id,
                    report_id=ev.report_id,
                    extra_data=ev.extra_data,
                    prev_hash=ev.prev_hash,
                )
                if recomputed != ev.hash:
                    problems.append(ChainProblem(ev.seq, "event content was changed after it was written"))
                expected_prev = ev.hash
                expected_seq = ev.seq + 1
            last_seq = batch[-1].seq
        head_seq = head.seq if head else 0
        head_hash = head.hash if head else GENESIS_HASH
        if head_seq != expected_seq - 1 or head_hash != expected_prev:
            problems.append(ChainProblem(head_seq, "the chain's tail does not match its head (events removed)"))
    return ChainReport(checked=checked, problems=problems)
