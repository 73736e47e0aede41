# Waits for the API to return None, but it returns an empty list: the loop never ends.
# fails: stops-at-empty-page
def paginate(fetch_page):
    page = 1
    while True:
        items = fetch_page(page)
        if items is None:
            return
        yield from items
        page += 1
