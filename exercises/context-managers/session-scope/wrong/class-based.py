# A correct class-based manager — but this exercise asks for a @contextmanager generator.
# fails: uses-contextmanager
class session_scope:
    def __init__(self, make_session):
        self.make_session = make_session

    def __enter__(self):
        self.session = self.make_session()
        return self.session

    def __exit__(self, exc_type, exc, tb):
        try:
            if exc_type is None:
                try:
                    self.session.commit()
                except BaseException:
                    self.session.rollback()
                    raise
            else:
                self.session.rollback()
        finally:
            self.session.close()
        return False
