# Closes the connection on an error, but hides the error from the caller.
# fails: error-propagates
def stream_rows(connect, query):
    connection = connect()
    try:
        for row in connection.execute(query):
            yield row
    except ConnectionError:
        pass
    finally:
        connection.close()
