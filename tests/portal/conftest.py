from .closed_world import demo_portal, demo_with_secrets  # noqa: F401 - fixtures
