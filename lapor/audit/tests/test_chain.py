"""The audit log is tamper-evident: any edit, deletion or truncation is found by ``lapor audit verify``, in
whichever of its chains it happens.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from conftest import bring_to
from lapor.agencies.actors import Actor
from lapor.audit.models import AuditChainHead, AuditEvent
from lapor.audit.services import audit_chain_for, audit_events_between, audit_heads, audit_verify
from lapor.reports.services import report_submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(world):
    report = bring_to(world, "closed")
    assert AuditEvent.objects.filter(report_id=report.pk).count() > 5
    return report


def _report_events(report):
    return AuditEvent.objects.filter(chain=audit_chain_for(report.pk)).order_by("seq")


def test_an_untouched_chain_verifies(chain):
    result = audit_verify()
    assert result.ok and result.checked == AuditEvent.objects.count()


def test_a_reports_events_share_one_chain_in_order(chain):
    events = list(AuditEvent.objects.filter(report_id=chain.pk).order_by("id"))
    assert {e.chain for e in events} == {audit_chain_for(chain.pk)}
    assert [e.seq for e in events] == sorted(e.seq for e in events)
    assert events[0].event_type == "report.submitted"


def test_reports_spread_over_the_chains(world, settings):
    settings.LAPOR_AUDIT_CHAINS = 4
    chains = {audit_chain_for(report_id) for report_id in range(1, 9)}
    assert chains == {1, 2, 3, 4}
    assert audit_chain_for(None) == 1


def test_editing_an_event_is_detected(chain):
    event = _report_events(chain)[1]
    AuditEvent.objects.filter(pk=event.pk).update(extra_data={**event.extra_data, "to": "closed"})
    result = audit_verify()
    assert not result.ok
    assert any(p.seq == event.seq and p.chain == event.chain and "changed" in p.problem for p in result.problems)


def test_rewriting_an_event_and_its_hash_breaks_the_next_link(chain):
    event = _report_events(chain)[1]
    AuditEvent.objects.filter(pk=event.pk).update(actor_label="someone else", hash="f" * 64)
    problems = audit_verify().problems
    assert any(p.seq == event.seq + 1 and p.chain == event.chain and "link" in p.problem for p in problems)


def test_deleting_an_event_is_detected(chain):
    event = _report_events(chain)[2]
    AuditEvent.objects.filter(pk=event.pk).delete()
    problems = audit_verify().problems
    assert any("missing" in p.problem for p in problems)


def test_moving_an_event_to_another_chain_is_detected(chain):
    event = _report_events(chain)[2]
    AuditEvent.objects.filter(pk=event.pk).update(chain=event.chain % 32 + 1, seq=10_000)
    problems = audit_verify().problems
    assert any(p.chain == event.chain and "missing" in p.problem for p in problems)


def test_deleting_the_tail_is_detected(chain):
    last = _report_events(chain).last()
    AuditEvent.objects.filter(pk=last.pk).delete()
    problems = audit_verify().problems
    assert any("tail" in p.problem and p.chain == last.chain for p in problems)


def test_the_command_fails_loudly_on_tampering(chain, capsys):
    call_command("audit", "verify")
    assert "OK" in capsys.readouterr().out
    AuditEvent.objects.filter(pk=_report_events(chain)[1].pk).update(event_type="report.rated")
    with pytest.raises(CommandError):
        call_command("audit", "verify")


def test_each_head_tracks_its_chains_last_event(chain):
    used = AuditChainHead.objects.filter(seq__gt=0)
    assert {audit_chain_for(chain.pk), 1} <= {h.pk for h in used}  # the report's chain; events about no report
    for head in used:
        last = AuditEvent.objects.filter(chain=head.pk).order_by("-seq").first()
        assert (head.seq, head.hash) == (last.seq, last.hash)
    assert not AuditEvent.objects.exclude(chain__in=[h.pk for h in used]).exists()


def test_events_between_two_marks_are_exactly_the_new_ones(chain, world):
    before = audit_heads()
    report = report_submit(
        actor=Actor.public(), body="Jalan berlubang di depan pasar.", channel="web", reporter_name="Ani"
    ).report
    new = list(audit_events_between(before, audit_heads()))
    assert [(e.report_id, e.event_type) for e in new] == [(report.pk, "report.submitted")]
    assert not audit_events_between(audit_heads(), audit_heads()).exists()
