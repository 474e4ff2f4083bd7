package org.georisk.notification.service;

import org.georisk.contracts.FieldError;
import org.georisk.contracts.Problem;

import java.util.List;

/** A refusal the REST layer answers as application/problem+json. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(Problem.invalid("The subscription has " + errors.size()
                + (errors.size() == 1 ? " invalid field." : " invalid fields."), errors));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "Not Found", detail));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "Unauthorized", detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "Forbidden", detail));
    }
}
