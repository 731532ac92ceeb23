# After listen(1) the kernel completes a client's handshake into the listen queue by itself:
# connect() returns before the server ever calls accept().
import socket

server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(1)

client = socket.socket()
client.connect(server.getsockname())
expect ok
expect state client ESTABLISHED

conn, addr = server.accept()
expect state conn ESTABLISHED
