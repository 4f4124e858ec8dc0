package org.newsroom.editorial.api;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import org.newsroom.problem.Problem;
import org.newsroom.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP: a representation's ETag is its aggregate's version ({@code "7"}); a write
 * names the version it was based on in {@code If-Match}.
 */
final class ETags {
    private ETags() {}

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    static String header(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} names; 428 if there is none, 400 if it is not one of our ETags. */
    static long required(String ifMatch) {
        Long version = optional(ifMatch);
        if (version == null) {
            throw new ProblemException(Problem.of(
                    428,
                    "Precondition Required",
                    "Send the ETag you read in If-Match, so that no one else's change is overwritten"));
        }
        return version;
    }

    /** The version an {@code If-Match} names, or null without one. */
    static Long optional(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.equals("*")) {
            throw new ProblemException(Problem.of(
                    428, "Precondition Required", "If-Match: * is not accepted here; send the ETag you read"));
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.of(
                    Response.Status.PRECONDITION_FAILED,
                    "If-Match " + ifMatch + " is not an ETag of this resource; reload it"));
        }
    }
}
