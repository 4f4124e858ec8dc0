package org.newsroom.editorial.domain;

/** A move the desk refuses because of the story's circumstances (embargoed, withdrawn by its source). */
public class DeskRuleException extends RuntimeException {
    public DeskRuleException(String message) {
        super(message);
    }
}
