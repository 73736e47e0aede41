# A plain function that makes the session immediately and wraps a generator by hand.
# fails: built-with-contextmanager
import contextlib


def session_scope(make_session):
    session = make_session()

    @contextlib.contextmanager
    def scope():
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    return scope()
