"""The item editor: saving, the refused second save, Word import, bilag and states."""

import io

import pytest
from django.urls import reverse
from docx import Document

pytestmark = pytest.mark.django_db


def _form(item, text, version):
    return {
        "version": version,
        "title": item.title,
        "item_type": "beslutning",
        "public": "on",
        "public_title": "",
        "presenters": "",
        "recommendation_by": "Direktionen",
        "recommendation_clauses": "forslaget godkendes",
        "sections-TOTAL_FORMS": "1",
        "sections-INITIAL_FORMS": "0",
        "sections-0-heading": "Sagens kerne",
        "sections-0-body": text,
    }


def test_the_second_editor_is_refused_and_keeps_their_text(client, world):
    client.force_login(world["users"]["secretary_own"])
    item = world["draft"]
    url = reverse("staff:item_edit", args=[item.pk])
    opened = item.version
    first = client.post(url, _form(item, "Første redaktørs tekst.", opened))
    assert first.status_code == 302
    second = client.post(url, _form(item, "Anden redaktørs tekst.", opened))
    html = second.content.decode()
    assert second.status_code == 200
    assert "ændret af en anden" in html
    assert "Anden redaktørs tekst." in html  # shown again, not lost
    item.refresh_from_db()
    assert item.sections.get().body == "Første redaktørs tekst."


def test_a_closed_item_needs_a_neutral_title(client, world):
    client.force_login(world["users"]["secretary_own"])
    item = world["draft"]
    data = _form(item, "Tekst", item.version)
    del data["public"]
    response = client.post(reverse("staff:item_edit", args=[item.pk]), data)
    assert "neutral titel" in response.content.decode()


def _docx_bytes() -> bytes:
    document = Document()
    document.add_paragraph("Indledende tekst før første overskrift.")
    document.add_heading("Sagsfremstilling", level=2)
    document.add_paragraph("Stien bliver 2,5 meter bred.")
    document.add_paragraph("Første punkt", style="List Bullet")
    document.add_paragraph("Andet punkt", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Post", "Beløb"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "Anlæg", "2,1 mio. kr."
    document.add_heading("Økonomi", level=2)
    document.add_paragraph("Finansieres af anlægsrammen.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_word_draft_becomes_sections(client, world):
    client.force_login(world["users"]["case_officer_own"])
    item = world["draft"]
    upload = io.BytesIO(_docx_bytes())
    upload.name = "udkast.docx"
    response = client.post(reverse("staff:item_import_docx", args=[item.pk]), {"file": upload})
    assert response.status_code == 302
    sections = [(s.heading, s.body) for s in item.sections.order_by("order")]
    assert [heading for heading, _ in sections] == ["Sagens kerne", "Sagsfremstilling", "Økonomi"]
    assert sections[1][1] == (
        "Stien bliver 2,5 meter bred.\n\n- Første punkt\n- Andet punkt\n\n"
        "| Post | Beløb |\n|---|---|\n| Anlæg | 2,1 mio. kr. |"
    )


def test_a_file_that_is_not_word_is_refused_with_a_message(client, world):
    client.force_login(world["users"]["secretary_own"])
    upload = io.BytesIO(b"not a zip at all")
    upload.name = "udkast.docx"
    response = client.post(
        reverse("staff:item_import_docx", args=[world["draft"].pk]), {"file": upload}, follow=True
    )
    assert "kunne ikke læses som et Word-dokument" in response.content.decode()
    assert world["draft"].sections.get().heading == "Sagens kerne"  # nothing lost


def test_bilag_upload_refuses_what_is_not_pdf_and_accepts_pdf(client, world):
    from dagsorden.demo.bilag import bilag_pdf_bytes

    client.force_login(world["users"]["secretary_own"])
    url = reverse("staff:item_add_bilag", args=[world["draft"].pk])
    bad = io.BytesIO(b"GIF89a....")
    bad.name = "billede.pdf"
    response = client.post(url, {"name": "Billede", "file": bad, "public": "on"}, follow=True)
    assert "er ikke en PDF-fil" in response.content.decode()
    good = io.BytesIO(
        bilag_pdf_bytes(title="Kort", municipality="X", case_title="Y", paragraphs=["Tekst"])
    )
    good.name = "kort.pdf"
    client.post(url, {"name": "Kort", "file": good, "public": "on"})
    assert list(world["draft"].files.values_list("name", flat=True)) == ["Kort"]


def test_only_the_secretary_approves(client, world):
    item = world["draft"]
    url = reverse("staff:item_state", args=[item.pk])
    client.force_login(world["users"]["case_officer_own"])
    client.post(url, {"state": "ready"})
    assert client.post(url, {"state": "approved"}).status_code == 403
    client.force_login(world["users"]["secretary_own"])
    client.post(url, {"state": "approved"})
    item.refresh_from_db()
    assert item.draft_state == "approved"
    assert item.draft_state_by == world["users"]["secretary_own"]


def test_markdown_preview_is_sanitised(client, world):
    client.force_login(world["users"]["secretary_own"])
    response = client.post(
        reverse("staff:markdown_preview"), {"text": "**fed** <script>alert(1)</script>"}
    )
    html = response.content.decode()
    assert "<strong>fed</strong>" in html and "<script>" not in html


def test_an_upload_over_the_limit_is_refused_with_the_reason(client, world, monkeypatch):
    from dagsorden.staff import forms

    monkeypatch.setattr(forms, "MAX_UPLOAD_BYTES", 10)
    client.force_login(world["users"]["secretary_own"])
    upload = io.BytesIO(b"%PDF-1.4 more than ten bytes")
    upload.name = "stor.pdf"
    response = client.post(
        reverse("staff:item_add_bilag", args=[world["draft"].pk]),
        {"name": "Stor", "file": upload},
        follow=True,
    )
    assert "Filen er for stor" in response.content.decode()
    assert not world["draft"].files.exists()
