class ActionRefused(Exception):
    """A service refused an action; str(error) is a clear message to show the user as it is."""
