# An echo round trip, a refused connection and an abortive close, in both spellings.
serve echo as echo
s = socket.socket()
s.connect(echo)
s.sendall(b"ping\n")
reply = s.recv(1024)
expect recv b"ping\n"
print("reply:", reply)
server = socket.socket()
server.bind(("127.0.0.1", 0))
socket c
c.connect(server.getsockname())
expect error ConnectionRefusedError
opt s linger 1,0
close s
expect state s CLOSE
try:
    s.send(b"late")
except OSError as e:
    print("after close:", e)
