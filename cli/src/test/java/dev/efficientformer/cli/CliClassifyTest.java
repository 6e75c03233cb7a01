package dev.efficientformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliClassifyTest {
    private static final String WEIGHTS = Fixtures.tiny("tiny_v1").resolve("model_orig.pth").toString();
    private static final String CHELSEA = Fixtures.resource("preprocess/images/chelsea.png").toString();
    private static final String COFFEE = Fixtures.resource("preprocess/images/coffee.png").toString();
    // <image>  <rank>  <percent>%  <label>
    private static final Pattern LINE = Pattern.compile("(\\S.*\\S) +(\\d+) +(\\d+\\.\\d\\d)%  (\\S+)");

    @Test
    void printsTheTopKOfAnImage() {
        CliRun r = CliRun.of("classify", "--weights", WEIGHTS, "--top", "3", CHELSEA);
        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = r.outLines();
        assertEquals(3, lines.size(), r::toString);
        double previous = 101;
        for (int i = 0; i < 3; i++) {
            var m = LINE.matcher(lines.get(i));
            assertTrue(m.matches(), () -> "not an aligned result line: " + r);
            assertEquals(CHELSEA, m.group(1));
            assertEquals(i + 1, Integer.parseInt(m.group(2)));
            double p = Double.parseDouble(m.group(3));
            assertTrue(p <= previous, "sorted by probability");
            previous = p;
            assertTrue(m.group(4).startsWith("class_"), "the tiny model has 10 generic classes");
        }
        assertEquals("", r.err());
    }

    @Test
    void alignsTheColumnsOfSeveralImages() {
        CliRun r = CliRun.of("classify", "--weights", WEIGHTS, "--top", "2", "--backend", "java", CHELSEA, COFFEE);
        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = r.outLines();
        assertEquals(4, lines.size(), r::toString);
        int column = lines.get(0).indexOf('%');
        for (String l : lines) {
            assertEquals(column, l.indexOf('%'), () -> "columns not aligned:\n" + r.out());
        }
    }

    @TempDir
    Path cache;

    @Test
    void namedModelWithoutDownloadSaysHowToGetIt() {
        CliRun r;
        try (IsolatedCache c = new IsolatedCache(cache, null)) {
            r = CliRun.of("classify", "--model", "efficientformer_l3", CHELSEA);
        }
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains("efficientformer download efficientformer_l3"), r::toString);
        assertTrue(r.err().contains("--weights FILE"), r::toString);
    }

    @Test
    void missingImageIsNamed() {
        CliRun r = CliRun.of("classify", "--weights", WEIGHTS, "no-such-cat.png");
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(List.of("efficientformer: image not found: no-such-cat.png"), r.errLines());
    }

    @Test
    void modelAndWeightsTogetherAreAUsageError() {
        CliRun r = CliRun.of("classify", "--weights", WEIGHTS, "--model", "efficientformer_l1", CHELSEA);
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().startsWith("efficientformer: "), r::toString);
    }
}
