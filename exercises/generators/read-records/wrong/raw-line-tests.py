# Tests the raw line: misses whitespace-only lines and indented comments.
# fails: skips-blank-lines
def read_records(stream):
    for line in stream:
        if line == "\n" or line.startswith("#"):
            continue
        yield line.strip()
