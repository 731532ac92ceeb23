package io.sockscope.tui;

import com.googlecode.lanterna.gui2.TextGUIThread;
import io.sockscope.tui.view.SessionView;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Changes to the view from any thread (records of the session, engine events, kernel
 * snapshots, an entry ending), applied in the order they were posted, on the GUI thread, in
 * batches: one task on Lanterna's queue drains whatever has gathered, then asks for one redraw.
 * Until the GUI is attached, changes wait; after it is detached, they are dropped.
 */
final class ViewQueue {

  private final ConcurrentLinkedQueue<Consumer<SessionView>> pending =
      new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile Target target;
  private volatile boolean detached;

  private record Target(TextGUIThread gui, Runnable wake, SessionView view, Runnable redraw) {}

  /** Applies {@code change} to the view on the GUI thread, after every change posted before. */
  void post(Consumer<SessionView> change) {
    if (detached) {
      return;
    }
    pending.add(change);
    schedule();
  }

  /**
   * From now on changes reach {@code view} on {@code gui}'s thread, which {@code wake} wakes;
   * those waiting go first. Called on the GUI thread.
   */
  void attach(TextGUIThread gui, Runnable wake, SessionView view, Runnable redraw) {
    target = new Target(gui, wake, view, redraw);
    schedule();
  }

  /** From now on changes are dropped (the GUI has stopped). */
  void detach() {
    detached = true;
    pending.clear();
  }

  private void schedule() {
    Target t = target;
    if (t == null || !scheduled.compareAndSet(false, true)) {
      return;
    }
    t.gui().invokeLater(() -> drain(t));
    t.wake().run();
  }

  private void drain(Target t) {
    scheduled.set(false);
    Consumer<SessionView> change;
    boolean any = false;
    while ((change = pending.poll()) != null) {
      change.accept(t.view());
      any = true;
    }
    if (any) {
      t.redraw().run();
    }
  }
}
