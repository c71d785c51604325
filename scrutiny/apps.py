from django.apps import AppConfig


class ScrutinyConfig(AppConfig):
    name = "scrutiny"
    verbose_name = "Overview and scrutiny"
