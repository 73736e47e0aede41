# Commits in `finally`, so even a failed block is committed.
# fails: rolls-back-on-error
import contextlib


@contextlib.contextmanager
def session_scope(make_session):
    session = make_session()
    try:
        yield session
    finally:
        session.commit()
        session.close()
