# Reading until done: the reply has no length, so the client reads until the server closes.
#
# What it teaches: recv() returns whatever has arrived, never "the message"; it returns b''
# only once the peer has closed its side (its FIN), and that is how a reader knows it has it
# all. shutdown(SHUT_WR) sends our FIN ("no more requests") while we keep reading; the echo
# server answers, sees our FIN and closes.
#
# Run it:  ./sockscope run examples/02-read-until-done.py
import socket

serve echo as echo

s = socket.socket()
s.connect(echo)
s.sendall(b"line one\nline two\nline three\n")
s.shutdown(socket.SHUT_WR)
expect segment > F.
expect explain fin

chunks = []
while True:
    chunk = s.recv(4)           # a small buffer: the reply comes back in pieces
    if not chunk:
        break
    chunks.append(chunk)
expect explain eof

reply = b"".join(chunks)
print(len(chunks), "recv() calls;", len(reply), "bytes:", reply)
s.close()
