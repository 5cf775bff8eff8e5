package dev.godwit.cli.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The secrets of one command (passwords, as given and as percent-decoded) and their removal from text. Everything
 * the command prints passes through {@link #redact}, including driver messages, log lines and stack traces, since a
 * JDBC driver may put a URL or a password in an exception message. Thread-safe.
 */
public final class Redactor {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /**
     * Adds a secret; {@code null} and empty strings are ignored.
     *
     * @param secret the secret
     */
    public void add(String secret) {
        if (secret != null && !secret.isEmpty()) {
            secrets.add(secret);
        }
    }

    /**
     * Returns {@code text} with every secret replaced by {@value #MASK}.
     *
     * @param text any text, possibly {@code null}
     * @return the text without secrets
     */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : longestFirst()) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /**
     * Returns {@code bytes[0..length)} with every secret, encoded in {@code charset}, replaced by {@value #MASK}.
     *
     * @param bytes text encoded in {@code charset}
     * @param length how many bytes to use
     * @param charset the encoding
     * @return the bytes without secrets, in a new array
     */
    byte[] redact(byte[] bytes, int length, Charset charset) {
        byte[] result = Arrays.copyOf(bytes, length);
        byte[] mask = MASK.getBytes(charset);
        for (String secret : longestFirst()) {
            byte[] pattern = secret.getBytes(charset);
            int at = indexOf(result, pattern, 0);
            if (at < 0) {
                continue;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(result.length);
            int from = 0;
            while (at >= 0) {
                out.write(result, from, at - from);
                out.write(mask, 0, mask.length);
                from = at + pattern.length;
                at = indexOf(result, pattern, from);
            }
            out.write(result, from, result.length - from);
            result = out.toByteArray();
        }
        return result;
    }

    /** Longest first, so that a secret containing another is masked whole. */
    private List<String> longestFirst() {
        return secrets.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .collect(Collectors.toList());
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int k = 0; k < pattern.length; k++) {
                if (data[i + k] != pattern[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
