"""PDFs with active content, made with pikepdf for the tests: JavaScript on opening, a
Launch action on a link, a page action, an embedded file, an XFA form."""

import io

import pikepdf
from pikepdf import Array, Dictionary, Name, String


def plain_pdf(text: str = "Bilag") -> bytes:
    import pymupdf  # a page with real text, so text extraction has something

    document = pymupdf.open()
    page = document.new_page()
    page.insert_text((72, 72), text)
    return document.tobytes()


def hostile_pdf(text: str = "Bilag med aktivt indhold") -> bytes:
    pdf = pikepdf.open(io.BytesIO(plain_pdf(text)))
    javascript = Dictionary(S=Name.JavaScript, JS=String("app.alert('x')"))
    pdf.Root.OpenAction = pdf.make_indirect(javascript)
    pdf.Root.Names = Dictionary(
        JavaScript=Dictionary(Names=Array([String("start"), pdf.make_indirect(javascript)]))
    )
    pdf.attachments["payload.exe"] = pikepdf.AttachedFileSpec(
        pdf, b"MZ\x90\x00", mime_type="application/octet-stream"
    )
    pdf.Root.AcroForm = Dictionary(
        Fields=Array(), XFA=Array([String("template"), String("<xdp/>")])
    )
    page = pdf.pages[0]
    page.obj.AA = Dictionary(O=Dictionary(S=Name.JavaScript, JS=String("this.print()")))
    launch = Dictionary(S=Name.Launch, F=String("cmd.exe"))
    link = Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array([0, 0, 100, 100]), A=launch)
    web = Dictionary(
        Type=Name.Annot,
        Subtype=Name.Link,
        Rect=Array([0, 100, 100, 200]),
        A=Dictionary(S=Name.URI, URI=String("https://example.org/")),
    )
    page.obj.Annots = Array([pdf.make_indirect(link), pdf.make_indirect(web)])
    output = io.BytesIO()
    pdf.save(output)
    return output.getvalue()
