# Forgets to move on to the next page number.
# fails: yields-all-items
def paginate(fetch_page):
    page = 1
    while True:
        items = fetch_page(page)
        if not items:
            return
        yield from items
