# Fixed-length messages: neither send() nor recv() promises to move the whole message,
# so each side loops until it has.
import socket

MSGLEN = 16
msg = b"0123456789abcdef"
sock = socket.create_connection(("127.0.0.1", 9000))

totalsent = 0
while totalsent < MSGLEN:
    sent = sock.send(msg[totalsent:])
    if sent == 0:
        raise RuntimeError("socket connection broken")
    totalsent = totalsent + sent

chunks = []
bytes_recd = 0
while bytes_recd < MSGLEN:
    chunk = sock.recv(min(MSGLEN - bytes_recd, 2048))
    if chunk == b'':
        raise RuntimeError("socket connection broken")
    chunks.append(chunk)
    bytes_recd += len(chunk)
reply = b''.join(chunks)
print("reply:", reply)
sock.close()
