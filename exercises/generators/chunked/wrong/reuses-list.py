# Empties and reuses one list instead of starting a new one, so every chunk the caller kept is the same list.
# fails: splits-evenly
def chunked(items, size):
    if size < 1:
        raise ValueError("size must be at least 1")
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk.clear()
    if chunk:
        yield chunk
