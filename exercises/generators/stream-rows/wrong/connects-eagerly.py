# Connects as soon as stream_rows() is called, then returns an inner generator.
# fails: connects-lazily
def stream_rows(connect, query):
    connection = connect()

    def rows():
        try:
            yield from connection.execute(query)
        finally:
            connection.close()

    return rows()
