# Silently replaces a view already registered on the same path.
# fails: rejects-duplicate
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
        ROUTES[path] = view
        return view

    return decorator


# @route goes on top: it must register the view that @login_required has already wrapped.
@route("/admin")
@login_required
def admin_dashboard(request):
    return f"admin panel for {request.user}"


@route("/health")
def health(request):
    return "ok"
