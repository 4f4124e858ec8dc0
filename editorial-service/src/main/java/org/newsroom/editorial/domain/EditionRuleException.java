package org.newsroom.editorial.domain;

import java.util.List;

/** An edition that breaks the desk's rules (its stories must exist and be approved or published). */
public class EditionRuleException extends RuntimeException {
    /** A broken rule: the field and what is wrong with it. */
    public record Violation(String field, String message) {}

    private final transient List<Violation> violations;

    public EditionRuleException(List<Violation> violations) {
        super("The edition breaks the desk's rules");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
