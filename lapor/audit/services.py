"""Writing and verifying the hash-chained audit log."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q, QuerySet

from lapor.audit.models import AuditChainHead, AuditEvent
from lapor.core import clock, rows

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


def audit_chain_for(report_id: int | None) -> int:
    """The chain an event goes to: all events of one report share a chain (their order is kept), events about
    no report go to chain 1.
    """
    if report_id is None:
        return 1
    return 1 + int(report_id) % settings.LAPOR_AUDIT_CHAINS


def _advance(chain: int) -> tuple[int, str]:
    """Lock the chain's head until commit and take its next sequence number; returns (seq, previous hash)."""
    with connection.cursor() as cursor:
        for _attempt in range(2):
            cursor.execute("UPDATE audit_auditchainhead SET seq = seq + 1 WHERE id = %s RETURNING seq, hash", [chain])
            row = cursor.fetchone()
            if row is not None:
                return int(row[0]), row[1]
            AuditChainHead.objects.get_or_create(pk=chain)  # first event of this chain
    raise RuntimeError(f"audit chain head {chain} could not be created")


def audit_record(
    *,
    event_type: str,
    actor_user_id: int | None = None,
    actor_label: str = "",
    agency_id: int | None = None,
    report_id: int | None = None,
    extra_data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to its chain. Must run inside the caller's transaction, ideally as its last write: the
    chain's head stays locked until commit, so other writers of the same chain queue behind it. Inside a
    ``rows.batch()`` the event is written with the batch.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("audit_record() must be called inside a transaction")
    extra = json.loads(json.dumps(extra_data or {}, default=str))  # JSON-native, as it will be read back
    chain = audit_chain_for(report_id)
    seq, prev_hash = _advance(chain)
    fields = {
        "seq": seq,
        "created_at": clock.now(),
        "event_type": str(event_type),
        "actor_user_id": actor_user_id,
        "actor_label": actor_label[:200],
        "agency_id": agency_id,
        "report_id": report_id,
        "extra_data": extra,
        "prev_hash": prev_hash,
    }
    digest = _event_hash(**fields)
    event = AuditEvent(chain=chain, hash=digest, **fields)
    rows.insert(event)
    rows.execute("UPDATE audit_auditchainhead SET hash = %s WHERE id = %s", [digest, chain])
    return event


def audit_heads() -> dict[int, int]:
    """Each chain's last sequence number: a consistent mark of "everything committed so far"."""
    return dict(AuditChainHead.objects.values_list("pk", "seq"))


def audit_events_between(since: dict[int, int], until: dict[int, int]) -> QuerySet[AuditEvent]:
    """Events appended after the marks ``since`` and up to the marks ``until`` (both from ``audit_heads``)."""
    condition = Q(pk__in=[])
    for chain, last in until.items():
        first = since.get(chain, 0)
        if last > first:
            condition |= Q(chain=chain, seq__gt=first, seq__lte=last)
    return AuditEvent.objects.filter(condition)


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    problem: str
    chain: int = 1

    def __str__(self) -> str:
        return f"chain {self.chain}, event {self.seq}: {self.problem}"


@dataclass(frozen=True)
class ChainReport:
    checked: int
    problems: list[ChainProblem]
    chains: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def _verify_chain(chain: int, head: AuditChainHead | None, batch_size: int) -> tuple[int, list[ChainProblem]]:
    problems: list[ChainProblem] = []
    expected_prev = GENESIS_HASH
    expected_seq = 1
    checked = 0
    last_seq = 0
    qs = AuditEvent.objects.filter(chain=chain).order_by("seq")
    if head is not None:
        qs = qs.filter(seq__lte=head.seq)  # events appended while we walk belong to the next check
    while True:
        batch = list(qs.filter(seq__gt=last_seq)[:batch_size])
        if not batch:
            break
        for ev in batch:
            checked += 1
            if ev.seq != expected_seq:
                problems.append(ChainProblem(ev.seq, f"events {expected_seq}..{ev.seq - 1} are missing", chain))
            if ev.prev_hash != expected_prev:
                problems.append(ChainProblem(ev.seq, "link to the previous event is broken", chain))
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
                problems.append(ChainProblem(ev.seq, "event content was changed after it was written", chain))
            expected_prev = ev.hash
            expected_seq = ev.seq + 1
        last_seq = batch[-1].seq
    head_seq = head.seq if head else 0
    head_hash = head.hash if head else GENESIS_HASH
    if head_seq != expected_seq - 1 or head_hash != expected_prev:
        problems.append(ChainProblem(head_seq, "the chain's tail does not match its head (events removed)", chain))
    return checked, problems


def audit_verify(*, batch_size: int = 5000) -> ChainReport:
    """Walk every chain in order and list every edited, missing or re-ordered event."""
    problems: list[ChainProblem] = []
    checked = 0
    with transaction.atomic():
        heads = {h.pk: h for h in AuditChainHead.objects.all()}
        chains = set(heads) | set(AuditEvent.objects.order_by().values_list("chain", flat=True).distinct())
        for chain in sorted(chains):
            n, found = _verify_chain(chain, heads.get(chain), batch_size)
            checked += n
            problems += found
    return ChainReport(checked=checked, problems=problems, chains=len(chains))
