package com.cardcoupons.platform.problem;

import com.cardcoupons.model.medium.PanMasker;
import com.cardcoupons.platform.correlation.CorrelationId;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's error report, as Problem Details instead of an HTML page. It answers what Tomcat refuses before any
 * servlet sees the request: an invalid percent-encoding or an encoded slash in the path, a request line or headers
 * too large or malformed. Whatever a servlet answered itself is left as it is.
 */
public final class ProblemReportValve extends ErrorReportValve {

    /** What a URI path may hold besides letters, digits and valid escapes. */
    private static final String ALLOWED = "/-._~!$&'()*+,;=:@";

    private final JsonMapper json;

    ProblemReportValve(JsonMapper json) {
        this.json = json;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String correlationId = CorrelationId.acceptOrCreate(header(request, CorrelationId.HEADER));
        ProblemDetail problem = problem(status);
        problem.setProperty("correlationId", correlationId);
        String path = path(request);
        if (path != null) {
            problem.setInstance(URI.create(path));
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader(CorrelationId.HEADER, correlationId);
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (Exception | LinkageError e) {
            // the connection is broken or the response is committed: nothing more can be said
        }
    }

    /** What Tomcat refuses itself is a request it could not read; anything else keeps its status's code. */
    static ProblemDetail problem(int status) {
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        if (status == 400) {
            return Problems.of(code, "MALFORMED_REQUEST", "the request line or headers could not be read: an invalid "
                    + "percent-encoding, an encoded slash, an illegal character, or headers too large");
        }
        if (code.is5xxServerError()) {
            return Problems.of(code, "INTERNAL_ERROR", "an unexpected error occurred; quote the correlation id to support");
        }
        return Problems.of(code, ProblemDetailsAdvice.codeForStatus(code), null);
    }

    /**
     * The path as it was sent, if Tomcat got that far, with whatever makes it no valid URI path percent-encoded (a
     * broken escape's {@code %} becomes {@code %25}) and never holding a card number.
     */
    static String path(Request request) {
        String raw;
        try {
            raw = request.getRequestURI();
        } catch (RuntimeException unreadable) {
            return null;
        }
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean escape = c == '%' && i + 2 < raw.length()
                    && HexFormat.isHexDigit(raw.charAt(i + 1)) && HexFormat.isHexDigit(raw.charAt(i + 2));
            if (escape || (c < 0x7F && (Character.isLetterOrDigit(c) || ALLOWED.indexOf(c) >= 0))) {
                path.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    path.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
                }
            }
        }
        return PanMasker.mask(path.toString());
    }

    private static String header(Request request, String name) {
        try {
            return request.getHeader(name);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
