def paginate(fetch_page):
    """Yield every item of pages 1, 2, 3, ... of `fetch_page(page)`, until a page is empty."""
    page = 1
    while True:
        items = fetch_page(page)
        if not items:
            return
        yield from items
        page += 1
