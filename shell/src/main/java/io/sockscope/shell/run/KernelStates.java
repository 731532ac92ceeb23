package io.sockscope.shell.run;

import io.sockscope.engine.kernel.KernelState;
import io.sockscope.engine.kernel.KernelView;
import io.sockscope.engine.kernel.ProcNetTcp;
import io.sockscope.engine.kernel.ProcTcpEntry;
import io.sockscope.engine.kernel.TcpState;
import java.util.Optional;
import java.util.OptionalLong;

/** The kernel's view of a socket as a {@link TranscriptRecord.State}, open or closed. */
final class KernelStates {

  private KernelStates() {}

  static TranscriptRecord.State of(SocketValue socket) {
    return switch (socket.sock().kernelState()) {
      case KernelState.Open open when open.view().state() == TcpState.CLOSE
          && socket.sock().lastLocal().isPresent() && socket.sock().lastRemote().isPresent() ->
          lingeringOpen(socket, open.view());
      case KernelState.Open open -> open(socket.name(), open.view());
      case KernelState.Lingering lingering -> closed(socket.name(), lingering.entry());
      case KernelState.Gone gone -> new TranscriptRecord.State(socket.name(), "CLOSE", 0, 0,
          OptionalLong.empty(), false, Optional.empty());
    };
  }

  private static TranscriptRecord.State open(String name, KernelView view) {
    boolean connection = view.state() != TcpState.LISTEN && view.state() != TcpState.CLOSE
        && view.state() != TcpState.BOUND_INACTIVE && view.rttMicros() > 0;
    return new TranscriptRecord.State(name, name(view.state()), view.sendQueueBytes(),
        view.receiveQueueBytes(), connection ? OptionalLong.of(view.rttMicros())
            : OptionalLong.empty(), true, Optional.empty());
  }

  /**
   * An open fd whose connection ended: once both FINs were exchanged Linux moves the connection
   * to a TIME_WAIT entry of its own and the socket reads CLOSE, so the connection is looked up
   * by its last 4-tuple.
   */
  private static TranscriptRecord.State lingeringOpen(SocketValue socket, KernelView view) {
    return ProcNetTcp.find(socket.sock().lastLocal().get(), socket.sock().lastRemote().get())
        .filter(entry -> entry.state() != TcpState.CLOSE)
        .map(entry -> new TranscriptRecord.State(socket.name(), name(entry.state()),
            entry.sendQueueBytes(), entry.receiveQueueBytes(), OptionalLong.empty(), true,
            entry.timer() == ProcTcpEntry.Timer.NONE ? Optional.empty()
                : Optional.of(entry.timerRemaining())))
        .orElseGet(() -> open(socket.name(), view));
  }

  private static TranscriptRecord.State closed(String name, ProcTcpEntry entry) {
    return new TranscriptRecord.State(name, name(entry.state()), entry.sendQueueBytes(),
        entry.receiveQueueBytes(), OptionalLong.empty(), false,
        entry.timer() == ProcTcpEntry.Timer.NONE ? Optional.empty()
            : Optional.of(entry.timerRemaining()));
  }

  /** The kernel's name for a state, as {@code ss} and /proc show it. */
  static String name(TcpState state) {
    return switch (state) {
      case BOUND_INACTIVE -> "CLOSE";
      case NEW_SYN_RECV -> "SYN_RECV";
      default -> state.name();
    };
  }
}
