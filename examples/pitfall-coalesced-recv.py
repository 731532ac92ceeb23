# Pitfall: one recv() returns two messages.
#
# What it teaches: TCP is a stream of bytes and keeps no message boundaries. The client sends
# "hello " and "world" with two send() calls (two segments, TCP_NODELAY makes sure), and the
# server's single recv() returns both at once (coalesced). A protocol must mark where each
# message ends (a length prefix or a delimiter) and the reader must split what recv() returns.
#
# Run it:  ./sockscope run examples/pitfall-coalesced-recv.py
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
client = socket.create_connection(srv.getsockname())
client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
conn, _ = srv.accept()

client.send(b"hello ")
client.send(b"world")
data = conn.recv(1024)
expect recv b"hello world"
expect explain coalesced
print("one recv() got", data)

client.close()
conn.close()
srv.close()
