"""REST API v1 through HTTP: submit, read under the privacy rules, staff and reporter actions, idempotency,
errors in one shape, keys scoped to a subtree, rate limits."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from conftest import bring_to
from lapor.audit.models import AuditEvent
from lapor.integrations.services import apikey_create, apikey_revoke
from lapor.reports.models import Report

pytestmark = pytest.mark.django_db
URL = "/api/v1/reports"
PAYLOAD = {
    "title": "Lampu jalan mati",
    "body": "Lampu penerangan jalan di depan Gereja Oebobo mati sejak seminggu, jalan gelap dan rawan.",
    "classification": "pengaduan",
    "region": "53.71.04.1001",
    "reporter": {"name": "Yohana Bani", "phone": "081234500002", "email": "yohana@example.com"},
}


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


@pytest.fixture
def kupang_key(world):
    return apikey_create(agency=world.kupang, name="Aplikasi Kupang Kota").plaintext


def auth(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_openapi_document_is_served(client, world):
    doc = client.get("/api/v1/openapi.json").json()
    assert doc["openapi"].startswith("3.") and "/api/v1/reports/{tracking_id}" in doc["paths"]
    assert client.get("/api/v1/docs").status_code == 200


def test_public_submit_answers_201_with_tracking_id(client, world):
    response = client.post(URL, PAYLOAD, content_type="application/json")
    assert response.status_code == 201, response.content
    data = response.json()
    report = Report.objects.get(tracking_id=data["tracking_id"])
    assert report.channel == "api" and report.owner_agency == world.root
    assert data["follow_token"] == report.access_token and data["reporter"]["name"] == "Yohana Bani"


def test_integrator_submit_lands_with_its_agency(client, world, kupang_key):
    response = client.post(URL, PAYLOAD, content_type="application/json", **auth(kupang_key))
    assert response.status_code == 201
    assert Report.objects.get(tracking_id=response.json()["tracking_id"]).owner_agency == world.kupang


@pytest.mark.parametrize(
    ("payload", "status", "field"),
    [
        ({**PAYLOAD, "body": "pendek"}, 400, "body"),
        ({**PAYLOAD, "classification": "keluhan"}, 422, "classification"),
        ({**PAYLOAD, "region": "99.99.99"}, 400, "region"),
        ({**PAYLOAD, "latitude": 500}, 422, "latitude"),
        ({"title": "tanpa isi"}, 422, "body"),
    ],
)
def test_bad_input_gets_one_error_shape_and_nothing_is_stored(client, world, payload, status, field):
    before = Report.objects.count()
    response = client.post(URL, payload, content_type="application/json")
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] and error["message"] and field in (error["field"] or "")
    assert Report.objects.count() == before


def test_malformed_json_is_a_clean_error(client, world):
    response = client.post(URL, "{not json", content_type="application/json")
    assert response.status_code in (400, 422) and "error" in response.json()


def test_invalid_or_revoked_key_is_401(client, world, kupang_key):
    assert client.get(URL, **auth("lapor_nope_nope")).status_code == 401
    apikey_revoke(prefix=kupang_key.split("_")[1])
    response = client.get(URL, **auth(kupang_key))
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"


def test_idempotency_key_makes_retries_safe(client, world):
    headers = {"HTTP_IDEMPOTENCY_KEY": "abc-123"}
    first = client.post(URL, PAYLOAD, content_type="application/json", **headers)
    second = client.post(URL, PAYLOAD, content_type="application/json", **headers)
    assert first.status_code == second.status_code == 201
    assert first.json()["tracking_id"] == second.json()["tracking_id"]
    assert Report.objects.count() == 1
    other = client.post(URL, {**PAYLOAD, "title": "Lain"}, content_type="application/json", **headers)
    assert other.status_code == 400 and other.json()["error"]["code"] == "idempotency_conflict"


def test_secret_report_is_not_found_for_the_public_and_other_agencies(client, world, kupang_key):
    report = bring_to(world, "disposed", is_secret=True)
    assert client.get(f"{URL}/{report.tracking_id}").status_code == 404
    other = apikey_create(agency=world.surabaya, name="Surabaya").plaintext
    assert client.get(f"{URL}/{report.tracking_id}", **auth(other)).status_code == 404
    data = client.get(f"{URL}/{report.tracking_id}", **auth(kupang_key)).json()
    assert data["reporter"]["name"] == "Maria Ndun" and data["body_original"]


def test_integrator_never_sees_an_anonymous_reporter(client, world, kupang_key):
    report = bring_to(world, "disposed", is_anonymous=True)
    data = client.get(f"{URL}/{report.tracking_id}", **auth(kupang_key)).json()
    assert data["reporter"] is None
    timeline = client.get(f"{URL}/{report.tracking_id}/timeline", **auth(kupang_key)).json()
    assert "Maria Ndun" not in str(timeline)


def test_staff_actions_through_the_api(client, world, kupang_key):
    report = bring_to(world, "disposed")  # owner: Dinkes, below Kota Kupang
    url = f"{URL}/{report.tracking_id}"
    response = client.post(
        f"{url}/follow-up",
        {"message": "Petugas sudah meninjau dan obat tersedia kembali."},
        content_type="application/json",
        **auth(kupang_key),
    )
    assert response.status_code == 200 and response.json()["status"] == "followed_up"
    response = client.post(f"{url}/close", {}, content_type="application/json", **auth(kupang_key))
    assert response.json()["status"] == "closed"


def test_action_outside_the_subtree_is_refused(client, world):
    report = bring_to(world, "disposed")  # public (not secret): visible, but not theirs to act on
    other = apikey_create(agency=world.surabaya, name="Surabaya").plaintext
    events = AuditEvent.objects.count()
    response = client.post(
        f"{URL}/{report.tracking_id}/follow-up", {"message": "x" * 30}, content_type="application/json", **auth(other)
    )
    assert response.status_code == 403 and response.json()["error"]["code"] == "forbidden"
    assert AuditEvent.objects.count() == events


def test_illegal_transition_is_409_naming_the_state(client, world, kupang_key):
    report = bring_to(world, "closed")
    response = client.post(
        f"{URL}/{report.tracking_id}/follow-up",
        {"message": "x" * 30},
        content_type="application/json",
        **auth(kupang_key),
    )
    assert response.status_code == 409
    assert response.json()["error"]["details"]["state"] == "closed"


def test_reporter_replies_with_the_report_token(client, world):
    report = bring_to(world, "followed_up", is_secret=True)
    url = f"{URL}/{report.tracking_id}/reply"
    assert client.post(url, {"message": "Terima kasih"}, content_type="application/json").status_code == 404
    response = client.post(
        url, {"message": "Terima kasih"}, content_type="application/json", HTTP_X_REPORT_TOKEN=report.access_token
    )
    assert response.status_code == 200 and response.json()["status"] == "in_progress"


def test_list_paginates_with_a_cursor(client, world, kupang_key):
    for _ in range(5):
        bring_to(world, "disposed")
    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = client.get(URL, params, **auth(kupang_key)).json()
        seen += [item["tracking_id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 5
    assert client.get(URL, {"cursor": "!!"}, **auth(kupang_key)).status_code == 400


def test_rate_limit_per_key(client, world):
    key = apikey_create(agency=world.kupang, name="Kecil", rate_per_minute=3).plaintext
    codes = [client.get(URL, **auth(key)).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    response = client.get(URL, **auth(key))
    assert response.json()["error"]["code"] == "rate_limited" and int(response["Retry-After"]) >= 1


def test_reference_endpoints(client, world):
    agencies = client.get("/api/v1/agencies", {"q": "KOTKUPANG"}).json()
    assert agencies[0]["code"] == "kotkupang"
    assert client.get("/api/v1/regions", {"parent": "53"}).json()[0]["code"] == "53.71"


@pytest.mark.parametrize(
    "url", ["/api/v1/agencies?q=a%00b", "/api/v1/categories?q=%00", "/api/v1/reports?region=5%003"]
)
def test_nul_characters_are_a_clean_400(client, world, url):
    response = client.get(url)
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_request"


def test_nul_in_a_json_body_is_refused_and_nothing_stored(client, world):
    response = client.post(
        URL, {**PAYLOAD, "body": "Lampu jalan mati\u0000 sejak lama di depan pasar."}, content_type="application/json"
    )
    assert response.status_code == 400 and not Report.objects.exists()


# --- query budgets: the adapter must stay lean (bench/api/README.md) -------------------------------------------


class SubmitSpy:
    """Counts the statements ``report_submit`` runs, so the adapter's own share of a request can be bounded."""

    def __init__(self, monkeypatch) -> None:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from lapor.reports import services as rs

        self.inside = 0
        real = rs.report_submit

        def spy(**kwargs):
            with CaptureQueriesContext(connection) as inner:
                result = real(**kwargs)
            self.inside += len(inner.captured_queries)
            return result

        monkeypatch.setattr(rs, "report_submit", spy)


def test_reading_a_report_costs_two_queries(client, world, kupang_key, django_assert_max_num_queries):
    """The report, and its owner read fresh (the owner's place in the tree decides who may see the report)."""
    report = bring_to(world, "verified")
    url = f"{URL}/{report.tracking_id}"
    client.get(url, **auth(kupang_key))  # the key is looked up once, then memoised
    with django_assert_max_num_queries(2):
        assert client.get(url).status_code == 200  # the public
    with django_assert_max_num_queries(2):
        assert client.get(url, HTTP_X_REPORT_TOKEN=report.access_token).status_code == 200  # the reporter
    typo = report.tracking_id[:-1] + str((int(report.tracking_id[-1]) + 1) % 10)
    with django_assert_max_num_queries(1):
        assert client.get(f"{URL}/{typo}").status_code == 404


def test_an_api_key_is_not_read_from_the_database_on_every_request(client, world, kupang_key):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    report = bring_to(world, "verified", is_anonymous=True)  # no identity shown, so no identity-view audit
    url = f"{URL}/{report.tracking_id}"
    assert client.get(url, **auth(kupang_key)).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, **auth(kupang_key)).status_code == 200
    assert len(queries.captured_queries) == 2  # the report and its owner
    assert not any("integrations_apikey" in q["sql"] for q in queries.captured_queries)


def test_a_revoked_key_stops_at_once_in_this_process(client, world):
    issued = apikey_create(agency=world.kupang, name="Dicabut")
    assert client.get(URL, **auth(issued.plaintext)).status_code == 200
    apikey_revoke(prefix=issued.key.prefix)
    assert client.get(URL, **auth(issued.plaintext)).status_code == 401


def test_submit_adds_at_most_the_idempotency_insert_to_report_submit(client, world, kupang_key, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.post(URL, PAYLOAD, content_type="application/json", **auth(kupang_key))  # memos warm
    spy = SubmitSpy(monkeypatch)
    with CaptureQueriesContext(connection) as plain:
        assert client.post(URL, PAYLOAD, content_type="application/json", **auth(kupang_key)).status_code == 201
    assert len(plain.captured_queries) - spy.inside == 0  # no key read, no rate-limit write, nothing else
    spy.inside = 0
    headers = {**auth(kupang_key), "HTTP_IDEMPOTENCY_KEY": "budget-1"}
    with CaptureQueriesContext(connection) as keyed:
        assert client.post(URL, PAYLOAD, content_type="application/json", **headers).status_code == 201
    # the record's INSERT, and the savepoint around the action and it (a transaction outside tests)
    assert len(keyed.captured_queries) - spy.inside <= 3


def test_a_retried_submit_replays_the_first_answer_and_files_nothing(client, world, kupang_key):
    """A submit does not look its key up first: the retry's report is rolled back by the record's unique key."""
    headers = {**auth(kupang_key), "HTTP_IDEMPOTENCY_KEY": "ulang-1"}
    first = client.post(URL, PAYLOAD, content_type="application/json", **headers)
    again = client.post(URL, PAYLOAD, content_type="application/json", **headers)
    assert again.status_code == 201 and again.json() == first.json() and Report.objects.count() == 1
    other = client.post(URL, {**PAYLOAD, "title": "Judul lain"}, content_type="application/json", **headers)
    assert other.status_code == 400 and other.json()["error"]["code"] == "idempotency_conflict"
    assert Report.objects.count() == 1


def test_the_rate_limit_costs_no_query(client, world, django_assert_max_num_queries):
    client.get("/api/v1/regions")
    with django_assert_max_num_queries(1):  # the regions themselves
        assert client.get("/api/v1/regions").status_code == 200
