package org.newsroom.editorial.domain;

import java.time.Instant;

/** An approval that would let an embargoed story out before its embargo lifts. */
public class EmbargoException extends DeskRuleException {
    private final transient Instant embargoedUntil;

    public EmbargoException(Instant embargoedUntil, Instant publishAt) {
        super((publishAt == null
                        ? "The story is embargoed until " + embargoedUntil
                        : "publishAt " + publishAt + " is before the story's embargo (" + embargoedUntil + ")")
                + "; schedule its publication at or after the embargo: approve with {\"publishAt\": \""
                + embargoedUntil + "\"} or later");
        this.embargoedUntil = embargoedUntil;
    }

    public Instant embargoedUntil() {
        return embargoedUntil;
    }
}
