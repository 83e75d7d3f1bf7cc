from django.conf import settings


def accounts(request):
    """Whether the menu may offer "Skift adgangskode" (not with single sign-on only)."""
    user = getattr(request, "user", None)
    return {
        "can_change_password": bool(
            settings.LOCAL_PASSWORDS
            and user is not None
            and user.is_authenticated
            and user.has_usable_password()
        )
    }
