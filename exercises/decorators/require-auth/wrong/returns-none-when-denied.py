# Quietly returns None for a refused user instead of raising.
# fails: denies-without-role
import functools


class User:
    """A logged-in user with a set of role names."""

    def __init__(self, name, roles=()):
        self.name = name
        self.roles = set(roles)


def require_auth(role):
    """Only let users who have `role` call the decorated function."""

    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            if "user" in kwargs:
                user = kwargs["user"]
            elif args:
                user = args[0]
            else:
                user = None
            if role not in getattr(user, "roles", ()):
                return None
            return func(*args, **kwargs)

        return wrapper

    return decorator
