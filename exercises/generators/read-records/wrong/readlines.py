# Reads the whole file into a list first.
# fails: is-lazy
def read_records(stream):
    for line in stream.readlines():
        record = line.strip()
        if record and not record.startswith("#"):
            yield record
