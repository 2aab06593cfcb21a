package pk.childhelpline.notification.events;

/** An event that can never be processed (unknown type, newer version, missing field); it goes to the DLQ. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
