# Rolls back but forgets the bare `raise`, so the generator swallows the error.
# fails: propagates-error
import contextlib


@contextlib.contextmanager
def session_scope(make_session):
    session = make_session()
    try:
        yield session
        session.commit()
    except Exception:
        session.rollback()
    finally:
        session.close()
