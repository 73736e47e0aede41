# Only looks at the first positional argument.
# fails: user-keyword
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
            user = args[0] if args else None
            if role not in getattr(user, "roles", ()):
                raise PermissionError(f"{func.__name__} requires the {role!r} role")
            return func(*args, **kwargs)

        return wrapper

    return decorator
