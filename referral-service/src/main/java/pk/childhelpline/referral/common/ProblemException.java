package pk.childhelpline.referral.common;

import java.util.List;

/** Ends a request with the given problem; the mapper sends it as application/problem+json. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "Not found", detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalid(field + ": " + message, List.of(new Problem.FieldError(field, message))));
    }

    public Problem problem() {
        return problem;
    }
}
