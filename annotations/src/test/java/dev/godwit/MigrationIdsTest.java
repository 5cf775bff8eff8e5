package dev.godwit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationIdsTest {

    @Test
    void numbersCompareByValueNotAsText() {
        assertSorted("v1", "v2", "v10", "v11", "v100");
        assertSorted("001", "002", "010", "099", "100");
        assertSorted("v1.2", "v1.10", "v2.0", "v10.1");
        assertSorted("1_a", "2_a", "10_a");
    }

    @Test
    void textComparesCharacterByCharacter() {
        assertSorted("v1", "v1_backfill", "v1_backfill_language", "v1_cleanup", "v2");
        assertSorted("a", "b", "ba", "c");
    }

    @Test
    void numbersOfAnyLengthCompare() {
        assertSorted("v9", "v99999999999999999999", "v100000000000000000000");
    }

    @Test
    void leadingZerosTieBreakByStringOrderSoTheOrderIsTotal() {
        assertThat(MigrationIds.compare("v01", "v1")).isNotZero();
        assertThat(Integer.signum(MigrationIds.compare("v01", "v1")))
                .isEqualTo(-Integer.signum(MigrationIds.compare("v1", "v01")));
        assertThat(MigrationIds.compare("v1", "v1")).isZero();
    }

    @Test
    void orderIsAConsistentTotalOrderOnRandomIds() {
        Random random = new Random(42);
        List<String> ids = new ArrayList<>();
        String alphabet = "v0123456789._-a";
        for (int i = 0; i < 300; i++) {
            StringBuilder id = new StringBuilder("v");
            int length = 1 + random.nextInt(6);
            for (int k = 0; k < length; k++) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            ids.add(id.toString());
        }
        for (String a : ids) {
            for (String b : ids) {
                int ab = Integer.signum(MigrationIds.compare(a, b));
                assertThat(ab).isEqualTo(-Integer.signum(MigrationIds.compare(b, a)));
                assertThat(ab == 0).isEqualTo(a.equals(b));
                for (String c : ids.subList(0, 40)) {
                    if (ab < 0 && MigrationIds.compare(b, c) < 0) {
                        assertThat(MigrationIds.compare(a, c))
                                .as("%s < %s < %s", a, b, c)
                                .isNegative();
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v1_backfill_language", "001_init", "V1.2-hotfix", "a", "9"})
    void acceptsValidIds(String id) {
        assertThat(MigrationIds.isValid(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " v1", "v1 x", "_v1", ".v1", "-v1", "v1'", "v1\"", "v1;", "vé", "v1/2"})
    void rejectsInvalidIds(String id) {
        assertThat(MigrationIds.isValid(id)).isFalse();
    }

    @Test
    void rejectsNullAndIdsLongerThan255Characters() {
        assertThat(MigrationIds.isValid(null)).isFalse();
        assertThat(MigrationIds.isValid("v".repeat(255))).isTrue();
        assertThat(MigrationIds.isValid("v".repeat(256))).isFalse();
    }

    @Test
    void constantNamesAreUpperCaseJavaIdentifiers() {
        assertThat(MigrationIds.constantName("v1_backfill_language")).isEqualTo("V1_BACKFILL_LANGUAGE");
        assertThat(MigrationIds.constantName("001_init")).isEqualTo("_001_INIT");
        assertThat(MigrationIds.constantName("v1.2-hotfix")).isEqualTo("V1_2_HOTFIX");
    }

    private static void assertSorted(String... expected) {
        List<String> shuffled = new ArrayList<>(List.of(expected));
        Collections.shuffle(shuffled, new Random(7));
        shuffled.sort(MigrationIds.ORDER);
        assertThat(shuffled).containsExactly(expected);
    }
}
