# Numbers the lines from 0.
# fails: finds-lines
def grep(path, word):
    with open(path) as file:
        for number, line in enumerate(file):
            line = line.rstrip("\n")
            if word in line:
                yield number, line
