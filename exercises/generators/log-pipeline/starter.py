def parse(lines):
    """Yield a dict for each well-formed 'METHOD PATH STATUS DURATIONms' line; skip the rest."""
    return []


def server_errors(records):
    """Yield only the records with a 5xx status."""
    return []


def describe(records):
    """Yield one report line per record, like '503 POST /orders (2300ms)'."""
    return []


def error_report(lines):
    """Chain the stages: parse -> server_errors -> describe."""
    return []
