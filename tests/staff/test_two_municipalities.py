"""Staff in a second municipality: their header names their own municipality, and
their desk and search hold none of the first municipality's drafts or closed items."""

import pytest
from django.urls import reverse

from dagsorden.meetings.services import agenda_item_create

pytestmark = pytest.mark.django_db


def _header(page: str) -> str:
    return page[page.index("<header") : page.index("</header>")]


def test_staff_pages_name_the_users_own_municipality(client, world):
    client.force_login(world["users"]["secretary_elsewhere"])
    page = client.get(reverse("staff:dashboard")).content.decode()
    assert "Andenby Kommune" in _header(page)
    client.force_login(world["users"]["secretary_own"])
    page = client.get(reverse("staff:dashboard")).content.decode()
    assert world["body"].municipality.name in _header(page)


def test_another_municipalitys_drafts_and_closed_items_stay_out_of_desk_and_search(client, world):
    secret = agenda_item_create(
        meeting=world["planned"], title="Fortroligt Xylofonsag", public=False, public_title="Sag"
    )
    editor = reverse("staff:item_edit", args=[secret.pk])
    client.force_login(world["users"]["secretary_elsewhere"])
    desk = client.get(reverse("staff:dashboard")).content.decode()
    assert "Udkast" not in desk and "Xylofonsag" not in desk
    assert world["body"].name not in desk
    for word in ("Udkast", "Xylofonsag", "Fortroligt notat"):
        found = client.get(reverse("staff:staff_search"), {"q": word}).content.decode()
        # The search box echoes the word once; nothing else may name the items.
        assert found.count(word) == 1 and editor not in found, word
        assert reverse("staff:item_edit", args=[world["draft"].pk]) not in found, word
    # The same search finds it for the body's own secretary (the check above can fail).
    client.force_login(world["users"]["secretary_own"])
    found = client.get(reverse("staff:staff_search"), {"q": "Xylofonsag"}).content.decode()
    assert found.count("Xylofonsag") > 1 and editor in found
