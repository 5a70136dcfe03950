package com.cardcoupons.platform.problem;

import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.platform.idempotency.IdempotencyKeyTaken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place where exceptions become Problem Details, shared by every service. Domain exceptions carry their own
 * code and field; framework exceptions get a fixed code each; anything unexpected is a 500 that reveals nothing.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final Map<Class<? extends Exception>, String> FRAMEWORK_CODES = Map.of(
            HttpRequestMethodNotSupportedException.class, "METHOD_NOT_ALLOWED",
            HttpMediaTypeNotSupportedException.class, "UNSUPPORTED_MEDIA_TYPE",
            HttpMediaTypeNotAcceptableException.class, "NOT_ACCEPTABLE",
            NoResourceFoundException.class, "NOT_FOUND",
            MaxUploadSizeExceededException.class, "PAYLOAD_TOO_LARGE");

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException exception) {
        ProblemDetail problem = Problems.of(exception);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** Never seen by the client: the idempotency filter answers with the outcome the key was recorded with. */
    @ExceptionHandler(IdempotencyKeyTaken.class)
    ResponseEntity<ProblemDetail> keyTaken(IdempotencyKeyTaken exception) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "IDEMPOTENT_REQUEST_IN_PROGRESS",
                "another request with this Idempotency-Key was recorded first; retry to get its outcome"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException exception) {
        log.warn("request violated a database constraint: {}", exception.getMostSpecificCause().getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "DATA_CONFLICT",
                "the request conflicts with data already recorded"));
    }

    /** A lost race, by lock or by optimistic check: nothing was written, and the same call may simply be retried. */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<ProblemDetail> contention(ConcurrencyFailureException exception) {
        log.info("lost a database race: {}", exception.getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "CONCURRENT_UPDATE",
                "another request changed the same data at the same time; retry with the same Idempotency-Key"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        log.error("unexpected failure", exception);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR", "an unexpected error occurred; quote the correlation id to support"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        exception.getBindingResult().getFieldErrors().forEach(error -> errors.add(
                new Problems.FieldError(error.getField(), validationCode(error.getCode()), error.getDefaultMessage())));
        exception.getBindingResult().getGlobalErrors().forEach(error -> errors.add(
                new Problems.FieldError(error.getObjectName(), validationCode(error.getCode()), error.getDefaultMessage())));
        return ResponseEntity.badRequest().body(Problems.invalidFields(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : exception.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors.add(new Problems.FieldError(
                    name, validationCode(error.getCodes() == null ? null : error.getCodes()[error.getCodes().length - 1]),
                    error.getDefaultMessage())));
        }
        return ResponseEntity.badRequest().body(Problems.invalidFields(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = UnreadableBody.explain(exception);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "PARAMETER_REQUIRED",
                "query parameter '" + exception.getParameterName() + "' is required", exception.getParameterName()));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException exception) {
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "HEADER_REQUIRED",
                "header '" + exception.getHeaderName() + "' is required", exception.getHeaderName()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException exception) {
        String type = exception.getRequiredType() == null ? "value" : exception.getRequiredType().getSimpleName();
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER",
                "'" + exception.getName() + "' must be a valid " + type, exception.getName()));
    }

    /** Every other framework exception keeps Spring's status and detail and gains a stable code. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String code = FRAMEWORK_CODES.getOrDefault(exception.getClass(), codeForStatus(status));
        String detail = body instanceof ProblemDetail spring && spring.getDetail() != null ? spring.getDetail() : null;
        ProblemDetail problem = Problems.of(status, code, detail);
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    /**
     * The code of a refusal that has none of its own, by status: the statuses a framework or the servlet container
     * answer with have a fixed code each, any other 4xx is {@code REQUEST_REFUSED}, any 5xx {@code INTERNAL_ERROR}.
     */
    static String codeForStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "BAD_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status.is5xxServerError() ? "INTERNAL_ERROR" : "REQUEST_REFUSED";
        };
    }

    /** Bean Validation constraint names become codes: {@code NotNull} becomes {@code NOT_NULL}. */
    private static String validationCode(String constraint) {
        if (constraint == null) {
            return "INVALID";
        }
        return constraint.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }
}
