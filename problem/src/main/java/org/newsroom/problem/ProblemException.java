package org.newsroom.problem;

/** Thrown by a resource or domain rule to refuse a request with a specific problem. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
