"""Members' own notes on agenda items: private, or shared with their party group."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from dagsorden.core.audit import audit_record
from dagsorden.organisations.models import Person

from ..models import AgendaItem, Note


@transaction.atomic
def note_save(
    *,
    item: AgendaItem,
    author: Person,
    text: str,
    shared_with_party: bool = False,
    note: Note | None = None,
    by=None,
) -> Note:
    """Create a note, or change one of the author's own notes."""
    if note is not None and note.author_id != author.pk:
        raise PermissionDenied
    note = note or Note(item=item, author=author)
    note.text = text
    note.shared_with_party = shared_with_party and author.party_id is not None
    note.full_clean()
    note.save()
    audit_record(action="note_save", obj=note, by=by)
    return note


@transaction.atomic
def note_delete(*, note: Note, author: Person, by=None) -> None:
    if note.author_id != author.pk:
        raise PermissionDenied
    note.deleted = True
    note.save(update_fields=["deleted", "modified"])
    audit_record(action="note_delete", obj=note, by=by)
