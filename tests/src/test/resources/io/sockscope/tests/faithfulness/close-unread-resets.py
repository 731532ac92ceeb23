# close() with received bytes still unread makes the kernel send RST instead of FIN: the peer's
# next recv() fails with ECONNRESET. SO_LINGER (on, 0 seconds) then close() aborts the same way.
import socket
import struct

server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(2)

client = socket.create_connection(server.getsockname())
conn, _ = server.accept()
client.sendall(b"never read")
conn.close()
client.recv(1024)
expect error ECONNRESET

lingering = socket.create_connection(server.getsockname())
conn2, _ = server.accept()
lingering.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
lingering.close()
conn2.recv(1024)
expect error ECONNRESET
