# Forgets functools.wraps.
# fails: keeps-metadata
import functools


class User:
    """A logged-in user with a set of role names."""

    def __init__(self, name, roles=()):
        self.name = name
        self.roles = set(roles)


def require_auth(role):
    """Only let users who have `role` call the decorated function."""

    def decorator(func):
        def wrapper(*args, **kwargs):
            if "user" in kwargs:
                user = kwargs["user"]
            elif args:
                user = args[0]
            else:
                user = None
            if role not in getattr(user, "roles", ()):
                raise PermissionError(f"{func.__name__} requires the {role!r} role")
            return func(*args, **kwargs)

        return wrapper

    return decorator
