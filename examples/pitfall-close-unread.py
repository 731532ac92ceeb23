# Pitfall: closing a socket with unread data resets the connection.
#
# What it teaches: if a program calls close() while bytes it received are still unread in
# the socket's receive queue, Linux does not send FIN: it sends RST and discards them
# (rst_unread_data). The peer's next recv() or send() fails with ConnectionResetError. Read
# what the peer sent before closing, or shutdown(SHUT_WR) first and drain.
#
# Run it:  ./sockscope run examples/pitfall-close-unread.py
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
client = socket.create_connection(srv.getsockname())
conn, _ = srv.accept()

client.sendall(b"a request the server never reads")
conn.close()
expect segment > R.
expect explain rst_unread_data

client.recv(1024)
expect error ConnectionResetError
client.close()
