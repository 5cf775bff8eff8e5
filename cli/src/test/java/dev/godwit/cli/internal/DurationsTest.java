package dev.godwit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void parsesANumberWithAUnit() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.parse("10min")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse(" 2 S ")).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void parsesIso8601() {
        assertThat(Durations.parse("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("pt0.5s")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void rejectsWhatIsNotAPositiveDuration() {
        for (String text : new String[] {"0s", "PT0S", "-PT5S", "1.5s", "10d", "s", "", "9999999999s", "soon"}) {
            assertThatThrownBy(() -> Durations.parse(text))
                    .as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + text + "' is not a positive duration: give a number and a unit, such as 500ms,"
                            + " 30s, 10m or 1h, or ISO-8601 such as PT1M30S");
        }
    }

    @Test
    void formatsForPeople() {
        assertThat(Durations.format(Duration.ofMillis(840))).isEqualTo("840 ms");
        assertThat(Durations.format(Duration.ofMillis(12_340))).isEqualTo("12.3 s");
        assertThat(Durations.format(Duration.ofSeconds(245))).isEqualTo("4 min 05 s");
    }
}
