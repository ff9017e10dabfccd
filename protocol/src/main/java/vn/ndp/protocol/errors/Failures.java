package vn.ndp.protocol.errors;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

/** Says what went wrong in a failure, for a person: an error's message, a log line, a command's output. */
public final class Failures {

    /** Deeper than any real cause chain: a chain that loops is cut here. */
    private static final int MAX_DEPTH = 32;
    /** A longer message is a dump of some state, not a sentence. */
    private static final int MAX_MESSAGE = 200;

    private Failures() {
    }

    /**
     * The innermost message of the cause chain, or, where the JDK says nothing ({@code ConnectException: null}
     * around a message-less {@code ClosedChannelException} or {@code UnresolvedAddressException}), what the types
     * mean: "its host name does not resolve" (with the message, if any), "connection refused"; else the innermost
     * cause's type. Never {@code null}, nor "null". A message that only names its cause ({@code new IOException(cause)}
     * says {@code cause.toString()}), dumps an object ({@code HttpConnection@1a2b{...}}) or runs over 200 characters is
     * passed over.
     */
    public static String describe(Throwable failure) {
        String message = null;
        Throwable innermost = failure;
        boolean unresolved = false;
        boolean refused = false;
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            innermost = cause;
            if (readable(cause)) {
                message = cause.getMessage();
            }
            unresolved |= cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException;
            refused |= cause instanceof ConnectException;
        }
        if (unresolved) {
            return "its host name does not resolve" + (message == null ? "" : " (" + message + ")");
        }
        if (message != null) {
            return message;
        }
        return refused ? "connection refused" : innermost.getClass().getSimpleName();
    }

    private static boolean readable(Throwable failure) {
        String message = failure.getMessage();
        return message != null && !message.isBlank() && message.length() <= MAX_MESSAGE && !message.contains("@")
                && (failure.getCause() == null || !message.equals(failure.getCause().toString()));
    }
}
