package org.openpartner.platform.api;

/**
 * A failure the caller can act on. The REST layer turns it into {@code {code, message, field?, line?}} with
 * {@link #status()}; the console prints its message. Never carries another tenant's data or a stack trace.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String field;
    private final Integer line;

    public ApiException(int status, String code, String message, String field, Integer line) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.line = line;
    }

    public static ApiException badRequest(String code, String message, String field) {
        return new ApiException(400, code, message, field, null);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message, null, null);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message, null, null);
    }

    /** Forbidden for a reason the caller can tell apart by {@code code} (for example {@code app_not_enabled}). */
    public static ApiException forbidden(String code, String message, String field) {
        return new ApiException(403, code, message, field, null);
    }

    /** The thing existed but is gone for good (an expired or revoked code). */
    public static ApiException gone(String code, String message, String field) {
        return new ApiException(410, code, message, field, null);
    }

    /** The record does not exist or the caller may not see it: the two are never told apart. */
    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " not found", null, null);
    }

    /** Not found, with a code that tells what was not found (for example a wrong invitation code). */
    public static ApiException notFound(String code, String message, String field) {
        return new ApiException(404, code, message, field, null);
    }

    public static ApiException conflict(String code, String message, String field) {
        return new ApiException(409, code, message, field, null);
    }

    public static ApiException unprocessable(String code, String message, String field) {
        return new ApiException(422, code, message, field, null);
    }

    public static ApiException tooManyRequests(String message) {
        return new ApiException(429, "too_many_requests", message, null, null);
    }

    /** One line for consoles and logs: message, then the field or line it concerns. */
    public String describe() {
        StringBuilder text = new StringBuilder(getMessage());
        if (field != null) {
            text.append(" (field ").append(field).append(')');
        }
        if (line != null) {
            text.append(" (line ").append(line).append(')');
        }
        return text.append(" [").append(code).append(", ").append(status).append(']').toString();
    }

    /**
     * Runs a console command's work; a refusal becomes the {@link IllegalArgumentException} whose message Karaf
     * prints ({@link #describe()}), the same words REST gives.
     */
    public static <T> T forConsole(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.describe());
        }
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Integer line() {
        return line;
    }
}
