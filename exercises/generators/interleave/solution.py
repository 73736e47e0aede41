from collections import deque


def interleave(*iterables):
    """Yield one item from each iterable in turn, skipping the ones that have run out."""
    queue = deque(iter(iterable) for iterable in iterables)
    while queue:
        iterator = queue.popleft()
        try:
            item = next(iterator)
        except StopIteration:
            continue
        yield item
        queue.append(iterator)
