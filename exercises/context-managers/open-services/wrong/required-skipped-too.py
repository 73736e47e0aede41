# Treats every service as optional, so the worker starts without its database.
# fails: required-failure
import contextlib


@contextlib.contextmanager
def open_services(required, optional=None):
    with contextlib.ExitStack() as stack:
        services = {}
        for name, open_service in {**required, **(optional or {})}.items():
            with contextlib.suppress(ConnectionError):
                services[name] = stack.enter_context(open_service())
        yield services
