def answer():
    """Return the answer."""
    # TODO: the learner's starting point. It must fail at least one check.
