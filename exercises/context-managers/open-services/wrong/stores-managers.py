# Stores the context manager objects instead of what their __enter__ returned.
# fails: opens-all
import contextlib


@contextlib.contextmanager
def open_services(required, optional=None):
    with contextlib.ExitStack() as stack:
        services = {}
        for name, open_service in required.items():
            manager = open_service()
            stack.enter_context(manager)
            services[name] = manager
        for name, open_service in (optional or {}).items():
            with contextlib.suppress(ConnectionError):
                manager = open_service()
                stack.enter_context(manager)
                services[name] = manager
        yield services
