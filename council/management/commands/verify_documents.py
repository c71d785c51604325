"""manage.py verify_documents: every stored public PDF against the SHA-256 recorded when it was published."""

from django.core.management.base import BaseCommand, CommandError

from council import backups


class Command(BaseCommand):
    help = "Check that every stored public PDF still matches its recorded SHA-256."

    def handle(self, *args, **options):
        checked, problems = backups.verify_documents()
        for problem in problems:
            self.stderr.write(problem)
        if problems:
            raise CommandError(f"{len(problems)} of {checked} stored PDFs do not match their hash")
        self.stdout.write(f"All {checked} stored PDFs match their SHA-256.")
