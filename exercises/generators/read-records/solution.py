def read_records(stream):
    """Yield the stripped lines of `stream`, skipping blank lines and # comments."""
    for line in stream:
        record = line.strip()
        if record and not record.startswith("#"):
            yield record
