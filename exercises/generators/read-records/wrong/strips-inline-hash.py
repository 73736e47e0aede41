# Treats everything after any "#" as a comment, damaging data that contains "#".
# fails: skips-comments
def read_records(stream):
    for line in stream:
        record = line.split("#")[0].strip()
        if record:
            yield record
