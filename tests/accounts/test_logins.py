"""Logging in as the security officer tries it (issue 11, Found 10): guessing passwords,
weak passwords, sessions left open, and who logged in when."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from dagsorden.core.models import AuditEntry

LOGIN = "/log-ind/"
PASSWORD = "pw-member_own"  # the world fixture's password for this user


@pytest.fixture
def lockout(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = dt.timedelta(minutes=10)


def _login(client, username, password, address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_guessing_locks_the_user_out_from_that_address_even_for_the_right_password(
    client, world, lockout
):
    for _ in range(2):
        assert _login(client, "member_own", "forkert-gaet").status_code == 200
    assert _login(client, "member_own", "forkert-gaet").status_code == 429  # the third
    refused = _login(client, "member_own", PASSWORD)
    assert refused.status_code == 429
    assert not _logged_in(client)
    text = refused.content.decode()
    assert "For mange forkerte forsøg" in text
    assert "10 minutter" in text


def test_the_lockout_is_for_that_user_from_that_address_only(client, world, lockout):
    for _ in range(3):
        _login(client, "member_own", "forkert-gaet")
    assert _login(client, "member_own", PASSWORD, address="10.0.0.2").status_code == 302
    client.logout()
    assert _login(client, "admin", "pw-admin").status_code == 302


def test_after_the_cool_off_the_right_password_works_again(client, world, lockout):
    for _ in range(3):
        _login(client, "member_own", "forkert-gaet")
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=11)):
        assert _login(client, "member_own", PASSWORD).status_code == 302
        assert _logged_in(client)


def test_logins_logouts_and_failed_logins_are_in_the_audit_log(client, world):
    _login(client, "member_own", "forkert-gaet", address="10.9.8.7")
    _login(client, "member_own", PASSWORD, address="10.9.8.7")
    client.post(reverse("staff:logout"), REMOTE_ADDR="10.9.8.7")
    entries = list(
        AuditEntry.objects.filter(object_type="auth.user")
        .order_by("id")
        .values_list("action", "summary", "data")
    )
    assert entries == [
        ("login_failed", "member_own", {"ip": "10.9.8.7"}),
        ("login", "member_own", {"ip": "10.9.8.7"}),
        ("logout", "member_own", {"ip": "10.9.8.7"}),
    ]
    assert "forkert-gaet" not in str(list(AuditEntry.objects.values()))


@pytest.mark.parametrize(
    "password, reason",
    [
        ("84736251", "udelukkende numerisk"),  # the example: numeric and short
        ("kort-kode", "mindst 12 tegn"),
        ("password1234", "for almindelig"),
        ("947362518403", "udelukkende numerisk"),
    ],
)
def test_weak_passwords_are_refused_in_danish(password, reason):
    translation.activate("da")
    with pytest.raises(ValidationError) as refused:
        validate_password(password)
    assert any(reason in message for message in refused.value.messages), refused.value.messages


def test_a_long_passphrase_passes():
    validate_password("lang nok og ikke almindelig")


def test_the_demo_password_passes_the_validators():
    from dagsorden.demo.build import demo_password

    for _ in range(20):
        validate_password(demo_password())


def test_a_member_changes_their_password_from_the_menu(client, world):
    member = world["users"]["member_own"]
    client.force_login(member)
    page = client.get(reverse("staff:my_meetings")).content.decode()
    change = reverse("accounts:password_change")
    assert f'href="{change}"' in page

    weak = client.post(
        change,
        {"old_password": PASSWORD, "new_password1": "84736251", "new_password2": "84736251"},
    )
    assert weak.status_code == 200
    assert "udelukkende numerisk" in weak.content.decode()
    wrong_old = client.post(
        change,
        {
            "old_password": "ikke-den",
            "new_password1": "ny lang kode 2026",
            "new_password2": "ny lang kode 2026",
        },
    )
    assert "Din gamle adgangskode blev ikke indtastet korrekt" in wrong_old.content.decode()
    member.refresh_from_db()
    assert member.check_password(PASSWORD)

    done = client.post(
        change,
        {
            "old_password": PASSWORD,
            "new_password1": "ny lang kode 2026",
            "new_password2": "ny lang kode 2026",
        },
        follow=True,
    )
    assert "Din adgangskode er skiftet." in done.content.decode()
    member.refresh_from_db()
    assert member.check_password("ny lang kode 2026")
    assert _logged_in(client)  # changing the password keeps this session
    assert AuditEntry.objects.filter(action="password_changed", user=member).exists()


def test_staff_have_the_link_too_and_anonymous_users_are_sent_to_log_in(client, world):
    client.force_login(world["users"]["secretary_own"])
    page = client.get(reverse("staff:dashboard")).content.decode()
    assert reverse("accounts:password_change") in page
    client.logout()
    response = client.get(reverse("accounts:password_change"))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_an_idle_session_ends_and_the_login_page_says_why(client, world, settings):
    settings.SESSION_IDLE_SECONDS = 30 * 60
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        assert _login(client, "member_own", PASSWORD).status_code == 302
        clock.shift(dt.timedelta(minutes=25))
        assert client.get(reverse("staff:my_meetings")).status_code == 200
        clock.shift(dt.timedelta(minutes=25))  # 25 minutes after the last request: alive
        assert client.get(reverse("staff:my_meetings")).status_code == 200
        clock.shift(dt.timedelta(minutes=31))
        response = client.get(reverse("staff:my_meetings"))
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN)
        page = client.get(response["Location"]).content.decode()
    assert "ikke har været aktiv i 30 minutter" in page
    assert not _logged_in(client)
    assert AuditEntry.objects.filter(action="session_expired_idle").count() == 1


def test_a_session_ends_after_its_lifetime_however_active(client, world, settings):
    settings.SESSION_IDLE_SECONDS = 30 * 60
    settings.SESSION_COOKIE_AGE = 10 * 3600
    with time_machine.travel(timezone.now(), tick=False) as clock:
        _login(client, "member_own", PASSWORD)
        elapsed = dt.timedelta(0)
        while elapsed < dt.timedelta(hours=12):  # a request every 20 minutes
            clock.shift(dt.timedelta(minutes=20))
            elapsed += dt.timedelta(minutes=20)
            response = client.get(reverse("staff:my_meetings"))
            if response.status_code != 200:
                break
        assert response.status_code == 302
        assert dt.timedelta(hours=10) < elapsed <= dt.timedelta(hours=10, minutes=20)
        page = client.get(response["Location"]).content.decode()
    assert "Din session er udløbet (højst 10 timer)" in page


def test_sessions_no_longer_last_fourteen_days_by_default():
    # The module's own values: the test settings stretch sessions for clock-moving tests.
    from dagsorden import settings as configured

    assert configured.SESSION_IDLE_SECONDS == 30 * 60
    assert configured.SESSION_COOKIE_AGE == 10 * 3600


def test_a_forged_forwarded_for_header_does_not_reset_the_count(client, world, lockout):
    for number in range(3):
        client.post(
            LOGIN,
            {"username": "member_own", "password": "forkert-gaet"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}",
        )
    assert _login(client, "member_own", PASSWORD).status_code == 429
