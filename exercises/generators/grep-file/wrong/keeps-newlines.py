# Yields the lines with their line breaks.
# fails: finds-lines
def grep(path, word):
    with open(path) as file:
        for number, line in enumerate(file, 1):
            if word in line:
                yield number, line
