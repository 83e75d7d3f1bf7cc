"""Secretariat pages under /sekretariat/, member pages under /medlem/."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from dagsorden.accounts import views as account_views

from .views import (
    agenda,
    audit,
    body_template,
    cases,
    confirm,
    desk,
    drafts,
    imports,
    item_preview,
    items,
    jobs,
    live,
    meeting_plan,
    members,
    minutes,
    planning,
)

app_name = "staff"

secretariat = [
    path("", planning.dashboard, name="dashboard"),
    path("udvalg/<slug:municipality>/<slug:slug>/", planning.body_planning, name="body_planning"),
    path(
        "udvalg/<slug:municipality>/<slug:slug>/moedeplan/", meeting_plan.plan, name="meeting_plan"
    ),
    path(
        "udvalg/<slug:municipality>/<slug:slug>/skabelon/",
        body_template.body_template,
        name="body_template",
    ),
    path(
        "udvalg/<slug:municipality>/<slug:slug>/moedeplan/serie/",
        meeting_plan.plan_series,
        name="plan_series",
    ),
    path(
        "udvalg/<slug:municipality>/<slug:slug>/moedeplan/nyt/",
        meeting_plan.plan_add,
        name="plan_add",
    ),
    path("moeder/<id:pk>/flyt/", meeting_plan.plan_move, name="plan_move"),
    path("moeder/<id:pk>/aflys/", meeting_plan.plan_cancel, name="plan_cancel"),
    path("behandlinger/<id:pk>/planlaeg/", planning.consultation_plan, name="consultation_plan"),
    path("sager/ny/", cases.case_new, name="case_new"),
    path("sager/<id:pk>/", cases.case_detail, name="case_detail"),
    path("behandlinger/<id:pk>/saet-paa/", cases.case_schedule_view, name="case_schedule"),
    path("punkter/<id:pk>/", items.item_edit, name="item_edit"),
    path("punkter/<id:pk>/word/", items.item_import_docx, name="item_import_docx"),
    path("punkter/<id:pk>/bilag/", items.item_add_bilag, name="item_add_bilag"),
    path("punkter/<id:pk>/status/", items.item_state, name="item_state"),
    path("punkter/<id:pk>/tryk/", item_preview.item_print_preview, name="item_print_preview"),
    path("punkter/<id:pk>/aendringer/", item_preview.item_changes, name="item_changes"),
    path("forhaandsvisning/", items.markdown_preview, name="markdown_preview"),
    path("moeder/<id:pk>/dagsorden/", agenda.agenda_builder, name="agenda_builder"),
    path("punkter/<id:pk>/flyt/", agenda.agenda_move, name="agenda_move"),
    path("moeder/<id:pk>/raekkefoelge/", agenda.agenda_order, name="agenda_order"),
    path("moeder/<id:pk>/udsend/", agenda.agenda_publish, name="agenda_publish"),
    path("moeder/<id:pk>/nyt-punkt/", agenda.agenda_add_item, name="agenda_add_item"),
    path("moeder/<id:pk>/live/", live.meeting_live, name="meeting_live"),
    path("moeder/<id:pk>/fremmoede/", live.attendance_save, name="attendance_save"),
    path("punkter/<id:pk>/beslutning/", live.decision_save, name="decision_save"),
    path("punkter/<id:pk>/fravaer/", live.item_exception_save, name="item_exception_save"),
    path("punkter/<id:pk>/udsaet/", live.item_postpone_view, name="item_postpone"),
    path("moeder/<id:pk>/afslut/", live.meeting_close_view, name="meeting_close"),
    path("moeder/<id:pk>/referat/", minutes.minutes, name="minutes"),
    path("moeder/<id:pk>/referat/godkend/", minutes.minutes_approve, name="minutes_approve"),
    path("punkter/<id:pk>/bemaerkning/", minutes.remark_add, name="remark_add"),
    path("log/", audit.audit_log, name="audit_log"),
    path("baggrundsjob/", jobs.job_list, name="jobs"),
    path("import/", imports.import_page, name="import"),
    path("baggrundsjob/<int:pk>/proev-igen/", jobs.job_retry_view, name="job_retry"),
    path("soeg/", desk.search, name="staff_search"),
    # Safety nets: a draft to look at, and what an irreversible step will do, asked
    # before it is done.
    path("moeder/<id:pk>/udkast.pdf", drafts.agenda_draft_pdf, name="agenda_draft_pdf"),
    path(
        "moeder/<id:pk>/udsend/bekraeft/",
        confirm.agenda_publish_confirm,
        name="agenda_publish_confirm",
    ),
    path(
        "moeder/<id:pk>/afslut/bekraeft/",
        confirm.meeting_close_confirm,
        name="meeting_close_confirm",
    ),
    path(
        "punkter/<id:pk>/udsaet/bekraeft/",
        confirm.item_postpone_confirm,
        name="item_postpone_confirm",
    ),
    path(
        "moeder/<id:pk>/referat/godkend/bekraeft/",
        confirm.minutes_approve_confirm,
        name="minutes_approve_confirm",
    ),
]

member = [
    path("", members.my_meetings, name="my_meetings"),
    path("moeder/<id:pk>/", members.member_meeting, name="member_meeting"),
    path("moeder/<id:pk>/underskriv/", members.minutes_sign, name="minutes_sign"),
    path(
        "moeder/<id:pk>/underskriv/bekraeft/",
        confirm.minutes_sign_confirm,
        name="minutes_sign_confirm",
    ),
    path("moeder/<id:pk>/fortrolig.pdf", members.member_document_pdf, name="member_pdf"),
    path("moeder/<id:pk>/samlet.pdf", members.member_combined_pdf, name="member_combined_pdf"),
    path("moeder/<id:pk>/laest/", members.agenda_read, name="agenda_read"),
    # One view, two addresses: the viewer's, and a download address ending in the name.
    path("bilag/<id:pk>/", members.member_bilag, name="member_bilag"),
    path("bilag/<id:pk>/<str:name>", members.member_bilag, name="member_bilag"),
    path("punkter/<id:pk>/noter/", members.note_add, name="note_add"),
    path("noter/<id:pk>/slet/", members.note_remove, name="note_remove"),
]

urlpatterns = [
    path("sekretariat/", include(secretariat)),
    path("medlem/", include(member)),
    path("start/", planning.start, name="start"),
    path("log-ind/", account_views.LoginView.as_view(), name="login"),
    path("log-ud/", auth_views.LogoutView.as_view(), name="logout"),
]
