"""How the search index follows every change, registered in `SearchConfig.ready()`.

Why signals here, and only here: the index is a read model of the search app, and the
domain services (which own every change) must not know about it. Listening to
post_save/post_delete of exactly the models whose content is indexed keeps the index
in the same transaction as the change (a rolled-back change rolls back its index rows
too) and catches every path that saves through the ORM: services, admin, importer.

QuerySet.update() and bulk_create() send no signals, and services use bulk_create for
sections. Every service, however, ends by writing an AuditEntry about the object it
changed; listening to that row re-indexes the object once the operation's rows are all
written. Code that bulk-writes without an audit row (synthetic archives, raw loads) calls
`dagsorden.search.facade.index_items()` itself or runs `dagsorden reindex`. Raw fixture
loading is skipped (related rows may not exist yet)."""

from django.db.models.signals import post_delete, post_save

from dagsorden.cases.models import Case, File
from dagsorden.core.audit import READ_PREFIX
from dagsorden.core.models import AuditEntry
from dagsorden.meetings.models import (
    AgendaItem,
    Decision,
    DecisionRemark,
    Meeting,
    Recommendation,
    Section,
)

from . import facade

DISPATCH_PREFIX = "dagsorden.search"


def _items_of(instance) -> list[int]:
    """The agenda items whose indexed document depends on `instance`."""
    if isinstance(instance, AgendaItem):
        return [instance.pk]
    if isinstance(instance, Meeting):
        return list(AgendaItem.objects.filter(meeting_id=instance.pk).values_list("pk", flat=True))
    if isinstance(instance, Section | Recommendation | Decision):
        return [instance.item_id]
    if isinstance(instance, DecisionRemark):
        decisions = Decision.objects.filter(pk=instance.decision_id)
        return list(decisions.values_list("item_id", flat=True))
    if isinstance(instance, File):
        return [instance.agenda_item_id] if instance.agenda_item_id else []
    if isinstance(instance, Case):
        items = AgendaItem.objects.filter(consultation__case_id=instance.pk)
        return list(items.values_list("pk", flat=True))
    return []


def _on_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if item_ids := _items_of(instance):
        facade.index_items(item_ids)


def _on_delete(sender, instance, **kwargs):
    if isinstance(instance, AgendaItem):
        facade.remove_items([instance.pk])
    elif item_ids := _items_of(instance):
        facade.index_items(item_ids)


def _on_audit(sender, instance, created=False, raw=False, **kwargs):
    """A service finished changing `instance.object_type` #`object_id`: re-index it."""
    model = AUDITED.get(instance.object_type)
    if raw or not created or model is None or instance.action.startswith(READ_PREFIX):
        return
    obj = model.objects.filter(pk=instance.object_id).first()
    if obj is not None and (item_ids := _items_of(obj)):
        facade.index_items(item_ids)


AUDITED = {
    model._meta.label_lower: model
    for model in (Meeting, AgendaItem, Decision, DecisionRemark, File, Case)
}

WATCHED = (Meeting, AgendaItem, Section, Recommendation, Decision, DecisionRemark, File, Case)


def connect() -> None:
    for model in WATCHED:
        uid = f"{DISPATCH_PREFIX}.{model.__name__}"
        post_save.connect(_on_save, sender=model, dispatch_uid=f"{uid}.save")
        post_delete.connect(_on_delete, sender=model, dispatch_uid=f"{uid}.delete")
    post_save.connect(_on_audit, sender=AuditEntry, dispatch_uid=f"{DISPATCH_PREFIX}.audit")
