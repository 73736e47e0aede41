# Opens the file without `with` and never closes it.
# fails: closes-when-done
def grep(path, word):
    file = open(path)
    for number, line in enumerate(file, 1):
        line = line.rstrip("\n")
        if word in line:
            yield number, line
