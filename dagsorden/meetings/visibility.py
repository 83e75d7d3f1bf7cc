"""What a reader may see of a meeting: the one rule that documents, pages, feeds and
search all ask.

Readers come in two kinds, the same two as the document variants:

- ``public``: anyone. The minutes (the word "Referat", decisions, votes, remarks and
  absences) only once they are approved: until the members have signed, the draft
  minutes are not the record and may still change. Closed items show their neutral
  title only, and only public bilag.
- ``members``: the body's members and the people preparing its meetings (the members'
  PDF, the member page, the editor's print preview). They read the draft minutes from
  the moment the meeting is held, because they are the ones who approve them.

A draft ("UDKAST" on every page, only for the secretariat, never cached or public) shows
the document as it will read once final: a public draft has the minutes of a held
meeting, with closed items withheld as the public will see them.
"""

from dataclasses import dataclass

from .models import Meeting

PUBLIC = "public"
MEMBERS = "members"


@dataclass(frozen=True)
class Contents:
    """What a document or page of one meeting may contain for one kind of reader."""

    minutes: bool  # "Referat" instead of "Dagsorden", with decisions, votes, absences
    closed_items: bool  # the real title and text of closed items
    closed_bilag: bool  # bilag not marked public


def meeting_contents(meeting: Meeting, *, variant: str, draft: bool = False) -> Contents:
    held = meeting.state in (Meeting.State.HELD, Meeting.State.MINUTES_APPROVED)
    if variant == MEMBERS:
        return Contents(minutes=held, closed_items=True, closed_bilag=True)
    if variant != PUBLIC:
        raise ValueError(f"unknown variant {variant!r}")
    approved = meeting.state == Meeting.State.MINUTES_APPROVED
    return Contents(minutes=held if draft else approved, closed_items=False, closed_bilag=False)


def public_minutes(meeting: Meeting) -> bool:
    """Whether the public may read the meeting's minutes (decisions, votes, absences)."""
    return meeting_contents(meeting, variant=PUBLIC).minutes
