# shutdown(SHUT_WR) sends FIN: the peer reads EOF (b''), and this side can still receive.
import socket

server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(1)
client = socket.create_connection(server.getsockname())
conn, _ = server.accept()

client.sendall(b"request")
client.shutdown(socket.SHUT_WR)
conn.recv(1024)
expect recv b"request"
conn.recv(1024)
expect recv b""
conn.sendall(b"reply after EOF")
client.recv(1024)
expect recv b"reply after EOF"
