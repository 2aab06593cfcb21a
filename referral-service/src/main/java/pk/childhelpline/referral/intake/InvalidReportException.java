package pk.childhelpline.referral.intake;

import java.util.List;

import pk.childhelpline.referral.common.Problem.FieldError;

/** A report payload that routing cannot read, with each invalid field. */
public class InvalidReportException extends Exception {

    private final transient List<FieldError> errors;

    public InvalidReportException(List<FieldError> errors) {
        super(errors.stream().map(error -> error.field() + " " + error.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid report"), null, false, false);
        this.errors = errors;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
