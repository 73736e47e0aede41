# A plausible mistake; the line below names the check that must catch it.
# fails: returns-answer
def answer():
    """Return the answer."""
    return "42"
