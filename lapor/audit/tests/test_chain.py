"""The audit log is tamper-evident: any edit, deletion or truncation is found by ``lapor audit verify``."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from conftest import bring_to
from lapor.audit.models import AuditChainHead, AuditEvent
from lapor.audit.services import audit_verify

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(world):
    bring_to(world, "closed")
    assert AuditEvent.objects.count() > 10
    return world


def test_an_untouched_chain_verifies(chain):
    result = audit_verify()
    assert result.ok and result.checked == AuditEvent.objects.count()


def test_editing_an_event_is_detected(chain):
    event = AuditEvent.objects.order_by("seq")[5]
    AuditEvent.objects.filter(pk=event.pk).update(extra_data={**event.extra_data, "to": "closed"})
    result = audit_verify()
    assert not result.ok
    assert any(p.seq == event.seq and "changed" in p.problem for p in result.problems)


def test_rewriting_an_event_and_its_hash_breaks_the_next_link(chain):
    event = AuditEvent.objects.order_by("seq")[3]
    AuditEvent.objects.filter(pk=event.pk).update(actor_label="someone else", hash="f" * 64)
    problems = audit_verify().problems
    assert any(p.seq == event.seq + 1 and "link" in p.problem for p in problems)


def test_deleting_an_event_is_detected(chain):
    event = AuditEvent.objects.order_by("seq")[4]
    AuditEvent.objects.filter(pk=event.pk).delete()
    problems = audit_verify().problems
    assert any("missing" in p.problem for p in problems)


def test_deleting_the_tail_is_detected(chain):
    last = AuditEvent.objects.order_by("-seq").first()
    AuditEvent.objects.filter(pk=last.pk).delete()
    problems = audit_verify().problems
    assert any("tail" in p.problem for p in problems)


def test_the_command_fails_loudly_on_tampering(chain, capsys):
    call_command("audit", "verify")
    assert "OK" in capsys.readouterr().out
    AuditEvent.objects.filter(seq=2).update(event_type="report.closed")
    with pytest.raises(CommandError):
        call_command("audit", "verify")


def test_head_tracks_the_last_event(chain):
    head = AuditChainHead.objects.get(pk=1)
    last = AuditEvent.objects.order_by("-seq").first()
    assert (head.seq, head.hash) == (last.seq, last.hash)
