class ActionRefused(Exception):
    """A service refused an action; str(error) is a clear message to show the user as it is."""


class OutputRefused(ActionRefused):
    """Verification refused a redacted file; `term` is the redacted text it found, for the author to act on."""

    def __init__(self, message: str, term: str = "") -> None:
        super().__init__(message)
        self.term = term
