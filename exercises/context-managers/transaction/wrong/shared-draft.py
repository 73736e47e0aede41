# fails: independent-transactions
class Transaction:
    draft = {}

    def __init__(self, store):
        self.store = store

    def __enter__(self):
        if not Transaction.draft:
            Transaction.draft.update(self.store)
        return Transaction.draft

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.store.clear()
            self.store.update(Transaction.draft)
        return False
