package org.newsroom.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The one way every API refuses a request for its fields: 400 listing every invalid field at once, so a client fixes
 * them in one round; 413 when the only fault is length, so it can tell "shorten it" from "fix it".
 */
public final class FieldProblems {

    private FieldProblems() {}

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "The request has invalid fields")
                .withErrors(errors));
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    /** Well-formed fields longer than their documented limits. Mixed with other faults, answer {@link #invalid}. */
    public static ProblemException tooLarge(List<Problem.FieldError> errors) {
        return new ProblemException(
                Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "The request has fields above their limits")
                        .withErrors(errors));
    }

    public static Problem.FieldError tooLong(String field, int max) {
        return new Problem.FieldError(field, "must be at most " + max + " characters");
    }
}
