# Works, but hands the job to contextlib.closing instead of writing __enter__/__exit__.
# fails: own-class
import contextlib


def Closing(resource):
    return contextlib.closing(resource)
