package io.sockscope.shell.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every word the statement language knows, for Tab completion, {@code help}, and the parser's
 * own checks and suggestions: the short-form statements (each with a one-line description and an
 * example), socket methods, {@code socket.} module members, socket options, the error names of
 * {@code expect error}, peer kinds, explanation codes (SPEC §6) and TCP state names.
 */
public final class Vocabulary {

  private static final List<Command> COMMANDS =
      List.of(
          command("socket", "socket NAME [tcp|tcp6]",
              "create a TCP socket: IPv4 (tcp, the default) or IPv6 (tcp6)",
              "socket s", "s = socket.socket()"),
          command("connect", "connect NAME HOST:PORT",
              "connect to HOST:PORT (:PORT is 127.0.0.1:PORT, or a peer's name: connect s echo);"
                  + " returns when the handshake completes",
              "connect s 127.0.0.1:9000", "s.connect((\"127.0.0.1\", 9000))"),
          command("connect_ex", "connect_ex NAME HOST:PORT",
              "connect, returning the errno (0 on success) instead of raising",
              "connect_ex s 127.0.0.1:9000", "s.connect_ex((\"127.0.0.1\", 9000))"),
          command("bind", "bind NAME HOST:PORT",
              "give the socket its local address; port 0 lets the kernel pick",
              "bind server 127.0.0.1:9000", "server.bind((\"127.0.0.1\", 9000))"),
          command("listen", "listen NAME [BACKLOG]",
              "accept connections: the kernel completes handshakes into a queue of BACKLOG",
              "listen server 1", "server.listen(1)"),
          command("accept", "accept NAME [as NEW]",
              "take the next connection from the listen queue, as socket NEW",
              "accept server as conn", "conn, _ = server.accept()"),
          command("send", "send NAME DATA",
              "one send(): may take fewer bytes than given, and returns how many it took",
              "send s \"hello\\n\"", "s.send(b\"hello\\n\")"),
          command("sendall", "sendall NAME DATA",
              "send all of DATA, calling send() until done",
              "sendall s \"x\" * 64k", "s.sendall(b\"x\" * 65536)"),
          command("recv", "recv NAME [N] [--until-eof]",
              "receive up to N bytes (default 1024); b'' means the peer closed; "
                  + "--until-eof reads until it does",
              "recv s 1024", "s.recv(1024)"),
          command("shutdown", "shutdown NAME rd|wr|rdwr",
              "stop receiving, sending (wr sends FIN) or both; the socket stays open",
              "shutdown s wr", "s.shutdown(socket.SHUT_WR)"),
          command("close", "close NAME",
              "close the socket: FIN, or RST when received bytes are still unread",
              "close s", "s.close()"),
          command("opt", "opt NAME OPTION VALUE",
              "set a socket option (setsockopt): reuseaddr 1, nodelay 1, linger 1,0, rcvbuf 64k",
              "opt s reuseaddr 1",
              "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)"),
          command("getopt", "getopt NAME OPTION",
              "read a socket option (getsockopt)",
              "getopt s rcvbuf", "s.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF)"),
          command("timeout", "timeout NAME SECONDS|none",
              "blocking calls give up after SECONDS (settimeout); none waits for ever",
              "timeout s 2", "s.settimeout(2)"),
          command("blocking", "blocking NAME on|off",
              "off: a call that would wait fails with EAGAIN instead (setblocking)",
              "blocking s off", "s.setblocking(False)"),
          command("getsockname", "getsockname NAME", "the socket's local address",
              "getsockname s", "s.getsockname()"),
          command("getpeername", "getpeername NAME", "the address of the connected peer",
              "getpeername s", "s.getpeername()"),
          command("fileno", "fileno NAME", "the socket's file descriptor",
              "fileno s", "s.fileno()"),
          command("sockets", "sockets",
              "table of open sockets: fd, addresses, TCP state, queues, RTT", "sockets", null),
          command("serve", "serve echo|discard|chargen|sink [[HOST:]PORT] [as NAME]",
              "start a built-in peer, on 127.0.0.1 unless HOST says otherwise; "
                  + "no PORT: the kernel picks",
              "serve echo 9000", null),
          command("stop", "stop PEER", "stop a built-in peer, by name or by port",
              "stop echo", null),
          command("peers", "peers", "list the running built-in peers", "peers", null),
          command("jobs", "jobs", "list calls running in the background (a call ending in &)",
              "jobs", null),
          command("sleep", "sleep DURATION", "wait: 0.5 (seconds), 500ms, 2s",
              "sleep 500ms", "time.sleep(0.5)"),
          command("expect",
              "expect ok | error ERRNO | recv DATA | segment [NAME] >|< FLAGS | explain CODE"
                  + " | state [NAME] STATE",
              "check what the statement just before did; a script stops when a check fails",
              "expect error ECONNREFUSED", null),
          command("help", "help [COMMAND]", "list the statements, or show one", "help connect",
              null),
          command("exit", "exit", "close every socket and peer, and leave (also Ctrl-D)",
              "exit", "exit()"),
          command("quit", "quit", "the same as exit", "quit", "quit()"));

  private static final Map<String, String> METHOD_TOPICS =
      Map.of(
          "setsockopt", "opt",
          "getsockopt", "getopt",
          "settimeout", "timeout",
          "setblocking", "blocking");

  private static final List<String> SOCKET_METHODS =
      List.of(
          "accept", "bind", "close", "connect", "connect_ex", "fileno", "getpeername",
          "getsockname", "getsockopt", "listen", "recv", "send", "sendall", "setblocking",
          "setsockopt", "settimeout", "shutdown");

  private static final List<SocketOption> OPTIONS =
      List.of(
          option("SO_REUSEADDR", "SOL_SOCKET", "reuseaddr", SocketOption.ValueKind.FLAG,
              "let bind() take a port still held in TIME_WAIT"),
          option("SO_REUSEPORT", "SOL_SOCKET", "reuseport", SocketOption.ValueKind.FLAG,
              "let several sockets bind the same port"),
          option("SO_LINGER", "SOL_SOCKET", "linger", SocketOption.ValueKind.LINGER,
              "close(): 1,0 resets at once (RST); 1,N waits up to N seconds for unsent data"),
          option("SO_RCVBUF", "SOL_SOCKET", "rcvbuf", SocketOption.ValueKind.INTEGER,
              "receive buffer size in bytes (Linux doubles it)"),
          option("SO_SNDBUF", "SOL_SOCKET", "sndbuf", SocketOption.ValueKind.INTEGER,
              "send buffer size in bytes (Linux doubles it)"),
          option("SO_KEEPALIVE", "SOL_SOCKET", "keepalive", SocketOption.ValueKind.FLAG,
              "probe the peer when the connection is idle"),
          option("TCP_NODELAY", "IPPROTO_TCP", "nodelay", SocketOption.ValueKind.FLAG,
              "send small segments at once, without Nagle's delay"),
          option("TCP_KEEPIDLE", "IPPROTO_TCP", "keepidle", SocketOption.ValueKind.INTEGER,
              "seconds idle before the first keep-alive probe"),
          option("TCP_KEEPINTVL", "IPPROTO_TCP", "keepintvl", SocketOption.ValueKind.INTEGER,
              "seconds between keep-alive probes"),
          option("TCP_KEEPCNT", "IPPROTO_TCP", "keepcnt", SocketOption.ValueKind.INTEGER,
              "unanswered probes before the connection is dropped"),
          option("TCP_QUICKACK", "IPPROTO_TCP", "quickack", SocketOption.ValueKind.FLAG,
              "acknowledge at once instead of delaying ACKs"));

  private static final List<String> EXPLANATION_CODES =
      List.of(
          "handshake", "handshake_before_accept", "connect_refused", "syn_retry", "data",
          "coalesced", "split", "short_send", "short_recv", "eof", "delayed_ack", "nagle_delay",
          "window_full", "zero_window", "zero_window_probe", "window_update", "retransmission",
          "fast_retransmission", "spurious_retransmission", "duplicate_ack", "lost_segment",
          "out_of_order", "keepalive", "fin", "half_close", "rst_unread_data", "rst_abort",
          "rst_closed", "time_wait", "close_wait", "addr_in_use", "reused_ports",
          "loopback_offload");

  private static final List<String> EXPECT_KINDS =
      List.of("ok", "error", "recv", "segment", "explain", "state");

  private static final List<String> PYTHON_KEYWORDS =
      List.of(
          "import", "from", "with", "as", "while", "if", "elif", "else", "for", "in", "try",
          "except", "finally", "raise", "break", "continue", "pass", "del", "assert", "not",
          "and", "or", "is", "None", "True", "False", "print");

  private Vocabulary() {}

  private static Command command(
      String keyword, String usage, String summary, String example, String python) {
    return new Command(keyword, usage, summary, example, Optional.ofNullable(python));
  }

  private static SocketOption option(
      String constant, String level, String alias, SocketOption.ValueKind kind, String summary) {
    return new SocketOption(constant, level, alias, kind, summary);
  }

  /** The short-form statements, in the order {@code help} lists them. */
  public static List<Command> commands() {
    return COMMANDS;
  }

  /** The statement {@code keyword} starts. */
  public static Optional<Command> command(String keyword) {
    return COMMANDS.stream().filter(c -> c.keyword().equals(keyword)).findFirst();
  }

  /**
   * What {@code help TOPIC} shows: a statement keyword, or a socket method, which shows its
   * short form ({@code help setsockopt} shows {@code opt}); ignores case.
   */
  public static Optional<Command> helpTopic(String topic) {
    String key = topic.toLowerCase(Locale.ROOT);
    return command(METHOD_TOPICS.getOrDefault(key, key));
  }

  /** Every word {@code help} takes. */
  public static List<String> helpTopics() {
    Set<String> topics = new TreeSet<>(SOCKET_METHODS);
    COMMANDS.forEach(c -> topics.add(c.keyword()));
    return List.copyOf(topics);
  }

  /** Methods of a socket object ({@code s.}), as the Python form calls them. */
  public static List<String> socketMethods() {
    return SOCKET_METHODS;
  }

  /** Functions of the {@code socket} module sockscope provides. */
  public static List<String> socketFunctions() {
    return List.of("socket", "create_connection");
  }

  /** Constants of the {@code socket} module sockscope knows, option constants included. */
  public static List<String> socketConstants() {
    List<String> constants = new ArrayList<>(List.of(
        "AF_INET", "AF_INET6", "SOCK_STREAM", "SOL_SOCKET", "IPPROTO_TCP",
        "SHUT_RD", "SHUT_WR", "SHUT_RDWR"));
    OPTIONS.forEach(o -> constants.add(o.constant()));
    return List.copyOf(constants);
  }

  /** The socket options, in the engine's order. */
  public static List<SocketOption> options() {
    return OPTIONS;
  }

  /**
   * The option {@code name} means: its constant ({@code SO_REUSEADDR}, also as
   * {@code socket.SO_REUSEADDR}) or its short name ({@code reuseaddr}), ignoring case.
   */
  public static Optional<SocketOption> option(String name) {
    String key = name.startsWith("socket.") ? name.substring("socket.".length()) : name;
    return OPTIONS.stream()
        .filter(o -> o.constant().equalsIgnoreCase(key) || o.alias().equalsIgnoreCase(key))
        .findFirst();
  }

  /** Every spelling {@link #option} takes, constants first. */
  public static List<String> optionNames() {
    List<String> names = new ArrayList<>();
    OPTIONS.forEach(o -> names.add(o.constant()));
    OPTIONS.forEach(o -> names.add(o.alias()));
    return List.copyOf(names);
  }

  /** Errno names {@code expect error} takes. */
  public static List<String> errnoNames() {
    return ErrorNames.ERRNOS;
  }

  /** Python exception names {@code expect error} takes. */
  public static List<String> exceptionNames() {
    return List.copyOf(new TreeSet<>(ErrorNames.EXCEPTIONS.keySet()));
  }

  /** The errnos a Python exception stands for; empty for OSError, which stands for any. */
  public static Optional<Set<String>> errnosOf(String exceptionName) {
    return Optional.ofNullable(ErrorNames.EXCEPTIONS.get(exceptionName));
  }

  /** The words after {@code expect}. */
  public static List<String> expectKinds() {
    return EXPECT_KINDS;
  }

  /** The built-in peer kinds of {@code serve}. */
  public static List<PeerKind> peerKinds() {
    return List.of(PeerKind.values());
  }

  /** The explanation codes of SPEC §6, which {@code expect explain} takes. */
  public static List<String> explanationCodes() {
    return EXPLANATION_CODES;
  }

  /** The TCP states {@code expect state} takes. */
  public static List<TcpState> tcpStates() {
    return List.of(TcpState.values());
  }

  /** The Python keywords (and {@code print}) of the supported subset, for completion. */
  public static List<String> pythonKeywords() {
    return PYTHON_KEYWORDS;
  }
}
