package org.newsroom.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.newsroom.problem.Problem;

/** The answer to a batch partner push (207 Multi-Status): one result per item of the batch, in the batch's order. */
public record BatchPushResponse(List<Result> results) {

    /**
     * What became of the item at {@code index}: {@code status} is what a push of that item alone would have answered
     * (201 created; 200 updated, unchanged or withdrawn; 4xx with its {@code problem}, the item refused and nothing
     * of it stored).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(int index, String uri, int status, String outcome, UUID id, Integer version, Problem problem) {

        static Result refused(int index, String uri, Problem problem) {
            return new Result(index, uri, problem.status(), "refused", null, null, problem);
        }
    }
}
