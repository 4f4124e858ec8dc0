package org.newsroom.net;

import java.net.UnknownHostException;

/**
 * A call refused because its host resolves to an address it must not reach. The message never names the address:
 * it ends up in fetch logs and delivery statuses that people other than the operator may read.
 */
public final class RefusedAddressException extends UnknownHostException {
    public static final String MESSAGE = "refused: internal address";

    RefusedAddressException() {
        super(MESSAGE);
    }
}
