# Keeps its own list and closes the services in the order they were opened.
# fails: closes-in-reverse
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
        for manager in opened:
            manager.__exit__(None, None, None)
