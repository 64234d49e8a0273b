package io.ticketflow.topology.ai;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler on virtual time, for tests: nothing runs until the test calls {@link #runDue()} or {@link #advance}, and
 * then every task runs on the test's thread at its virtual time, in order. Its clock ({@link #nanoTime()}) is what the
 * guards and simulated models under test read, so budgets, backoffs, timeouts and latencies take no real time and
 * every run is the same.
 *
 * <p>Not thread-safe: one test thread drives it.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    /** Virtual time starts here rather than at 0, as {@code System.nanoTime()} does on a running machine. */
    private static final long START_NANOS = TimeUnit.SECONDS.toNanos(1_000);

    private final PriorityQueue<Task<?>> tasks = new PriorityQueue<>();
    private long now = START_NANOS;
    private long scheduled;
    private boolean shutdown;

    /** The virtual monotonic clock, in nanoseconds. */
    public long nanoTime() {
        return now;
    }

    /** Virtual time since the scheduler was made. */
    public Duration elapsed() {
        return Duration.ofNanos(now - START_NANOS);
    }

    /** Runs every task due now, and those they make due now. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Moves the clock forward by {@code duration}, running every task that falls due on the way, at its time. */
    public void advance(Duration duration) {
        long until = now + duration.toNanos();
        while (!tasks.isEmpty() && tasks.peek().at <= until) {
            Task<?> task = tasks.poll();
            now = Math.max(now, task.at);
            task.run();
        }
        now = until;
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return schedule(Executors.callable(command), delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return add(new Task<>(callable, now + Math.max(0, unit.toNanos(delay)), 0));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return add(new Task<>(Executors.callable(command), now + unit.toNanos(initialDelay), unit.toNanos(period)));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        // Tasks take no virtual time, so a fixed delay after the end is a fixed rate.
        return scheduleAtFixedRate(command, initialDelay, delay, unit);
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> never = new ArrayList<>(tasks);
        tasks.clear();
        return never;
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown && tasks.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    private <V> Task<V> add(Task<V> task) {
        if (shutdown) {
            throw new RejectedExecutionException("scheduler shut down");
        }
        tasks.add(task);
        return task;
    }

    private final class Task<V> extends FutureTask<V> implements RunnableScheduledFuture<V> {
        private final long sequence = scheduled++;
        private final long period;
        private long at;

        Task(Callable<V> callable, long at, long period) {
            super(callable);
            this.at = at;
            this.period = period;
        }

        @Override
        public boolean isPeriodic() {
            return period > 0;
        }

        @Override
        public void run() {
            if (!isPeriodic()) {
                super.run();
            } else if (runAndReset()) {
                at += period;
                tasks.add(this);
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            tasks.remove(this);
            return super.cancel(mayInterruptIfRunning);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(at - now, TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Task<?> that = (Task<?>) other;
            int byTime = Long.compare(at, that.at);
            return byTime != 0 ? byTime : Long.compare(sequence, that.sequence);
        }
    }
}
