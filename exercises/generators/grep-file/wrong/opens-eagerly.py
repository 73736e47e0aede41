# Opens the file when grep() is called, before anyone asks for a line (and then hands back a
# generator).
# fails: opens-lazily
def grep(path, word):
    file = open(path)

    def lines():
        with file:
            for number, line in enumerate(file, 1):
                line = line.rstrip("\n")
                if word in line:
                    yield number, line

    return lines()
