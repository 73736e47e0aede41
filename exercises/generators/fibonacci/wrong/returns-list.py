# Builds a list of the first numbers instead of producing them on demand.
# fails: is-generator
def fibonacci():
    numbers = [0, 1]
    while len(numbers) < 50:
        numbers.append(numbers[-1] + numbers[-2])
    return numbers
