def paginate(fetch_page):
    """Yield every item of pages 1, 2, 3, ... of `fetch_page(page)`, until a page is empty."""
    return fetch_page(1)
