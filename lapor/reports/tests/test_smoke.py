import pytest

from conftest import bring_to


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status",
    [
        "submitted",
        "pending_info",
        "archived",
        "verified",
        "disposed",
        "returned",
        "followed_up",
        "in_progress",
        "closed",
    ],
)
def test_every_state_is_reachable_through_services(world, status):
    report = bring_to(world, status)
    assert report.status == status
