from django.conf import settings
from django.core.management.base import BaseCommand

from dagsorden.demo.build import ADMIN_USERNAME, DEMO_USERS, demo_exists, demo_load
from dagsorden.demo.neighbour import NAME as NEIGHBOUR
from dagsorden.demo.neighbour import neighbour_exists, neighbour_load


class Command(BaseCommand):
    help = (
        "Load the invented municipalities Eksempel Kommune and Fjordby Kommune (once) "
        "and print the demo login."
    )

    def handle(self, *args, **options):
        login_file = settings.DATA_DIR / "demo-login.txt"
        if demo_exists():
            self.stdout.write("Eksempel Kommune er allerede indlæst.")
        else:
            self.stdout.write("Indlæser Eksempel Kommune …")
            world = demo_load()
            login_file.write_text(f"{ADMIN_USERNAME}\n{world.admin.demo_password}\n")
            login_file.chmod(0o600)
        if not neighbour_exists():
            self.stdout.write(f"Indlæser {NEIGHBOUR} …")
            neighbour_load()
        if login_file.exists():
            username, password = login_file.read_text().split()[:2]
            self.stdout.write(
                self.style.SUCCESS(
                    f"Administration: /admin/  bruger: {username}  adgangskode: {password}\n"
                    f"Sekretariat og medlemmer: /log-ind/  brugere: {', '.join(DEMO_USERS)}"
                    f"  og hvert medlem som fornavn.efternavn, fx signe.baekgaard"
                    f"  (samme adgangskode)"
                )
            )
