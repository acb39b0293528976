"""Open311 GeoReport v2 wire formats: JSON and XML (UTF-8, with the XML declaration), and the spec's errors."""

from __future__ import annotations

import json
from typing import Any
from xml.etree import ElementTree as ET  # noqa: S405 - only used to *build* documents; parsing uses defusedxml

from django.http import HttpResponse

FORMATS = ("json", "xml")


def _append(parent: ET.Element, tag: str, value: Any) -> None:
    child = ET.SubElement(parent, tag)
    if isinstance(value, dict):
        for key, item in value.items():
            _append(child, key, item)
    elif isinstance(value, list):
        singular = {
            "endpoints": "endpoint",
            "formats": "format",
            "attributes": "attribute",
            "values": "value",
            "keywords": "keyword",
        }.get(tag, "item")
        for item in value:
            _append(child, singular, item)
    elif value is None:
        pass
    elif isinstance(value, bool):
        child.text = "true" if value else "false"
    else:
        child.text = str(value)


def to_xml(root: str, item: str | None, data: Any) -> bytes:
    """``to_xml("service_requests", "request", [{...}])`` → ``<service_requests><request>…``."""
    element = ET.Element(root)
    if item is None:
        for key, value in data.items():
            _append(element, key, value)
    else:
        for row in data:
            _append(element, item, row)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(element, encoding="utf-8", xml_declaration=False)


def respond(fmt: str, data: Any, *, root: str, item: str | None, status: int = 200) -> HttpResponse:
    if fmt == "xml":
        return HttpResponse(to_xml(root, item, data), status=status, content_type="text/xml; charset=utf-8")
    return HttpResponse(
        json.dumps(data, ensure_ascii=False), status=status, content_type="application/json; charset=utf-8"
    )


def error(fmt: str, status: int, description: str) -> HttpResponse:
    """The spec's error document: a list of ``{code, description}``."""
    return respond(
        fmt if fmt in FORMATS else "json",
        [{"code": status, "description": str(description)}],
        root="errors",
        item="error",
        status=status,
    )
