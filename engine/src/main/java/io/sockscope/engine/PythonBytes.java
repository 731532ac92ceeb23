package io.sockscope.engine;

/**
 * Python's {@code repr()} of a bytes object ({@code b'hello\n'}), which is how call arguments
 * show data: printable ASCII as is, {@code \t \n \r} and the backslash escaped, everything else
 * as {@code \xhh}; single quotes unless the data holds a single quote and no double quote.
 */
public final class PythonBytes {
    /** Data longer than this is shown abbreviated in call arguments. */
    public static final int ARGUMENT_LIMIT = 64;

    private PythonBytes() {
    }

    /** The full repr of {@code data}. */
    public static String repr(byte[] data) {
        return repr(data, data.length);
    }

    /**
     * The repr of the first {@code limit} bytes, followed by {@code ...} after the closing quote
     * when there were more ({@code b'xxxx'...}).
     */
    public static String repr(byte[] data, int limit) {
        int shown = Math.min(limit, data.length);
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < shown; i++) {
            single |= data[i] == '\'';
            dbl |= data[i] == '"';
        }
        char quote = single && !dbl ? '"' : '\'';
        StringBuilder text = new StringBuilder(shown + 8).append('b').append(quote);
        for (int i = 0; i < shown; i++) {
            int b = data[i] & 0xff;
            switch (b) {
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\\' -> text.append("\\\\");
                default -> {
                    if (b == quote) {
                        text.append('\\').append(quote);
                    } else if (b < 0x20 || b >= 0x7f) {
                        text.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 15, 16));
                    } else {
                        text.append((char) b);
                    }
                }
            }
        }
        text.append(quote);
        if (shown < data.length) {
            text.append("...");
        }
        return text.toString();
    }
}
