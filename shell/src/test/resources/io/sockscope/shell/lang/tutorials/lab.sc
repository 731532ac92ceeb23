# A refused connection, then an echo round trip and an abortive close, in the short form.
serve echo 9000
socket c
connect c :9001
expect error ECONNREFUSED
socket s tcp
connect s 127.0.0.1:9000
expect segment s > S
send s "hi\n"
recv s 1024
expect recv b"hi\n"
opt s linger 1,0
close s
expect explain rst_abort
stop echo
