# Lazy, but with filter()/map() and lambdas instead of generator expressions.
# fails: uses-generator-expressions
def parse_status(line):
    """'GET /users 200 12ms' -> 200"""
    return int(line.split()[2])


def parse_ms(line):
    """'GET /users 200 12ms' -> 12"""
    return int(line.split()[3].removesuffix("ms"))


def slow_requests(lines, threshold_ms):
    return filter(lambda line: parse_ms(line) >= threshold_ms, lines)


def first_slow(lines, threshold_ms):
    return next(slow_requests(lines, threshold_ms), None)


def has_server_error(lines):
    return any(map(lambda line: parse_status(line) >= 500, lines))


def total_ms(lines):
    return sum(map(parse_ms, lines))
