package org.tlsrpthub.hub.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** The lines one class logs while a test runs, as the operator would read them. */
public final class LogLines extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger;
    private final Level levelBefore;

    /** Captures from INFO up, whatever level the test configuration sets. */
    public LogLines(Class<?> of) {
        logger = (Logger) LoggerFactory.getLogger(of);
        levelBefore = logger.getLevel();
        logger.setLevel(Level.INFO);
        start();
        logger.addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent e) {
        lines.add(e.getFormattedMessage());
    }

    public boolean any(String fragment) {
        return lines.stream().anyMatch(l -> l.contains(fragment));
    }

    public List<String> all() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        logger.setLevel(levelBefore);
        stop();
    }
}
