# Collects the parsed records in a list before filtering them.
# fails: pipeline-is-lazy
def parse(lines):
    """Yield a dict for each well-formed 'METHOD PATH STATUS DURATIONms' line; skip the rest."""
    for line in lines:
        fields = line.split()
        if len(fields) != 4:
            continue
        method, path, status, duration = fields
        yield {"method": method, "path": path, "status": int(status), "ms": int(duration.removesuffix("ms"))}


def server_errors(records):
    """Yield only the records with a 5xx status."""
    for record in records:
        if record["status"] >= 500:
            yield record


def describe(records):
    """Yield one report line per record, like '503 POST /orders (2300ms)'."""
    for record in records:
        yield f"{record['status']} {record['method']} {record['path']} ({record['ms']}ms)"


def error_report(lines):
    """Chain the stages: parse -> server_errors -> describe."""
    records = list(parse(lines))
    return describe(server_errors(records))
