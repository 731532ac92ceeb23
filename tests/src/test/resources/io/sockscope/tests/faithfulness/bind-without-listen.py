# bind() without listen(): nothing accepts connections on the port, so a client's connect()
# is refused (the kernel answers its SYN with RST).
import socket

server = socket.socket()
server.bind(("127.0.0.1", 0))
address = server.getsockname()

client = socket.socket()
client.connect(address)
expect error ECONNREFUSED
