import contextlib


@contextlib.contextmanager
def open_services(required, optional=None):
    """Open the required and optional services; give {name: service}; close them all, newest first."""
    with contextlib.ExitStack() as stack:
        services = {}
        for name, open_service in required.items():
            services[name] = stack.enter_context(open_service())
        for name, open_service in (optional or {}).items():
            with contextlib.suppress(ConnectionError):
                services[name] = stack.enter_context(open_service())
        yield services
