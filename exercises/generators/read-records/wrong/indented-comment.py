# Checks for "#" on the raw line, so an indented comment slips through.
# fails: skips-comments
def read_records(stream):
    for line in stream:
        if not line.strip() or line.startswith("#"):
            continue
        yield line.strip()
