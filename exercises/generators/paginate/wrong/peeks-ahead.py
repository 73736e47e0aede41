# Fetches the next page before yielding the current one, to know if it is the last.
# fails: fetches-on-demand
def paginate(fetch_page):
    page = 1
    items = fetch_page(page)
    while items:
        following = fetch_page(page + 1)
        yield from items
        items = following
        page += 1
