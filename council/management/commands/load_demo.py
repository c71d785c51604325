"""Load the demo data of every app that has a `demo` module, in INSTALLED_APPS order."""

import importlib

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from council import demo as council_demo


class Command(BaseCommand):
    help = "Load the demo people and records (idempotent). Refuses when DEBUG is off."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-accounts", action="store_true", help="Do not print the demo accounts.")

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                for app_config in apps.get_app_configs():
                    try:
                        module = importlib.import_module(f"{app_config.name}.demo")
                    except ModuleNotFoundError as exc:
                        if exc.name != f"{app_config.name}.demo":
                            raise
                        continue
                    module.load(stdout=self.stdout)
        except council_demo.DemoRefused as exc:
            raise CommandError(str(exc)) from exc
        if not options["quiet_accounts"]:
            self.stdout.write("")
            self.stdout.write(f"Demo accounts (password: {settings.DEMO_PASSWORD})")
            for username, name, role_list in council_demo.accounts():
                self.stdout.write(f"  {username:<16} {name:<26} {role_list}")
