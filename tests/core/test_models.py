"""Every row has timestamps, a soft-delete flag and a change history."""

import pytest
from django.apps import apps

from dagsorden.core.models import BaseModel
from dagsorden.meetings.models import Meeting
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

DOMAIN_APPS = {"organisations", "cases", "meetings"}


def test_every_domain_model_has_timestamps_soft_delete_and_history():
    for model in apps.get_models():
        if model._meta.app_label in DOMAIN_APPS and not model.__name__.startswith("Historical"):
            assert issubclass(model, BaseModel), model.__name__
            assert hasattr(model, "history"), model.__name__


def test_changes_are_kept_in_the_history_and_deleted_rows_stay():
    meeting = MeetingFactory(state="planned")
    meeting.state = Meeting.State.CANCELLED
    meeting.save()
    meeting.deleted = True
    meeting.save()
    states = [row.state for row in meeting.history.order_by("history_date")]
    assert states == ["planned", "cancelled", "cancelled"]
    assert Meeting.objects.filter(pk=meeting.pk).exists()
    assert not Meeting.objects.alive().filter(pk=meeting.pk).exists()
    assert meeting.created <= meeting.modified
