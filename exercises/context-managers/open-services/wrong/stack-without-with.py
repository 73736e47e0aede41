# Creates the ExitStack without `with` and closes it after a bare `yield`: nothing is closed on error.
# fails: closes-on-error
import contextlib


@contextlib.contextmanager
def open_services(required, optional=None):
    stack = contextlib.ExitStack()
    services = {}
    for name, open_service in required.items():
        services[name] = stack.enter_context(open_service())
    for name, open_service in (optional or {}).items():
        with contextlib.suppress(ConnectionError):
            services[name] = stack.enter_context(open_service())
    yield services
    stack.close()
