# Opens the file without `with`: it stays open when the caller stops early.
# fails: closes-when-stopped-early
def grep(path, word):
    file = open(path)
    for number, line in enumerate(file, 1):
        line = line.rstrip("\n")
        if word in line:
            yield number, line
    file.close()
