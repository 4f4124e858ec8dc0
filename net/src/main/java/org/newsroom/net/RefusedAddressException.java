package org.newsroom.net;

import java.net.UnknownHostException;

/**
 * A call refused because its host resolves to an address it must not reach. The message never names the address:
 * it ends up in fetch logs and delivery statuses that people other than the operator may read.
 */
public final class RefusedAddressException extends UnknownHostException {
    /** Why, for a caller that says "refused" itself (a problem body on registration). */
    public static final String REASON = "internal address";

    public static final String MESSAGE = "refused: " + REASON;

    RefusedAddressException() {
        super(MESSAGE);
    }
}
