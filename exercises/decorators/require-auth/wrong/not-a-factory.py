# Writes a plain decorator with the role hard-coded, so require_auth("admin") treats "admin" as the function.
# fails: is-factory
import functools


class User:
    """A logged-in user with a set of role names."""

    def __init__(self, name, roles=()):
        self.name = name
        self.roles = set(roles)


def require_auth(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        user = kwargs.get("user", args[0] if args else None)
        if "admin" not in getattr(user, "roles", ()):
            raise PermissionError(f"{func.__name__} requires the 'admin' role")
        return func(*args, **kwargs)

    return wrapper
