# A connection closed first by the server side leaves the server's port in TIME_WAIT.
# bind() to that port then fails with EADDRINUSE, unless the old and the new socket both set
# SO_REUSEADDR.
import socket

server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(1)
port = server.getsockname()[1]
client = socket.create_connection(("127.0.0.1", port))
conn, _ = server.accept()
conn.close()
client.close()
expect state conn TIME_WAIT
server.close()

again = socket.socket()
again.bind(("127.0.0.1", port))
expect error EADDRINUSE
again.close()

# The second round: the listening socket sets SO_REUSEADDR (its accepted socket inherits it),
# and so does the new socket.
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(1)
port = server.getsockname()[1]
client = socket.create_connection(("127.0.0.1", port))
conn, _ = server.accept()
conn.close()
client.close()
expect state conn TIME_WAIT
server.close()

again = socket.socket()
again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
again.bind(("127.0.0.1", port))
expect ok
