# Counts pages from 0, like list indexes.
# fails: starts-at-page-1
def paginate(fetch_page):
    page = 0
    while True:
        items = fetch_page(page)
        if not items:
            return
        yield from items
        page += 1
