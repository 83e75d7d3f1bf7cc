"""Small exports of the three agenda systems, written for the tests (invented content).

Each builder returns the bytes a system would publish, with just enough knobs for the
edge cases: closed items, substitutes, empty fields, a second schema variant,
missing enclosures, minutes after an agenda.
"""

from __future__ import annotations

import functools
import io
import json
import zipfile

from fpdf import FPDF

GREEN_PARK = (
    "<div><div id='sagsfremstillingContainer'>"
    "<div><h3>Beslutning</h3><span>{decision}</span></div>"
    "<h3>Fremstilling</h3><span class='ukendt'>"
    "<h4>Resume</h4><p>Parken ved Mølledammen skal have nye bænke.</p>"
    "<h4>Indstilling</h4><p>Forvaltningen indstiller,</p>"
    "<p>at der bevilges 0,2 mio. kr. til bænke, og</p><p>at arbejdet udføres i 2026.</p>"
    "<h4>Økonomi</h4><table><tr><th>År</th><th>Mio. kr.</th></tr>"
    "<tr><td>2026</td><td>0,2</td></tr></table></span>"
    "{history}</div></div>"
)
HISTORY = (
    "<h3>Sagens forløb</h3><span class='sagsforloeb'>"
    "<u>02/02/2026   Teknikudvalget</u><br><div><p>Anbefales.</p>"
    "<p>Afbud: Tove Krog</p></div><br></span>"
)


@functools.cache  # fpdf stamps the creation time: the same text gives the same bytes
def pdf_bytes(text: str) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=text)
    return bytes(pdf.output())


def firstagenda(
    *,
    concluded: bool = True,
    decision: str = "Godkendt.<br><br>Afbud: Tove Krog (Stedfortræder: Per Bach)",
    english: bool = False,
    meeting_id: str = "5d0c1a6e-0000-4000-8000-000000000001",
    date: str = "2026-02-10T16:00:00+01:00",
    case_number: str = "26-000101",
    bilag: int = 2,
) -> bytes:
    """A FirstAgenda publication of Miljøudvalget: an open item, a closed item, an empty one."""
    open_item = {
        "Punktnummer": "1",
        "Navn": "Nye bænke i Mølleparken",
        "SagsNummer": case_number,
        "Sorting": 1,
        "Id": "item-park",
        "Felter": [
            {
                "Html": GREEN_PARK.format(decision=decision if concluded else "", history=HISTORY),
                "Link": "https://dagsorden.eksempel.dk/Vis/Pdf/bilag/doc-park",
                "DocumentId": "doc-park",
            }
        ],
        "Bilag": [
            {
                "Navn": f"Bilag {n}. Tegning {n}",
                "Id": f"bilag-{n}",
                "Order": 0,
                "HarPdfVersion": "true",
            }
            for n in range(1, bilag + 1)
        ],  # fmt: skip
    }
    closed_item = {
        "Punktnummer": "2",
        "Navn": "Lukket: Køb af grund ved Åvej ",
        "SagsNummer": "26-000202",
        "Sorting": 2,
        "Id": "item-closed",
        "Felter": [
            {
                "Html": "<div>HEMMELIGPRIS godkendt.<p>Afbud: Tove Krog<br></p></div>"
                if concluded
                else "<div></div>",
                "Link": "",
                "DocumentId": "00000000-0000-0000-0000-000000000000",
            }
        ],
        "Bilag": [],
    }
    empty_item = {
        "Punktnummer": "3",
        "Navn": "Eventuelt",
        "SagsNummer": "",
        "Sorting": 3,
        "Id": "item-empty",
        "Felter": [],
        "Bilag": None,
    }
    items = [open_item, closed_item, empty_item]
    participants = [
        {"Name": "Anna Holm", "Absent": False, "ParticipationCancelled": False},
        {"Name": "Per Bach (Stedfortræder for Tove Krog)", "Absent": False,
         "ParticipationCancelled": False},
        {"Name": "Tove Krog", "Absent": False, "ParticipationCancelled": True},
        {"Name": "Jens Vang", "Absent": True, "ParticipationCancelled": False},
    ]  # fmt: skip
    if english:
        return _english_firstagenda(items, participants, meeting_id, date, concluded)
    data = {
        "Id": meeting_id,
        "Udvalg": {"Navn": "Miljøudvalget"},
        "Moede": {
            "Dato": date,
            "Sted": "Mødelokale Birk",
            "Afsluttet": concluded,
            "Moededeltagere": participants,
        },
        "Dagsordenpunkter": items,
    }
    return json.dumps(data, ensure_ascii=False).encode()


def _english_firstagenda(items, participants, meeting_id, date, concluded) -> bytes:
    """The second schema variant: English keys only."""
    renamed = []
    for item in items:
        renamed.append(
            {
                "Number": item["Punktnummer"],
                "Caption": item["Navn"],
                "CaseNumber": item["SagsNummer"],
                "Sorting": item["Sorting"],
                "Id": item["Id"],
                "Fields": item["Felter"],
                "Attachments": [{"Name": b["Navn"], "Id": b["Id"]} for b in item["Bilag"] or []],
            }
        )
    data = {
        "Id": meeting_id,
        "Committee": {"Name": "Miljøudvalget"},
        "Meeting": {
            "MeetingBeginUtc": date,
            "Location": "Mødelokale Birk",
            "Concluded": concluded,
            "Participants": participants,
        },
        "AgendaItems": renamed,
    }
    return json.dumps(data).encode()


SBSYS_ITEM = """
<Item ID="{id}">
  <Caption>{title}</Caption>
  <Case ID="1"><Number>{case}</Number></Case>
  <IsPublic>{public}</IsPublic>
  <Number>{number}</Number>
  <Enclosures>{enclosures}</Enclosures>
  <Fields>
    <ItemField ID="1"><Caption>PUNKTET BEHANDLET TIDLIGERE</Caption>
      <FieldTypeAsEnum>Multiline</FieldTypeAsEnum><HasContent>{has_history}</HasContent>
      <Index>1</Index><IsFeedback>False</IsFeedback>
      <Content><![CDATA[{history}]]></Content></ItemField>
    <ItemField ID="2"><Caption>ADMINISTRATIONENS INDSTILLING</Caption>
      <FieldTypeAsEnum>Html</FieldTypeAsEnum><HasContent>True</HasContent><Index>2</Index>
      <IsFeedback>False</IsFeedback>
      <Content><![CDATA[<ol><li><strong>at</strong> stien anlægges,</li>
      <li><strong>at</strong> udgiften afholdes af puljen.</li></ol>]]></Content></ItemField>
    <ItemField ID="3"><Caption>SAGSFREMSTILLING</Caption>
      <FieldTypeAsEnum>Html</FieldTypeAsEnum><HasContent>True</HasContent><Index>3</Index>
      <IsFeedback>False</IsFeedback>
      <Content><![CDATA[<p><strong>Baggrund</strong></p><p>{text}</p>]]></Content></ItemField>
    <ItemField ID="4"><Caption>ØKONOMI</Caption>
      <FieldTypeAsEnum>Html</FieldTypeAsEnum><HasContent>False</HasContent><Index>4</Index>
      <IsFeedback>False</IsFeedback><Content><![CDATA[]]></Content></ItemField>
    <ItemField ID="5"><Caption>REGIONSUDVALGETS BESLUTNING</Caption>
      <FieldTypeAsEnum>Html</FieldTypeAsEnum><HasContent>{has_decision}</HasContent>
      <Index>5</Index><IsFeedback>True</IsFeedback>
      <Content><![CDATA[{decision}]]></Content></ItemField>
  </Fields>
</Item>"""

ENCLOSURE = """<Enclosure ID="{id}"><Name>{name} </Name><Index>{index}</Index>
<InstantiationFilePathRelative>Enclosures\\{index}.pdf</InstantiationFilePathRelative>
</Enclosure>"""


def sbsys_xml(*, publication_type: str = "Draft", decision: str = "", with_root=True) -> bytes:
    history = "Regionsudvalget den 3. marts 2026, sag nr. 4"
    earlier = (
        "<p><strong>3. marts 2026:</strong> Sagen udsat.</p>"
        "<p>Mads Lind (V) deltog ikke i sagens behandling.</p>"
        f"<p><strong>17. marts 2026:</strong> {decision}</p>"
    )
    items = [
        SBSYS_ITEM.format(
            id=11, title="Ny cykelsti langs Fjordvej", case="26-7001", public="True", number=1,
            enclosures=ENCLOSURE.format(id=1, name="Kort over stien", index=1)
            + ENCLOSURE.format(id=2, name="Notat om økonomi", index=2),
            has_history="True", history=history, text="Stien skal binde byerne sammen.",
            has_decision="True", decision=earlier,
        ),
        SBSYS_ITEM.format(
            id=12, title="Salg af ejendom", case="", public="False", number=2,
            enclosures=ENCLOSURE.format(id=3, name="Vurdering", index=3),
            has_history="False", history="", text="HEMMELIGPRIS for ejendommen.",
            has_decision="False", decision="",
        ),
    ]  # fmt: skip
    body = f"""<?xml version="1.0" encoding="utf-8"?>
<Publication>
  <PublicationTypeAsEnum>{publication_type}</PublicationTypeAsEnum>
  <Agendas><Agenda ID="901">
    <Meeting ID="77">
      <Members>
        <MeetingMember ID="1"><ParticipationStatusAsText>NotDecided</ParticipationStatusAsText>
          <ParticipationNote></ParticipationNote><Name>Mads Lind</Name></MeetingMember>
        <MeetingMember ID="2">
          <ParticipationStatusAsText>NotParticipating</ParticipationStatusAsText>
          <ParticipationNote>Ferie</ParticipationNote><Name>Rikke Dam</Name></MeetingMember>
      </Members>
      <When>17-03-2026 14:00:00</When><Where>Mødesal 3</Where>
    </Meeting>
    <Committee ID="5"><Name>REGIONSUDVALGET</Name></Committee>
    <Items>{"".join(items)}</Items>
  </Agenda></Agendas>
</Publication>"""
    if not with_root:
        body = body.replace("<Agendas>", "<Dagsordener>").replace("</Agendas>", "</Dagsordener>")
    return "\ufeff".encode() + body.encode()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def sbsys_zip(*, enclosures=(1, 2, 3), same_content=False, **kwargs) -> bytes:
    members = {"Publication901/Publication901.xml": sbsys_xml(**kwargs)}
    for index in enclosures:
        text = "Bilag med samme indhold" if same_content else f"Bilag nummer {index}"
        members[f"Publication901/Enclosures/{index}.pdf"] = pdf_bytes(text)
    return zip_bytes(members)


EDOC_NS = "http://www.fujitsu.dk/agenda/xml/schemas/2009/03/31/"


def edoc_xml(*, output_type="Agenda", decision="Beslutning ikke frigivet", ns=EDOC_NS) -> bytes:
    def element(order, serial, title, public, case, presentations, attachments="", plan=""):
        return f"""<edoc:AgendaElement><edoc:AccessIsPublic>{public}</edoc:AccessIsPublic>
<edoc:SortOrder>{order}</edoc:SortOrder>
<edoc:Absences><edoc:Absence><edoc:Name>Ole Vind</edoc:Name></edoc:Absence></edoc:Absences>
<edoc:HandlingItem><edoc:Identifier>H-{serial}</edoc:Identifier>
<edoc:SerialNo>{serial}</edoc:SerialNo><edoc:Title>{title}</edoc:Title>
<edoc:NeutralTitle>Ejendomssag</edoc:NeutralTitle><edoc:CaseNumber>{case}</edoc:CaseNumber>
<edoc:HandlingPlan>{plan}
<edoc:Handling><edoc:Placement>This</edoc:Placement><edoc:CommitteeName>Børneudvalget</edoc:CommitteeName>
<edoc:MeetingDate>04-05-2026 15:00</edoc:MeetingDate>
<edoc:Decision><![CDATA[{decision}]]></edoc:Decision></edoc:Handling></edoc:HandlingPlan>
<edoc:CasePresentations>{presentations}</edoc:CasePresentations>
<edoc:Attachments>{attachments}</edoc:Attachments></edoc:HandlingItem></edoc:AgendaElement>"""

    def presentation(title, content, is_decision="false"):
        return (
            f"<edoc:CasePresentation><edoc:Title>{title}</edoc:Title>"
            f"<edoc:Content><![CDATA[{content}]]></edoc:Content>"
            f"<edoc:IsDecision>{is_decision}</edoc:IsDecision></edoc:CasePresentation>"
        )

    earlier = (
        "<edoc:Handling><edoc:Placement>Previous</edoc:Placement>"
        "<edoc:CommitteeName>Skoleudvalget</edoc:CommitteeName>"
        "<edoc:MeetingDate>06-04-2026 15:00</edoc:MeetingDate>"
        "<edoc:Decision><![CDATA[Anbefales.]]></edoc:Decision></edoc:Handling>"
    )
    attachment = (
        "<edoc:Attachment><edoc:Identifier>A-1</edoc:Identifier>"
        "<edoc:AttachmentNumber>1</edoc:AttachmentNumber>"
        "<edoc:Title>Plan for legepladsen</edoc:Title>"
        "<edoc:AccessEnumName>Public</edoc:AccessEnumName>"
        "<edoc:Link>\\Attachments\\plan-1.pdf</edoc:Link><edoc:ShowOrder>0</edoc:ShowOrder>"
        "</edoc:Attachment>"
    )
    elements = [
        element(
            1, 7, "Ny legeplads i Solsikken", "true", "2026-000311",
            presentation("Præsentation", "<p>Legepladsen er slidt.</p>")
            + presentation("Forvaltningen foreslår", "<ul><li>At legepladsen fornyes.</li></ul>")
            + presentation("Økonomi", "")
            + presentation("Beslutning", decision if output_type == "Minutes" else "", "true"),
            attachment, earlier,
        ),
        element(2, 8, "Køb af grund", "false", "2026-000999",
                presentation("Sagsbeskrivelse", "HEMMELIGPRIS for grunden.")),
    ]  # fmt: skip
    return f"""\ufeff<Root xmlns:edoc="{ns}">
<edoc:OutputTypeEnumName>{output_type}</edoc:OutputTypeEnumName>
<edoc:Committee><edoc:Name>Børneudvalget</edoc:Name>
<edoc:Meeting><edoc:MeetingIdentifier>M-42</edoc:MeetingIdentifier>
<edoc:MeetingDateTime>04-05-2026 15:00</edoc:MeetingDateTime>
<edoc:MeetingLocation>Rådhuset, lokale 2</edoc:MeetingLocation>
<edoc:MeetingParticipants>
<edoc:MeetingParticipant><edoc:Name>Ole  Vind</edoc:Name><edoc:Participate>false</edoc:Participate>
<edoc:PoliticalPartyList>A</edoc:PoliticalPartyList></edoc:MeetingParticipant>
<edoc:MeetingParticipant><edoc:Name>Lis Berg</edoc:Name><edoc:Participate>true</edoc:Participate>
<edoc:PoliticalPartyList>Forældreforeninger</edoc:PoliticalPartyList></edoc:MeetingParticipant>
</edoc:MeetingParticipants>
<edoc:Agenda><edoc:Type>Dagsorden</edoc:Type><edoc:AgendaElements>{"".join(elements)}
</edoc:AgendaElements></edoc:Agenda></edoc:Meeting></edoc:Committee></Root>""".encode()
