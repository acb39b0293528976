"""Views of the citizen portal: parse → privacy layer / selectors → service → render. No business rules here."""

from lapor.publicweb.views.errors import csrf_failure
from lapor.publicweb.views.filing import category_options, region_options, report_new, report_sent
from lapor.publicweb.views.follow import (
    attachment_download,
    report_detail,
    report_dispute,
    report_forget,
    report_provide_info,
    report_rate,
    report_reply,
)
from lapor.publicweb.views.public import agency_detail, agency_list, home, report_list

__all__ = [
    "agency_detail",
    "agency_list",
    "attachment_download",
    "category_options",
    "csrf_failure",
    "home",
    "region_options",
    "report_detail",
    "report_dispute",
    "report_forget",
    "report_list",
    "report_new",
    "report_provide_info",
    "report_rate",
    "report_reply",
    "report_sent",
]
