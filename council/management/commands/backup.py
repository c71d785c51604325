"""manage.py backup [--to DIR]: the database and the private files (council/backups.py)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from council import backups


class Command(BaseCommand):
    help = "Back up the database and the private files into a new directory."

    def add_arguments(self, parser):
        parser.add_argument("--to", help="The new directory (default: backups/<date and time>).")

    def handle(self, *args, **options):
        target = options["to"] or f"backups/{timezone.now():%Y%m%dT%H%M%SZ}"
        try:
            manifest = backups.backup(target)
        except (backups.BackupError, FileExistsError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Backed up to {target}: {len(manifest['documents'])} stored PDFs listed.")
        if manifest["media_note"]:
            self.stdout.write(manifest["media_note"])
