from django.urls import path

from . import feeds, ical, views
from .sitemaps import sitemap_view

app_name = "portal"

# The pages each municipality has once: at `/` for the municipality served there (or,
# with several and none chosen, for all of them), and under `/<kommune-slug>/` always
# (dagsorden/urls.py includes this list a second time, as the "kommune" namespace).
scoped_patterns = [
    path("", views.home, name="home"),
    path("moeder/", views.meeting_list, name="meeting_list"),
    path("udvalg/", views.body_list, name="body_list"),
    path("kalender/", views.calendar_current, name="calendar"),
    path("kalender/<year:year>/<month:month>/", views.calendar_month, name="calendar_month"),
    path("kalender.ics", ical.all_meetings_calendar, name="ical"),
    path("soeg/", views.search, name="search"),
    path("soeg/rss/", feeds.SearchRssFeed(), name="search_rss"),
    path("soeg/atom/", feeds.SearchAtomFeed(), name="search_atom"),
    path("sitemap.xml", sitemap_view, name="sitemap"),
]

# Object pages keep one global address each and show their own municipality's header.
urlpatterns = scoped_patterns + [
    path("moeder/<id:pk>/", views.meeting_detail, name="meeting_detail"),
    path("punkter/<id:pk>/", views.item_detail, name="item_detail"),
    path("sager/<id:pk>/", views.case_detail, name="case_detail"),
    path("sager/<id:pk>/rss/", feeds.CaseRssFeed(), name="case_rss"),
    path("sager/<id:pk>/atom/", feeds.CaseAtomFeed(), name="case_atom"),
    path("udvalg/<id:pk>/", views.body_detail, name="body_detail"),
    path("udvalg/<id:pk>/rss/", feeds.BodyRssFeed(), name="body_rss"),
    path("udvalg/<id:pk>/atom/", feeds.BodyAtomFeed(), name="body_atom"),
    path("udvalg/<id:pk>/kalender.ics", ical.body_calendar, name="body_ical"),
    path("personer/<id:pk>/", views.person_detail, name="person_detail"),
    path("bilag/<id:pk>/<str:name>", views.file_download, name="file_download"),
    path("aabne-data/", views.open_data, name="open_data"),
    path("aabne-data/dagsorden-aabne-data.zip", views.open_data_archive, name="open_data_archive"),
    path("sprog/", views.language_switch, name="language"),
    path("favicon.ico", views.favicon, name="favicon"),
]
