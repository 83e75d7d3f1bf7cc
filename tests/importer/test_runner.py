import io
import json

from dagsorden.importer.runner import EXIT_NO_ITEMS, EXIT_OK, EXIT_UNREADABLE, run_parse
from dagsorden.importer.synthetic import generate


def _run(path):
    out, err = io.StringIO(), io.StringIO()
    code = run_parse(path, as_json=True, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_parse_prints_the_json_contract(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text(generate(2, "decision-last").text, encoding="utf-8")
    code, out, _ = _run(path)
    data = json.loads(out)
    assert code == EXIT_OK
    assert set(data) >= {"kind", "municipality", "body", "start", "location", "participants"}
    item = data["items"][0]
    assert isinstance(item["number"], int)
    assert set(item) >= {
        "title", "public", "type", "case_number", "sections", "recommendation_by",
        "recommendation_clauses", "decision", "absent", "attachments", "history", "references",
    }  # fmt: skip


def test_bad_input_gives_message_and_nonzero_exit(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 8)
    for path in (empty, binary, tmp_path / "missing.txt", tmp_path):
        code, out, err = _run(path)
        assert code == EXIT_UNREADABLE and out == "" and err.startswith("dagsorden parse:")


def test_unplaceable_layout_prints_partial_json_and_exits_nonzero(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text("REFERAT Byrådet d. 01-02-2025\n\nIngen punkter i dag.\n", encoding="utf-8")
    code, out, err = _run(path)
    assert code == EXIT_NO_ITEMS
    assert json.loads(out)["body"] == "Byrådet"
    assert "no agenda items" in err
