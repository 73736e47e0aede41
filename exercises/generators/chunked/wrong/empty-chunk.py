# fails: no-empty-chunk
def chunked(items, size):
    if size < 1:
        raise ValueError("size must be at least 1")
    chunk = []
    for item in items:
        if len(chunk) == size:
            yield chunk
            chunk = []
        chunk.append(item)
    yield chunk
