# Closes on errors and at the end, but `except Exception` does not catch GeneratorExit.
# fails: closes-on-early-close
def stream_rows(connect, query):
    connection = connect()
    try:
        for row in connection.execute(query):
            yield row
    except Exception:
        connection.close()
        raise
    connection.close()
