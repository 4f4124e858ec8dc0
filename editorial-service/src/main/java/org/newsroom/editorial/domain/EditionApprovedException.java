package org.newsroom.editorial.domain;

/** An approved edition is frozen: it can be neither edited nor approved again. */
public class EditionApprovedException extends RuntimeException {
    public EditionApprovedException(Edition edition) {
        super("Edition " + edition.id + " was approved by " + edition.approvedBy + " and can no longer change");
    }
}
