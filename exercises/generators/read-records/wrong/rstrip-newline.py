# Only removes the newline, keeping surrounding spaces (and a Windows "\r").
# fails: strips-lines
def read_records(stream):
    for line in stream:
        record = line.rstrip("\n")
        if record.strip() and not record.strip().startswith("#"):
            yield record
