# Loops over `optional.items()` although optional defaults to None.
# fails: opens-all
import contextlib


@contextlib.contextmanager
def open_services(required, optional=None):
    with contextlib.ExitStack() as stack:
        services = {}
        for name, open_service in required.items():
            services[name] = stack.enter_context(open_service())
        for name, open_service in optional.items():
            with contextlib.suppress(ConnectionError):
                services[name] = stack.enter_context(open_service())
        yield services
