package org.tlsrpthub.core.payload;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A small shared pool of objects that are costly to create and hold native memory, such as
 * {@link java.util.zip.Inflater} and {@link java.util.zip.Deflater}. A thread-local cannot serve
 * here: servers run each request on a new virtual thread, so a thread-local would build a fresh
 * one (tens of microseconds and a few hundred KB of zeroed native memory) for every report.
 */
public final class NativePool<T> {
    private final ArrayBlockingQueue<T> idle;
    private final Supplier<T> create;
    private final Consumer<T> reset;
    private final Consumer<T> release;

    /**
     * @param capacity most idle objects kept; one given back to a full pool is released
     * @param reset    makes a returned object ready for its next user
     * @param release  frees an object that is not kept
     */
    public NativePool(int capacity, Supplier<T> create, Consumer<T> reset, Consumer<T> release) {
        this.idle = new ArrayBlockingQueue<>(capacity);
        this.create = create;
        this.reset = reset;
        this.release = release;
    }

    public T take() {
        T t = idle.poll();
        return t != null ? t : create.get();
    }

    /** Gives {@code t} back; the caller must not use it afterwards. */
    public void give(T t) {
        reset.accept(t);
        if (!idle.offer(t)) release.accept(t);
    }
}
