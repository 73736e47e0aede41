# Calls next() without a default, so it raises StopIteration when nothing matches.
# fails: first-slow-none
def parse_status(line):
    """'GET /users 200 12ms' -> 200"""
    return int(line.split()[2])


def parse_ms(line):
    """'GET /users 200 12ms' -> 12"""
    return int(line.split()[3].removesuffix("ms"))


def slow_requests(lines, threshold_ms):
    return (line for line in lines if parse_ms(line) >= threshold_ms)


def first_slow(lines, threshold_ms):
    return next(line for line in lines if parse_ms(line) >= threshold_ms)


def has_server_error(lines):
    return any(parse_status(line) >= 500 for line in lines)


def total_ms(lines):
    return sum(parse_ms(line) for line in lines)
