# Catches GeneratorExit to log it, then carries on to the next row.
# fails: close-is-clean
def stream_rows(connect, query):
    connection = connect()
    try:
        for row in connection.execute(query):
            try:
                yield row
            except GeneratorExit:
                print("consumer stopped early")
    finally:
        connection.close()
