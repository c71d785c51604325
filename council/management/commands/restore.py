"""manage.py restore DIR: put a backup's database and files back, then check every stored PDF."""

from django.core.management.base import BaseCommand, CommandError

from council import backups


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup`, replacing the database and files. Stop the app first."

    def add_arguments(self, parser):
        parser.add_argument("source", help="The backup's directory.")

    def handle(self, *args, **options):
        try:
            backups.restore(options["source"])
        except (backups.BackupError, FileNotFoundError) as exc:
            raise CommandError(str(exc)) from exc
        checked, problems = backups.verify_documents()
        for problem in problems:
            self.stderr.write(problem)
        if problems:
            raise CommandError(f"Restored, but {len(problems)} of {checked} stored PDFs do not match their hash")
        self.stdout.write(f"Restored {options['source']}: all {checked} stored PDFs match their SHA-256.")
