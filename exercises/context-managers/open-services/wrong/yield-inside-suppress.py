# Puts the optional services *and the yield* under one suppress: the caller's ConnectionErrors vanish.
# fails: block-errors-propagate
import contextlib


@contextlib.contextmanager
def open_services(required, optional=None):
    with contextlib.ExitStack() as stack:
        services = {}
        for name, open_service in required.items():
            services[name] = stack.enter_context(open_service())
        with contextlib.suppress(ConnectionError):
            for name, open_service in (optional or {}).items():
                services[name] = stack.enter_context(open_service())
            yield services
