# Closes the connection after the loop and again in finally.
# fails: closes-when-exhausted
def stream_rows(connect, query):
    connection = connect()
    try:
        for row in connection.execute(query):
            yield row
        connection.close()
    finally:
        connection.close()
