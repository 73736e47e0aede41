def grep(path, word):
    """Yield (number, line) for each line of the file at `path` that contains `word`."""
    with open(path) as file:
        for number, line in enumerate(file, 1):
            line = line.rstrip("\n")
            if word in line:
                yield number, line
