# Yields the cursor itself instead of the rows it produces.
# fails: yields-rows
def stream_rows(connect, query):
    connection = connect()
    try:
        yield connection.execute(query)
    finally:
        connection.close()
