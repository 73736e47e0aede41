# Puts the cleanup straight after `yield`: when the block raises, none of it runs.
# fails: rolls-back-on-error
import contextlib


@contextlib.contextmanager
def session_scope(make_session):
    session = make_session()
    yield session
    session.commit()
    session.close()
