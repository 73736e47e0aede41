# Collects the records into a list.
# fails: is-generator
def read_records(stream):
    records = []
    for line in stream:
        record = line.strip()
        if record and not record.startswith("#"):
            records.append(record)
    return records
