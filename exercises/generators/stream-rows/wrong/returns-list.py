# Plays it safe by reading every row into a list before closing: not a stream at all.
# fails: is-generator
def stream_rows(connect, query):
    connection = connect()
    try:
        return list(connection.execute(query))
    finally:
        connection.close()
