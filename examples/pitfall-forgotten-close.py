# Pitfall: forgetting close() on an accepted socket leaves it in CLOSE_WAIT.
#
# What it teaches: when the client closes, the server's socket gets FIN and moves to
# CLOSE_WAIT; the client's waits in FIN_WAIT2 for the server's FIN. Until the server calls
# close(), nothing more happens: CLOSE_WAIT never times out, and each forgotten socket keeps a
# file descriptor. recv() returning b'' is the cue to close.
#
# Run it:  ./sockscope run examples/pitfall-forgotten-close.py
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
client = socket.create_connection(srv.getsockname())
conn, _ = srv.accept()

client.close()
expect explain close_wait
expect state conn CLOSE_WAIT
expect state client FIN_WAIT2

data = conn.recv(1024)
expect recv b""
expect explain eof
# ...and the server never calls conn.close():
sockets
