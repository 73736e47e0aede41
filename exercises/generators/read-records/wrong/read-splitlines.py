# Reads the whole file as one string and splits it.
# fails: no-read-all
def read_records(stream):
    for line in stream.read().splitlines():
        record = line.strip()
        if record and not record.startswith("#"):
            yield record
