# Closes its own list in reverse, but one close that raises stops the loop and leaks the rest.
# fails: close-failure
import contextlib


@contextlib.contextmanager
def open_services(required, optional=None):
    opened = []
    services = {}
    try:
        for name, open_service in required.items():
            manager = open_service()
            services[name] = manager.__enter__()
            opened.append(manager)
        for name, open_service in (optional or {}).items():
            with contextlib.suppress(ConnectionError):
                manager = open_service()
                services[name] = manager.__enter__()
                opened.append(manager)
        yield services
    finally:
        for manager in reversed(opened):
            manager.__exit__(None, None, None)
