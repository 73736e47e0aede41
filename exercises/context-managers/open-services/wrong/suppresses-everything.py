# Skips an optional service on any exception, hiding real configuration errors.
# fails: optional-other-errors
import contextlib


@contextlib.contextmanager
def open_services(required, optional=None):
    with contextlib.ExitStack() as stack:
        services = {}
        for name, open_service in required.items():
            services[name] = stack.enter_context(open_service())
        for name, open_service in (optional or {}).items():
            with contextlib.suppress(Exception):
                services[name] = stack.enter_context(open_service())
        yield services
