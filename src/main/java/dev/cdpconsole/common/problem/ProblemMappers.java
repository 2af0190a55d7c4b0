package dev.cdpconsole.common.problem;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.cdpconsole.api.Problem;

/**
 * The one place where failures of the platform API become responses: every one is a problem document,
 * none carries a stack trace, and nothing the caller sent can turn into a 5xx.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(problem).build();
    }

    static Response respond(ProblemException e) {
        Response.ResponseBuilder answer = Response.status(e.problem().status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(e.problem());
        e.headers().forEach(answer::header);
        return answer.build();
    }

    static Response respond(int status, String code, String title, String detail) {
        return respond(new ProblemException(status, code, title, detail).problem());
    }

    /** Failures the services raised on purpose. */
    @Provider
    public static class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException e) {
            return respond(e);
        }
    }

    /** Bean Validation at the boundary: 400 naming each field and its rule. */
    @Provider
    public static class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<ConstraintViolation<?>> violations = e.getConstraintViolations().stream()
                    .sorted(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString())
                            .thenComparing(ConstraintViolation::getMessage))
                    .toList();
            Map<String, Object> fields = new LinkedHashMap<>();
            for (ConstraintViolation<?> v : violations) {
                fields.putIfAbsent(fieldName(v), v.getMessage());
            }
            String detail = String.join("; ", violations.stream().map(ConstraintViolation::getMessage).distinct().toList());
            return respond(new ProblemException(400, "validation-failed", "Invalid request", detail,
                    Map.of("fields", fields)).problem());
        }

        private static String fieldName(ConstraintViolation<?> v) {
            String path = v.getPropertyPath().toString();
            int dot = path.lastIndexOf('.');
            String last = dot < 0 ? path : path.substring(dot + 1);
            // A null body is reported on the method parameter (e.g. create.arg0): call it the body.
            return last.startsWith("arg") || path.split("\\.").length == 2 ? "body" : last;
        }
    }

    /** A body that is not JSON, or not of the expected shape. */
    @Provider
    public static class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return malformed();
        }
    }

    /** The JSON parser's own failures. */
    @Provider
    public static class JsonExceptionMapper implements ExceptionMapper<JsonException> {
        @Override
        public Response toResponse(JsonException e) {
            return malformed();
        }
    }

    /** Reading the request body failed (Jersey wraps JSON-B failures in this). */
    @Provider
    public static class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return malformed();
        }
    }

    static Response malformed() {
        return respond(malformedJson().problem());
    }

    /** The one answer to a body that is not JSON, or not JSON of the expected shape. */
    public static ProblemException malformedJson() {
        return new ProblemException(400, "malformed-json", "Malformed JSON",
                "The request body is not valid JSON of the expected shape");
    }

    /** What JAX-RS itself refuses: unknown path, wrong method, wrong media type, unreadable body. */
    @Provider
    public static class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (e instanceof NotSupportedException) {
                return respond(415, "unsupported-media-type", "Unsupported media type",
                        "Send the body as application/json");
            }
            if (status == 400) {
                // Our parameters are all read as text, so a 400 from JAX-RS itself is an unreadable body.
                return malformed();
            }
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String title = type == null ? "Error" : type.getReasonPhrase();
            Response.ResponseBuilder answer = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ProblemException(status, "http-" + status, title, describe(status)).problem());
            if (e instanceof NotAllowedException) {
                answer.allow(e.getResponse().getAllowedMethods());
            }
            if (status >= 500) {
                LOG.log(Level.WARNING, "Request failed", e);
            }
            return answer.build();
        }

        private static String describe(int status) {
            return switch (status) {
                case 404 -> "No such resource";
                case 405 -> "This method is not allowed here";
                case 406 -> "This resource cannot answer in the requested media type";
                case 400 -> "The request could not be read";
                default -> "The request failed";
            };
        }
    }

    @SafeVarargs
    static boolean hasCause(Throwable e, Class<? extends Throwable>... types) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The last resort: logged in full on the server, a plain 500 problem for the caller. */
    @Provider
    public static class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            if (hasCause(e, ProblemException.class)) {
                Throwable t = e;
                while (!(t instanceof ProblemException)) {
                    t = t.getCause();
                }
                return respond((ProblemException) t);
            }
            String dataError = dataError(e);
            if (dataError != null) {
                // The database refused a value that no check caught before it: the caller's input, so a 400.
                LOG.log(Level.WARNING, "A value the database refused reached it unchecked", e);
                return respond(400, "value-invalid", "Bad request", dataError);
            }
            LOG.log(Level.SEVERE, "Unexpected failure", e);
            return respond(500, "internal-error", "Internal server error", "The request failed on the server");
        }
    }

    /**
     * What is wrong with a value the database refused (SQLSTATE class 22, "data exception", in the causes), in
     * words for the caller; null for any other failure.
     */
    public static String dataError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return switch (sql.getSQLState()) {
                    case "22021" -> "a text holds the character U+0000, which text may not contain";
                    case "22001" -> "a value is longer than its field allows";
                    case "22003" -> "a number is out of range";
                    default -> "a value is not valid for its field";
                };
            }
        }
        return null;
    }
}
