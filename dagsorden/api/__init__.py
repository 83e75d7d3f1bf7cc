"""The read-only OParl 1.1 API under /oparl/v1/ (see the README's "Open data" section).

For the bulk export (no HTTP needed):

    from dagsorden.api.selectors import LISTS, bodies
    from dagsorden.api.serializers import oparl_body, oparl_object, oparl_system

    base_url = settings.DAGSORDEN_SITE_URL.rstrip("/")
    for municipality in bodies():
        body = oparl_body(municipality, base_url=base_url)
        for kind, oparl_list in LISTS.items():   # "organization", "person", "meeting", ...
            for row in oparl_list.rows(municipality).iterator(chunk_size=500):
                data = oparl_object(row, kind=kind, base_url=base_url)

`LISTS[kind].rows(municipality)` is the public queryset of a list in stable order (by
id) with everything its objects embed prefetched (use `.iterator(chunk_size=...)` so
prefetching still applies); `with_deleted=True` adds soft-deleted rows, which
`oparl_object` turns into `{id, type, deleted: true, created, modified}` stubs. The
per-kind functions (`oparl_meeting(meeting, *, base_url)`, `oparl_agendaitem`, ...) are
in `serializers.SERIALIZERS`. Closed items are already reduced to their neutral title
and decisions/votes/attendance appear only with approved minutes: the export must not
read the models directly for anything it publishes.
"""
