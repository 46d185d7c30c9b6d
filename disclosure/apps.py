from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "disclosure"
    verbose_name = "Disclosure"

    def ready(self) -> None:
        from disclosure import checks, signals  # noqa: F401 - registers checks, connects audit receivers
