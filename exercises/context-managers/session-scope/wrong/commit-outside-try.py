# Commits in the `else` clause, outside the `except`: a failing commit is never rolled back.
# fails: commit-failure
import contextlib


@contextlib.contextmanager
def session_scope(make_session):
    session = make_session()
    try:
        yield session
    except BaseException:
        session.rollback()
        raise
    else:
        session.commit()
    finally:
        session.close()
