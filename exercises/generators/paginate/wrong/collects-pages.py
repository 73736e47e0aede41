# Fetches every page into one list first, then yields.
# fails: fetches-on-demand
def paginate(fetch_page):
    everything = []
    page = 1
    while True:
        items = fetch_page(page)
        if not items:
            break
        everything.extend(items)
        page += 1
    yield from everything
