# A generator, but it reads the whole file before yielding the first match.
# fails: reads-line-by-line
def grep(path, word):
    with open(path) as file:
        lines = file.readlines()
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\n")
        if word in line:
            yield number, line
