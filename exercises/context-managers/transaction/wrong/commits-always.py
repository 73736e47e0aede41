# fails: rolls-back-on-error
class Transaction:
    def __init__(self, store):
        self.store = store

    def __enter__(self):
        self.draft = dict(self.store)
        return self.draft

    def __exit__(self, exc_type, exc, tb):
        self.store.clear()
        self.store.update(self.draft)
        return False
