# Closes the connection after the loop, which only runs if every row was read without error.
# fails: closes-on-error
def stream_rows(connect, query):
    connection = connect()
    for row in connection.execute(query):
        yield row
    connection.close()
