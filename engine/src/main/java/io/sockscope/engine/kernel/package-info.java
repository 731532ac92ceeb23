/**
 * What the Linux kernel knows about a socket: TCP_INFO and the queue ioctls for an open fd, and
 * /proc/net/tcp{,6} for connections no fd reaches any more (TIME_WAIT and its timer).
 */
package io.sockscope.engine.kernel;
