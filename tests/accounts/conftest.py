# The staff pages' world (bodies, meetings, a user for every role) serves here too.
from tests.staff.conftest import world  # noqa: F401
