# Crashes with IndexError or AttributeError when there is no user.
# fails: no-user
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
            user = kwargs["user"] if "user" in kwargs else args[0]
            if role not in user.roles:
                raise PermissionError(f"{func.__name__} requires the {role!r} role")
            return func(*args, **kwargs)

        return wrapper

    return decorator
