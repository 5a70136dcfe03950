package com.cardcoupons.benchmarks;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection over plain TCP, for one load client at a time: a request is written in one
 * write from a reused buffer, and the answer is read to its end (by Content-Length, in chunks, or to the end of the
 * connection) for its status alone, its body dropped. Not for HEAD requests, whose answers announce a body they lack.
 *
 * <p>Hand-written because a load generator should cost as little CPU as pgbench's C client: it shares the 2 cores
 * with the service it measures, so a general-purpose client's per-request objects, header maps and pool bookkeeping
 * would be counted against the service. A request here allocates nothing but what the caller passes in.
 */
final class HttpConnection implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;
    private static final byte[] CONTENT_LENGTH = bytes("Content-Length: ");
    private static final byte[] CRLF = bytes("\r\n");
    private static final byte[] LOWER_HTTP_1 = bytes("http/1.");
    private static final byte[] LOWER_CONTENT_LENGTH = bytes("content-length:");
    private static final byte[] LOWER_TRANSFER_ENCODING = bytes("transfer-encoding:");
    private static final byte[] LOWER_CONNECTION = bytes("connection:");
    private static final byte[] CHUNKED = bytes("chunked");
    private static final byte[] CLOSE = bytes("close");

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream input;
    private OutputStream output;

    private byte[] request = new byte[4096];
    private int requestLength;

    // the answer as read so far: unread bytes are response[position, limit)
    private final byte[] response = new byte[8192];
    private int position;
    private int limit;
    private int lineStart;

    // what the head of the current answer said
    private long contentLength;
    private boolean chunked;
    private boolean closing;

    HttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** A request line and its header lines, encoded once, to {@link #start} requests with. */
    static byte[] head(String method, String target, String host, Map<String, String> headers) {
        return concat(bytes(method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\n"), headerLines(headers));
    }

    /** Header lines, encoded once, to {@link #append} to requests. */
    static byte[] headerLines(Map<String, String> headers) {
        StringBuilder lines = new StringBuilder();
        headers.forEach((name, value) -> lines.append(token(name)).append(": ").append(text(value)).append("\r\n"));
        return bytes(lines.toString());
    }

    /** Starts a request with a {@link #head}. */
    HttpConnection start(byte[] head) {
        requestLength = 0;
        return append(head);
    }

    /** Adds pre-encoded {@link #headerLines}. */
    HttpConnection append(byte[] encoded) {
        ensure(encoded.length);
        System.arraycopy(encoded, 0, request, requestLength, encoded.length);
        requestLength += encoded.length;
        return this;
    }

    /** Adds one header line; the name and value are printable ASCII. */
    HttpConnection header(String name, String value) {
        ensure(name.length() + value.length() + 4);
        ascii(token(name));
        request[requestLength++] = ':';
        request[requestLength++] = ' ';
        ascii(text(value));
        request[requestLength++] = '\r';
        request[requestLength++] = '\n';
        return this;
    }

    /**
     * Sends the request with this body and reads the whole answer; returns its status. On any failure the
     * connection is closed, and the next request opens a new one.
     */
    int send(byte[] body) throws IOException {
        ensure(CONTENT_LENGTH.length + 10 + 4 + body.length);
        append(CONTENT_LENGTH);
        digits(body.length);
        append(CRLF);
        append(CRLF);
        System.arraycopy(body, 0, request, requestLength, body.length);
        requestLength += body.length;
        try {
            if (socket == null) {
                connect();
            }
            output.write(request, 0, requestLength);
            int status = readAnswer();
            if (closing) {
                close();
            }
            return status;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all that was wanted
            }
            socket = null;
        }
    }

    private void connect() throws IOException {
        Socket opened = new Socket();
        try {
            opened.setTcpNoDelay(true);
            opened.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            opened.setSoTimeout(READ_TIMEOUT_MILLIS);
            input = opened.getInputStream();
            output = opened.getOutputStream();
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        socket = opened;
        position = 0;
        limit = 0;
    }

    private int readAnswer() throws IOException {
        int status;
        do {
            status = readHead();
        } while (status >= 100 && status < 200); // an interim answer: the final one follows
        if (status == 204 || status == 304) {
            return status;
        }
        if (chunked) {
            skipChunks();
        } else if (contentLength >= 0) {
            skip(contentLength);
        } else {
            // neither length nor chunks: the body runs to the end of the connection
            do {
                position = 0;
                limit = 0;
            } while (fill());
            closing = true;
        }
        return status;
    }

    /** Reads a status line and its headers; returns the status. */
    private int readHead() throws IOException {
        int end = line();
        int start = lineStart;
        if (end - start < 12 || !startsWith(start, end, LOWER_HTTP_1) || response[start + 8] != ' ') {
            throw new IOException("not an HTTP/1.x status line: "
                    + new String(response, start, end - start, StandardCharsets.ISO_8859_1));
        }
        int status = digit(start + 9) * 100 + digit(start + 10) * 10 + digit(start + 11);
        contentLength = -1;
        chunked = false;
        closing = response[start + 7] == '0'; // HTTP/1.0 keeps no connection open unless asked to, and we do not ask
        for (end = line(); end > lineStart; end = line()) {
            if (startsWith(lineStart, end, LOWER_CONTENT_LENGTH)) {
                contentLength = decimal(lineStart + LOWER_CONTENT_LENGTH.length, end);
            } else if (startsWith(lineStart, end, LOWER_TRANSFER_ENCODING)) {
                chunked = contains(lineStart + LOWER_TRANSFER_ENCODING.length, end, CHUNKED);
            } else if (startsWith(lineStart, end, LOWER_CONNECTION)) {
                closing |= contains(lineStart + LOWER_CONNECTION.length, end, CLOSE);
            }
        }
        return status;
    }

    private void skipChunks() throws IOException {
        for (long size = chunkSize(); size > 0; size = chunkSize()) {
            skip(size);
            if (line() != lineStart) {
                throw new IOException("a chunk longer than its size");
            }
        }
        while (line() > lineStart) {
            // trailer fields, not needed
        }
    }

    /** The size of the next chunk, from its hexadecimal size line (extensions after ';' ignored). */
    private long chunkSize() throws IOException {
        int end = line();
        long size = 0;
        int i = lineStart;
        for (; i < end && Character.digit(response[i], 16) >= 0; i++) {
            size = size * 16 + Character.digit(response[i], 16);
            if (size > Integer.MAX_VALUE) {
                throw new IOException("a chunk too long");
            }
        }
        if (i == lineStart) {
            throw new IOException("not a chunk size line");
        }
        return size;
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (true) {
            int available = (int) Math.min(left, limit - position);
            position += available;
            left -= available;
            if (left == 0) {
                return;
            }
            position = 0;
            limit = 0;
            if (!fill()) {
                throw new EOFException("the connection closed " + left + " bytes before the end of the body");
            }
        }
    }

    /**
     * The next line of the answer's head as response[lineStart, returned end), without its line break. A line must
     * fit in the read buffer.
     */
    private int line() throws IOException {
        int scanned = position;
        while (true) {
            for (; scanned < limit; scanned++) {
                if (response[scanned] == '\n') {
                    lineStart = position;
                    position = scanned + 1;
                    return scanned > lineStart && response[scanned - 1] == '\r' ? scanned - 1 : scanned;
                }
            }
            if (position > 0) {
                System.arraycopy(response, position, response, 0, limit - position);
                scanned -= position;
                limit -= position;
                position = 0;
            }
            if (limit == response.length) {
                throw new IOException("an answer's header line longer than " + response.length + " bytes");
            }
            if (!fill()) {
                throw new EOFException("the connection closed before the end of the answer's head");
            }
        }
    }

    /** Reads more of the answer after {@code limit}; false at the end of the connection. */
    private boolean fill() throws IOException {
        int read = input.read(response, limit, response.length - limit);
        if (read < 0) {
            return false;
        }
        limit += read;
        return true;
    }

    private boolean startsWith(int start, int end, byte[] lowerCase) {
        if (end - start < lowerCase.length) {
            return false;
        }
        for (int i = 0; i < lowerCase.length; i++) {
            if (lower(response[start + i]) != lowerCase[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean contains(int start, int end, byte[] lowerCase) {
        for (int i = start; i <= end - lowerCase.length; i++) {
            if (startsWith(i, end, lowerCase)) {
                return true;
            }
        }
        return false;
    }

    private long decimal(int start, int end) throws IOException {
        int from = start;
        int to = end;
        while (from < to && (response[from] == ' ' || response[from] == '\t')) {
            from++;
        }
        while (to > from && (response[to - 1] == ' ' || response[to - 1] == '\t')) {
            to--;
        }
        if (from == to || to - from > 18) {
            throw new IOException("not a Content-Length");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + digit(i);
        }
        return value;
    }

    private int digit(int at) throws IOException {
        int digit = response[at] - '0';
        if (digit < 0 || digit > 9) {
            throw new IOException("not a digit in the answer's head: " + (char) response[at]);
        }
        return digit;
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }

    private void ensure(int more) {
        if (requestLength + more > request.length) {
            request = Arrays.copyOf(request, Math.max(request.length * 2, requestLength + more));
        }
    }

    private void ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            request[requestLength++] = (byte) text.charAt(i);
        }
    }

    private void digits(int value) {
        int length = stringSize(value);
        for (int i = requestLength + length - 1, rest = value; i >= requestLength; i--, rest /= 10) {
            request[i] = (byte) ('0' + rest % 10);
        }
        requestLength += length;
    }

    private static int stringSize(int value) {
        int size = 1;
        for (int rest = value / 10; rest > 0; rest /= 10) {
            size++;
        }
        return size;
    }

    /** A header name: a token of printable ASCII without separators. */
    private static String token(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                throw new IllegalArgumentException("not a header name: " + name);
            }
        }
        return name;
    }

    /** A header value: printable ASCII, spaces and tabs, so it cannot end the line or the head early. */
    private static String text(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' && c != '\t') || c >= 127) {
                throw new IllegalArgumentException("not a header value: " + value);
            }
        }
        return value;
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
