# Collects all items into a list and returns it.
# fails: is-generator
def paginate(fetch_page):
    everything = []
    page = 1
    while True:
        items = fetch_page(page)
        if not items:
            return everything
        everything.extend(items)
        page += 1
