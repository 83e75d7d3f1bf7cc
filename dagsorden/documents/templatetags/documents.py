"""Template helpers for documents: CSS string escaping and the download links include."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def css_string(value) -> str:
    """Text safe inside a double-quoted CSS string within a <style> element: running
    headers are built from data, and an imported document's body name could try to
    close the element."""
    text = str(value or "").replace("\\", "\\\\").replace('"', '\\"')
    return text.replace("\n", " ").replace("<", "\\3c ").replace(">", "\\3e ")


@register.inclusion_tag("documents/download_links.html")
def document_links(meeting):
    """Download links for a public meeting: `{% load documents %}{% document_links meeting %}`."""
    links = [
        (_("PDF"), "documents:meeting_pdf", "application/pdf"),
        (_("PDF med bilag"), "documents:meeting_combined_pdf", "application/pdf"),
        (_("Tilgængelig HTML"), "documents:meeting_html", "text/html"),
        (_("Markdown"), "documents:meeting_md", "text/markdown"),
        (_("Tekst"), "documents:meeting_txt", "text/plain"),
    ]
    return {
        "links": [
            {
                "label": label,
                "url": reverse(name, args=[meeting.pk]),
                "mime": mime,
                "download": mime != "text/html",
            }
            for label, name, mime in links
        ]
    }
