"""Report services: the only code that creates reports or changes their state, owner or clocks."""

from lapor.reports.services.intake import SubmitResult, normalise_phone, report_submit
from lapor.reports.services.lifecycle import (
    report_add_note,
    report_archive,
    report_auto_close,
    report_close,
    report_dispose,
    report_dispose_internal,
    report_dispute,
    report_follow_up,
    report_provide_info,
    report_rate,
    report_recall,
    report_reclassify,
    report_reply,
    report_request_info,
    report_return,
    report_verify,
)

__all__ = [
    "SubmitResult",
    "normalise_phone",
    "report_add_note",
    "report_archive",
    "report_auto_close",
    "report_close",
    "report_dispose",
    "report_dispose_internal",
    "report_dispute",
    "report_follow_up",
    "report_provide_info",
    "report_rate",
    "report_recall",
    "report_reclassify",
    "report_reply",
    "report_request_info",
    "report_return",
    "report_submit",
    "report_verify",
]
