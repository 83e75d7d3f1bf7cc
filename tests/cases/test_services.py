import pytest
from django.core.exceptions import ValidationError

from dagsorden.cases.models import Case, Consultation, File
from dagsorden.cases.services import case_advance, case_create, file_attach
from dagsorden.core.models import AuditEntry
from dagsorden.demo.bilag import bilag_pdf_bytes
from tests.factories import AgendaItemFactory, MunicipalityFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def _route():
    municipality = MunicipalityFactory()
    bodies = [OrganizationFactory(municipality=municipality) for _ in range(3)]
    return municipality, bodies


def test_case_create_builds_the_route_with_only_the_first_body_ready():
    municipality, bodies = _route()
    case = case_create(
        municipality=municipality,
        title="Ny skolestruktur",
        journal_number="17.01.00-A00-3-26",
        route=[(bodies[0], "indstiller"), (bodies[1], "indstiller"), (bodies[2], "afgoer")],
    )
    consultations = list(case.consultations.order_by("order"))
    assert [c.organization for c in consultations] == bodies
    assert [c.status for c in consultations] == ["ready", "waiting", "waiting"]
    assert (case.kle_subject, case.kle_facet, case.kle_serial, case.kle_year) == (
        "17.01.00",
        "A00",
        3,
        2026,
    )
    assert AuditEntry.objects.filter(action="case_create", object_id=str(case.pk)).exists()


def test_case_create_refuses_a_duplicate_journal_number_and_writes_nothing():
    municipality, bodies = _route()
    case_create(
        municipality=municipality,
        title="A",
        journal_number="25-014928",
        route=[(bodies[0], "afgoer")],
    )
    with pytest.raises(ValidationError, match="journalnummer"):
        case_create(
            municipality=municipality,
            title="B",
            journal_number="25-014928",
            route=[(bodies[0], "afgoer")],
        )
    assert Case.objects.count() == 1


def test_case_create_refuses_a_body_of_another_municipality():
    municipality, bodies = _route()
    foreign = OrganizationFactory(municipality=MunicipalityFactory(slug="anden", name="Anden"))
    with pytest.raises(ValidationError):
        case_create(municipality=municipality, title="A", route=[(foreign, "afgoer")])
    assert not Consultation.objects.exists()


def test_case_advance_needs_the_current_body_to_be_done():
    municipality, bodies = _route()
    case = case_create(
        municipality=municipality,
        title="A",
        route=[(bodies[0], "indstiller"), (bodies[1], "afgoer")],
    )
    with pytest.raises(ValidationError, match="færdigbehandlet"):
        case_advance(case=case)
    case.consultations.filter(order=1).update(status=Consultation.Status.DONE)
    assert case_advance(case=case).organization == bodies[1]
    assert case.current_consultation().status == Consultation.Status.READY


def test_file_attach_stores_the_pdf_once_and_extracts_its_text():
    item = AgendaItemFactory()
    data = bilag_pdf_bytes(
        title="Kort over ruten",
        municipality="Prøvested Kommune",
        case_title="Cykelsti",
        paragraphs=["Ruten er fire kilometer lang."],
    )
    first = file_attach(data=data, name="Kort", file_name="kort.pdf", agenda_item=item)
    second = file_attach(data=data, name="Kort igen", file_name="kort.pdf", agenda_item=item)
    assert first.file.name == second.file.name
    assert "fire kilometer" in first.text
    assert first.size == len(data) and len(first.sha512) == 128
    assert [f.order for f in File.objects.order_by("order")] == [1, 2]


def test_file_attach_refuses_what_is_not_a_pdf():
    item = AgendaItemFactory()
    with pytest.raises(ValidationError, match="ikke en PDF"):
        file_attach(data=b"MZ\x90\x00binary", name="Virus", file_name="x.pdf", agenda_item=item)
    assert not File.objects.exists()
