# Wraps the view although registering needs no wrapper.
# fails: returns-unchanged
import functools

ROUTES = {}


class Request:
    """An incoming HTTP request; `user` is None for anonymous visitors."""

    def __init__(self, user=None):
        self.user = user


def login_required(view):
    """Reject anonymous requests before they reach `view`."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user is None:
            raise PermissionError("login required")
        return view(request, *args, **kwargs)

    return wrapper


def dispatch(path, request):
    """What the web server does with each request: find the view for `path` and call it."""
    return ROUTES[path](request)


def route(path):
    """Register the decorated view in ROUTES under `path`, and return it unchanged."""

    def decorator(view):
        if path in ROUTES:
            raise ValueError(f"{path} is already routed to {ROUTES[path].__name__}")
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            return view(*args, **kwargs)

        ROUTES[path] = wrapper
        return wrapper

    return decorator


# @route goes on top: it must register the view that @login_required has already wrapped.
@route("/admin")
@login_required
def admin_dashboard(request):
    return f"admin panel for {request.user}"


@route("/health")
def health(request):
    return "ok"
