def grep(path, word):
    """Yield (number, line) for each line of the file at `path` that contains `word`."""
    with open(path) as file:
        lines = file.read().splitlines()
    return [(number, line) for number, line in enumerate(lines, 1) if word in line]
