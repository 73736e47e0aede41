import functools


class User:
    """A logged-in user with a set of role names."""

    def __init__(self, name, roles=()):
        self.name = name
        self.roles = set(roles)


def require_auth(role):
    """Only let users who have `role` call the decorated function."""
    # Return a decorator; the decorator returns a wrapper that checks the user's roles.
