# With a small send buffer, a non-blocking send() to a peer that never reads takes fewer bytes
# than asked; sendall() delivers everything once the other side reads.
import socket

MESSAGE = 1048576

serve sink as sink
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 1)
s.connect(sink)
s.setblocking(False)
sent = s.send(b"x" * MESSAGE)
assert 0 < sent < MESSAGE, sent

# Now a reader of our own: an accepted socket that reads everything.
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(1)
writer = socket.socket()
writer.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 1)
writer.connect(server.getsockname())
reader, _ = server.accept()
writer.setblocking(False)
first = writer.send(b"y" * MESSAGE)
assert first < MESSAGE, first
writer.setblocking(True)
writer.sendall(b"z" * MESSAGE) &
received = 0
while received < first + MESSAGE:
    received += len(reader.recv(65536))
print("reader got", received, "bytes")
