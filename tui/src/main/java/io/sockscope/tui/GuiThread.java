package io.sockscope.tui;

import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Lanterna's GUI thread, run by hand: a platform thread builds the GUI (so that it is the GUI's
 * thread) and then, until stopped, reads the keys, runs the tasks posted with {@code invokeLater}
 * and redraws what changed. When there is nothing to do it parks for {@link #IDLE_NANOS}, or
 * until {@link #wake} says a task was posted, so records reach the screen at once.
 *
 * <p>Lanterna's own {@code SeparateTextGUIThread} is not used: its {@code start()} starts the
 * thread before it marks itself started, and a thread that looks first ends at once, leaving a
 * screen that never changes again.
 */
final class GuiThread {

  static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private final Thread thread;
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile MultiWindowTextGUI gui;

  /**
   * @param setup  builds the GUI, on the new thread
   * @param ended  told, on the GUI thread, that the terminal's input has ended
   * @param failed told, on the GUI thread, of anything that went wrong; the thread then ends
   */
  GuiThread(Callable<MultiWindowTextGUI> setup, Runnable ended, Consumer<Throwable> failed) {
    thread = Thread.ofPlatform().name("sockscope-gui").unstarted(() -> {
      try {
        gui = setup.call();
      } catch (Exception | Error e) {
        started.countDown();
        failed.accept(e);
        return;
      }
      started.countDown();
      loop(ended, failed);
    });
  }

  /** Starts the thread and waits until the GUI is built (or failed to be). */
  void start() throws InterruptedException {
    thread.start();
    started.await();
  }

  private void loop(Runnable ended, Consumer<Throwable> failed) {
    while (running) {
      try {
        if (!gui.getGUIThread().processEventsAndUpdate()) {
          LockSupport.parkNanos(IDLE_NANOS);
        }
      } catch (EOFException e) {
        ended.run();
        return;
      } catch (IOException | RuntimeException | StackOverflowError e) {
        failed.accept(e);
        return;
      }
    }
  }

  /** Ends the park early: a task was posted. */
  void wake() {
    LockSupport.unpark(thread);
  }

  /** Stops the loop and waits for the thread to end; does not wait for itself. */
  void stop() throws InterruptedException {
    running = false;
    wake();
    if (Thread.currentThread() != thread) {
      thread.join();
    }
  }
}
