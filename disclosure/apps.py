from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "disclosure"
    verbose_name = "Disclosure"

    def ready(self) -> None:
        from disclosure import signals  # noqa: F401 - connects the auth audit receivers
