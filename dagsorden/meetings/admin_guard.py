"""The Django admin passes the same gate as the staff pages (`services/guard.py`).

Every admin for a meeting's content names the meeting(s) a row belongs to. A change,
addition, move or deletion that touches approved minutes is refused with the service's
Danish reason: on the form (nothing typed is lost), on the delete page, and for the bulk
delete action. A saved change to a published item re-runs the CPR check and re-opens
the item's approval, exactly as a save in the staff pages does.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse

from .services.guard import content_change_allowed, content_change_refusal, published_item_changed


class AdminRefused(Exception):
    """A check after the save refused it; raised through the admin's transaction."""

    def __init__(self, error: ValidationError):
        super().__init__(error)
        self.error = error


class GuardedAdminMixin:
    """For ModelAdmins of rows that belong to a meeting."""

    def meetings_of(self, obj) -> list:
        """The meetings the row belongs to (none for a row not yet attached)."""
        return [obj.meeting] if getattr(obj, "meeting_id", None) else []

    def item_of(self, obj):
        """The agenda item whose text the row is part of, if any."""
        return None

    def refusal(self, obj) -> str | None:
        return content_change_refusal(meetings=self.meetings_of(obj))

    # --- change and add: refused on the form ----------------------------------------------

    def has_change_permission(self, request, obj=None):
        # A locked row opens read-only; the reason is on the page (see change_view).
        if obj is not None and self.refusal(obj):
            return False
        return super().has_change_permission(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        if obj is not None and (reason := self.refusal(obj)):
            if request.method == "POST":
                messages.error(request, reason)
                return HttpResponseRedirect(request.path)  # read-only, with the reason
            messages.warning(request, reason)
        return super().change_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)
        admin = self
        before = admin.meetings_of(obj) if obj is not None else []

        class GuardedForm(form_class):
            def _post_clean(self):
                super()._post_clean()  # the instance now carries the typed values
                try:
                    after = admin.meetings_of(self.instance)
                except Exception:  # noqa: BLE001 - a missing relation is the form's own error
                    after = []
                reason = content_change_refusal(meetings=[*before, *after])
                if reason and not admin.allowed_on_locked(self.instance):
                    self.add_error(None, reason)

        return GuardedForm

    def allowed_on_locked(self, obj) -> bool:
        """What approved minutes still take (a visible correction remark)."""
        return False

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            meeting_ids = [m.pk for m in self.meetings_of(obj)]
            if change:
                original = type(obj).objects.filter(pk=obj.pk).first()
                meeting_ids += [m.pk for m in self.meetings_of(original)] if original else []
            if not self.allowed_on_locked(obj):
                content_change_allowed(meeting_ids=meeting_ids)
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        item = self.item_of(form.instance)
        if item is None:
            return
        try:
            published_item_changed(item=item, by=request.user, what="admin")
        except ValidationError as error:
            raise AdminRefused(error) from error

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except AdminRefused as refused:
            # Raised inside the admin's transaction: nothing of the save was kept.
            for message in refused.error.messages:
                messages.error(request, message)
            return HttpResponseRedirect(request.get_full_path())

    # --- delete: refused with the reason --------------------------------------------------

    def delete_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, object_id)
        if obj is not None and (reason := self.refusal(obj)):
            messages.error(request, reason)
            opts = self.model._meta
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            )
        return super().delete_view(request, object_id, extra_context)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and self.refusal(obj):
            return False
        return super().has_delete_permission(request, obj)

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        for obj in objs:
            if reason := self.refusal(obj):
                # Shown by the admin's confirmation page, which then offers no "Yes".
                perms_needed.add(reason)
        return deleted, counts, perms_needed, protected

    def response_action(self, request, queryset):
        """The bulk delete action: refused with the reason before Django asks for more."""
        if request.POST.get("action") == "delete_selected":
            selected = queryset.filter(pk__in=request.POST.getlist("_selected_action"))
            for obj in selected:
                if reason := self.refusal(obj):
                    messages.error(request, reason)
                    return HttpResponseRedirect(request.get_full_path())
        return super().response_action(request, queryset)

    def delete_model(self, request, obj):
        with transaction.atomic():
            content_change_allowed(meeting_ids=[m.pk for m in self.meetings_of(obj)])
            super().delete_model(request, obj)
            self._changed_after_delete(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            objs = list(queryset)
            content_change_allowed(meeting_ids=[m.pk for o in objs for m in self.meetings_of(o)])
            super().delete_queryset(request, queryset)
            for obj in objs:
                self._changed_after_delete(request, obj)

    def _changed_after_delete(self, request, obj) -> None:
        item = self.item_of(obj)
        if item is not None and type(item).objects.filter(pk=item.pk).exists():
            published_item_changed(item=item, by=request.user, what="admin delete")
