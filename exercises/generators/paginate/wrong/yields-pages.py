# Yields each page as a list instead of its items.
# fails: yields-all-items
def paginate(fetch_page):
    page = 1
    while True:
        items = fetch_page(page)
        if not items:
            return
        yield items
        page += 1
