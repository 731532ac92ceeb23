/**
 * The bottom of the engine: libc through java.lang.foreign (Linux x86-64 and arm64), sockets in
 * Python's three timeout modes, and the poller thread every wait goes through. Makes no events.
 */
package io.sockscope.engine.posix;
