def chunked(items, size):
    """Yield lists of `size` consecutive items from `items`; the last may be shorter."""
    if size < 1:
        raise ValueError(f"size must be at least 1, got {size}")
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
