# Commits after the try statement, when `finally` has already closed the session.
# fails: commits-on-success
import contextlib


@contextlib.contextmanager
def session_scope(make_session):
    session = make_session()
    try:
        yield session
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
    session.commit()
