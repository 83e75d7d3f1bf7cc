"""XML parsing that refuses entity tricks (billion laughs, external entities)."""

from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from .common import ExportError


def parse_xml(data: bytes, *, what: str) -> Element:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return fromstring(data)
    except ParseError as exc:
        raise ExportError(f"invalid {what}: {exc}") from exc
    except DefusedXmlException as exc:
        raise ExportError(f"refused {what}: it declares entities or a DTD ({exc})") from exc
