"""Input and output schemas of REST API v1 (one pair per endpoint family)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Field, Schema

ClassificationIn = Literal["aspirasi", "permintaan_informasi", "pengaduan", "pengaduan_pengawasan"]


class ErrorBody(Schema):
    code: str = Field(..., description="stable machine-readable code, e.g. validation, forbidden, not_found")
    message: str = Field(..., description="human-readable, translated (Bahasa Indonesia first)")
    field: str | None = None
    details: dict = Field(default_factory=dict)


class ErrorOut(Schema):
    error: ErrorBody


class ReporterIn(Schema):
    name: str = Field("", max_length=150)
    phone: str = Field("", max_length=30)
    email: str = Field("", max_length=254)


class ReportIn(Schema):
    title: str = Field("", max_length=200)
    body: str = Field(..., min_length=1, max_length=10000)
    classification: ClassificationIn = "pengaduan"
    category: int | None = Field(None, ge=1, le=2**31 - 1, description="category id (GET /categories)")
    region: str | None = Field(None, max_length=13, description="Kemendagri region code, e.g. 53.71.04.1001")
    address: str = Field("", max_length=300)
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    anonymous: bool = False
    secret: bool = False
    reporter: ReporterIn | None = None


class ClockOut(Schema):
    clock: str
    label: str
    due: str | None
    met_at: str | None
    state: str | None
    colour: str
    working_days_left: int | None
    remaining_hk_when_paused: int | None


class ReporterOut(Schema):
    name: str
    phone: str
    email: str


class ReportOut(Schema):
    tracking_id: str
    title: str
    body: str
    classification: str
    category: str | None
    region: str | None
    status: str
    status_label: str
    agency: str
    channel: str
    is_anonymous: bool
    is_secret: bool
    submitted_at: str
    clocks: list[ClockOut]
    rating: int | None
    reporter: ReporterOut | None
    body_original: str | None = None
    address: str | None = None


class SubmittedOut(ReportOut):
    follow_token: str = Field(..., description="private token for the reporter: give it to the citizen only")
    follow_url: str


class ReportSummaryOut(Schema):
    tracking_id: str
    title: str
    status: str
    classification: str
    agency: str
    submitted_at: str


class ReportPageOut(Schema):
    items: list[ReportSummaryOut]
    next_cursor: str | None


class EventOut(Schema):
    at: str
    kind: str
    label: str
    body: str
    agency: str | None
    to_agency: str | None = None


class AgencyOut(Schema):
    id: int
    code: str
    name: str
    kind: str
    sms_keyword: str | None
    parent_id: int | None = None
    timezone: str


class CategoryOut(Schema):
    id: int
    name: str
    full_name: str
    parent_id: int | None
    level: int


class RegionOut(Schema):
    code: str
    name: str
    kind: str
    parent: str | None


# --- actions -----------------------------------------------------------------------------------------------
class VerifyIn(Schema):
    title: str | None = Field(None, max_length=200)
    body_public: str | None = Field(None, max_length=10000)
    classification: ClassificationIn | None = None
    category: int | None = Field(None, ge=1, le=2**31 - 1)
    anonymous: bool | None = None
    secret: bool | None = None


class QuestionIn(Schema):
    question: str = Field(..., max_length=10000)


class MessageIn(Schema):
    message: str = Field(..., max_length=10000)


class ArchiveIn(Schema):
    reason: Literal["spam", "tidak_jelas", "duplikat", "bukan_pemerintah", "tidak_ada_tanggapan", "lainnya"]
    explanation: str = Field(..., max_length=10000)


class DisposeIn(Schema):
    agency: str = Field(..., max_length=64, description="agency code or SMS keyword")
    note: str = Field("", max_length=2000)


class ReturnIn(Schema):
    reason: str = Field(..., max_length=10000)
    better_agency: str = Field(..., max_length=64, description="agency code or SMS keyword of the rightful owner")


class CloseIn(Schema):
    note: str = Field("", max_length=2000)


class ReclassifyIn(Schema):
    classification: ClassificationIn
    reason: str = Field(..., max_length=10000)


class NoteIn(Schema):
    note: str = Field(..., max_length=10000)


class DisputeIn(Schema):
    reason: str = Field(..., max_length=10000)


class RateIn(Schema):
    rating: int = Field(..., ge=1, le=5)
    comment: str = Field("", max_length=10000)


class OkOut(Schema):
    tracking_id: str
    status: str
    status_label: str
    agency: str


def iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None
