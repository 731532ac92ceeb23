package io.sockscope.tui;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.Endpoint;
import io.sockscope.engine.Engine;
import io.sockscope.engine.EngineEvent;
import io.sockscope.engine.EngineListener;
import io.sockscope.engine.Op;
import io.sockscope.engine.Sock;
import io.sockscope.engine.kernel.KernelView;
import io.sockscope.engine.kernel.ProcNetTcp;
import io.sockscope.engine.kernel.ProcTcpEntry;
import io.sockscope.engine.kernel.TcpState;
import io.sockscope.shell.run.CaptureCount;
import io.sockscope.tui.view.SocketLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps the sockets pane live: {@link #PERIOD} apart it reads the kernel's view of every open
 * socket of the session (TCP_INFO and the queues) and looks up in /proc/net/tcp the connections
 * of sockets closed since, which the kernel may still hold (FIN_WAIT2, TIME_WAIT), and posts the
 * snapshot, capture's counts so far (for the status bar) and the time (for running calls'
 * clocks) to the view. One virtual thread; {@link #stop} stops and joins it.
 */
final class KernelWatch {

  static final Duration PERIOD = Duration.ofMillis(250);

  private record Closed(String name, Endpoint local, Endpoint remote) {}

  private final Engine engine;
  private final Supplier<List<CaptureCount>> counts;
  private final ViewQueue queue;
  private final Map<String, Closed> closed = new ConcurrentHashMap<>();
  private final Thread thread;
  private final EngineListener listener = this::note;

  KernelWatch(Engine engine, Supplier<List<CaptureCount>> counts, ViewQueue queue) {
    this.engine = engine;
    this.counts = counts;
    this.queue = queue;
    engine.addListener(listener);
    this.thread = Thread.ofVirtual().name("sockscope-kernel-watch").unstarted(this::loop);
  }

  void start() {
    thread.start();
  }

  private void note(EngineEvent event) {
    if (event instanceof CallEvent c && c.op() == Op.CLOSE && c.local().isPresent()
        && c.remote().isPresent()) {
      closed.put(c.local().get() + "|" + c.remote().get(), new Closed(c.socket(),
          c.local().get(), c.remote().get()));
    }
  }

  private void loop() {
    while (!Thread.currentThread().isInterrupted()) {
      List<SocketLine> now;
      List<CaptureCount> captured;
      try {
        now = snapshot();
        captured = counts.get();
      } catch (RuntimeException e) {
        queue.post(view -> view.message("the sockets pane stopped following the kernel: " + e));
        return;
      }
      long micros = System.currentTimeMillis() * 1000;
      queue.post(view -> {
        view.sockets(now);
        view.captureCounts(captured);
        view.tick(micros);
      });
      try {
        Thread.sleep(PERIOD);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Every open socket's view, then the closed ones the kernel still holds. */
  List<SocketLine> snapshot() {
    List<SocketLine> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Sock s : engine.sockets()) {
      Optional<KernelView> view = s.kernelView();
      if (view.isEmpty()) {
        continue;
      }
      KernelView v = view.get();
      boolean connection = v.state() != TcpState.LISTEN && v.state() != TcpState.CLOSE
          && v.state() != TcpState.BOUND_INACTIVE && v.rttMicros() > 0;
      out.add(new SocketLine(s.name(), s.lastLocal().map(Endpoint::toString),
          s.lastRemote().map(Endpoint::toString), name(v.state()), v.sendQueueBytes(),
          v.receiveQueueBytes(), connection ? OptionalLong.of(v.rttMicros())
              : OptionalLong.empty(), true, Optional.empty()));
      names.add(s.name());
    }
    if (closed.isEmpty()) {
      return out;
    }
    List<ProcTcpEntry> table = ProcNetTcp.read();
    for (var entry : closed.entrySet()) {
      Closed c = entry.getValue();
      Optional<ProcTcpEntry> held = table.stream().filter(e -> e.local().equals(c.local())
          && e.remote().equals(c.remote())).findFirst();
      if (held.isEmpty() || held.get().state() == TcpState.CLOSE) {
        closed.remove(entry.getKey());
        continue;
      }
      ProcTcpEntry e = held.get();
      String name = names.add(c.name()) ? c.name() : c.name() + " (closed)";
      out.add(new SocketLine(name, Optional.of(c.local().toString()),
          Optional.of(c.remote().toString()), name(e.state()), e.sendQueueBytes(),
          e.receiveQueueBytes(), OptionalLong.empty(), false,
          e.timer() == ProcTcpEntry.Timer.NONE ? Optional.empty()
              : Optional.of(e.timerRemaining())));
    }
    return out;
  }

  /** The kernel's name for a state, as {@code ss} and /proc show it. */
  private static String name(TcpState state) {
    return switch (state) {
      case BOUND_INACTIVE -> "CLOSE";
      case NEW_SYN_RECV -> "SYN_RECV";
      default -> state.name();
    };
  }

  /** Stops the thread and waits for it. */
  void stop() throws InterruptedException {
    engine.removeListener(listener);
    thread.interrupt();
    thread.join();
  }
}
