# Pitfall: restarting a server fails with "Address already in use".
#
# What it teaches: the side that closes a connection first keeps it in TIME_WAIT for 60 s.
# When that is the server, its port stays held, and bind() to it fails with EADDRINUSE
# (addr_in_use) until TIME_WAIT ends. SO_REUSEADDR lets bind() succeed anyway, but on Linux
# only when both the old socket and the new one set it before bind().
#
# Run it:  ./sockscope run examples/pitfall-time-wait-reuseaddr.py
import socket

server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(1)
port = server.getsockname()[1]
client = socket.create_connection(("127.0.0.1", port))
conn, _ = server.accept()
conn.close()                    # the server closes first...
client.close()
expect state conn TIME_WAIT     # ...so its side of the connection waits in TIME_WAIT
server.close()

again = socket.socket()
again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
again.bind(("127.0.0.1", port))
expect error EADDRINUSE         # the old socket had not set SO_REUSEADDR
expect explain addr_in_use
again.close()

# The fix: every server socket sets SO_REUSEADDR before bind() (accepted sockets inherit it).
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

restarted = socket.socket()
restarted.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
restarted.bind(("127.0.0.1", port))
expect ok
restarted.listen(1)
print("restarted on port", port, "while the old connection is still in TIME_WAIT")
