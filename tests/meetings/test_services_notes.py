import pytest
from django.core.exceptions import PermissionDenied

from dagsorden.meetings.models import Note
from dagsorden.meetings.services import agenda_item_create, note_delete, note_save

pytestmark = pytest.mark.django_db


def test_a_member_keeps_private_and_party_notes_and_only_changes_their_own(council_setup):
    item = agenda_item_create(meeting=council_setup["meeting"], title="Sag")
    author, other = council_setup["members"][0], council_setup["members"][1]
    note = note_save(item=item, author=author, text="Spørg til økonomien.")
    shared = note_save(item=item, author=author, text="Vi stemmer for.", shared_with_party=True)
    assert (note.shared_with_party, shared.shared_with_party) == (False, True)
    with pytest.raises(PermissionDenied):
        note_save(item=item, author=other, text="Ændret", note=note)
    with pytest.raises(PermissionDenied):
        note_delete(note=note, author=other)
    note_delete(note=note, author=author)
    assert list(Note.objects.alive().values_list("text", flat=True)) == ["Vi stemmer for."]
