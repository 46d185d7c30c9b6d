"""Errors the engine raises with a message fit to show a social worker as it is."""


class EngineError(Exception):
    """Base class: str(error) is a clear, user-facing reason."""


class UnsupportedFile(EngineError):
    """Wrong type, or extension and content disagree."""


class UnreadableFile(EngineError):
    """Corrupt, encrypted or otherwise unreadable."""
