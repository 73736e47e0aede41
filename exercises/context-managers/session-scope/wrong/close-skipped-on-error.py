# Closes after the try statement, which a re-raised exception jumps over.
# fails: rolls-back-on-error
import contextlib


@contextlib.contextmanager
def session_scope(make_session):
    session = make_session()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    session.close()
