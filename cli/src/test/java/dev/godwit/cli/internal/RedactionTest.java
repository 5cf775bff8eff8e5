package dev.godwit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void masksEverySecretLongestFirst() {
        Redactor redactor = new Redactor();
        redactor.add("pass");
        redactor.add("password1");
        redactor.add("");
        redactor.add(null);

        assertThat(redactor.redact("password1 and pass")).isEqualTo("*** and ***");
    }

    @Test
    void streamMasksSecretsWrittenInPiecesAndKeepsOtherBytes() {
        Redactor redactor = new Redactor();
        redactor.add("hunter2ü");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = RedactingOutputStream.wrap(
                new PrintStream(bytes, true, StandardCharsets.UTF_8), redactor, StandardCharsets.UTF_8);

        stream.print("FATAL: login as hun");
        stream.print("ter2ü failed\nnext line ");
        stream.println("hunter2ü");
        new IllegalStateException("driver said hunter2ü").printStackTrace(stream);
        stream.print("\rprogress");
        stream.flush();

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("hunter2").startsWith("FATAL: login as *** failed\nnext line ***\n");
        assertThat(text)
                .contains("java.lang.IllegalStateException: driver said ***")
                .endsWith("\rprogress");
    }

    @Test
    void jsonStringsAreEscaped() {
        assertThat(Json.string(null)).isEqualTo("null");
        assertThat(Json.string("a\"b\\c\n\t\u0001\u2028é😀")).isEqualTo("\"a\\\"b\\\\c\\n\\t\\u0001\\u2028é😀\"");
        assertThat(Json.string("\ud800x")).isEqualTo("\"\\ud800x\"");
    }
}
