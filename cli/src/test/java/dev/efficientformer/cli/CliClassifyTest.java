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
        assertEquals(List.of("efficientformer: cannot read image no-such-cat.png: no such file"), r.errLines());
    }

    /** A directory of two good images (one in a subfolder), a corrupt one and a non-image file. */
    private Path imageTree(Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir.resolve("sub"));
        java.nio.file.Files.copy(Path.of(CHELSEA), dir.resolve("a-chelsea.png"));
        java.nio.file.Files.copy(Path.of(COFFEE), dir.resolve("sub/c-coffee.png"));
        java.nio.file.Files.writeString(dir.resolve("b-broken.jpg"), "not a jpeg");
        java.nio.file.Files.writeString(dir.resolve("notes.txt"), "not an image");
        return dir;
    }

    @Test
    void aDirectoryWithACorruptImagePrintsEveryGoodImageAndExits1(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path dir = imageTree(tmp);
        CliRun r = CliRun.of("classify", "--weights", WEIGHTS, "--top", "2", dir.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(4, r.outLines().size(), r::toString);
        assertTrue(r.outLines().get(0).startsWith(dir.resolve("a-chelsea.png").toString()), r::toString);
        assertTrue(r.outLines().get(3).startsWith(dir.resolve("sub/c-coffee.png").toString()), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().startsWith("efficientformer: cannot decode image " + dir.resolve("b-broken.jpg")), r::toString);
        assertTrue(!r.out().contains("notes.txt") && !r.err().contains("notes.txt"), "only image files are taken from directories");
    }

    @Test
    void jsonLinesParseOneObjectPerImage(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path dir = imageTree(tmp);
        CliRun r = CliRun.of("classify", "--weights", WEIGHTS, "--top", "3", "--format", "json", dir.toString());
        assertEquals(1, r.exitCode(), r::toString);
        List<String> lines = r.outLines();
        assertEquals(3, lines.size(), r::toString);
        java.util.Map<String, Object> broken = dev.efficientformer.json.Json.parseObject(lines.get(1));
        assertEquals(dir.resolve("b-broken.jpg").toString(), broken.get("path"));
        assertTrue(((String) broken.get("error")).contains("cannot decode image"), lines.get(1));
        for (int i : new int[] {0, 2}) {
            java.util.Map<String, Object> o = dev.efficientformer.json.Json.parseObject(lines.get(i));
            List<?> topK = (List<?>) o.get("top");
            assertEquals(3, topK.size(), lines.get(i));
            java.util.Map<?, ?> first = (java.util.Map<?, ?>) topK.get(0);
            assertEquals(1L, first.get("rank"));
            assertTrue(first.get("label") instanceof String && first.get("index") instanceof Long, lines.get(i));
            assertTrue(((Number) first.get("probability")).doubleValue() > 0, lines.get(i));
        }
    }

    @Test
    void tsvAndPathsFromStandardInput() {
        java.io.InputStream stdin = System.in;
        CliRun r;
        try {
            System.setIn(new java.io.ByteArrayInputStream((CHELSEA + "\n\n" + COFFEE + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            r = CliRun.of("classify", "--weights", WEIGHTS, "--top", "1", "--format", "tsv", "-");
        } finally {
            System.setIn(stdin);
        }
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(2, r.outLines().size(), r::toString);
        String[] fields = r.outLines().get(1).split("\t");
        assertEquals(5, fields.length, r::toString);
        assertEquals(COFFEE, fields[0]);
        assertEquals("1", fields[1]);
        assertEquals("class_" + fields[2], fields[3]);
    }

    /** A non-square input size classifies image files as the library does (timm's non-square resize, then the crop). */
    @Test
    void aNonSquareImageSizeClassifiesAsTheLibraryDoes() throws Exception {
        CliRun r = CliRun.of("classify", "--weights", WEIGHTS, "--backend", "java", "--image-size", "211x224", "--top", "2",
                "--format", "tsv", CHELSEA);
        assertEquals(0, r.exitCode(), r::toString);
        var options = dev.efficientformer.ModelOptions.defaults().withBackend("java").withImageSize(211, 224);
        try (var model = dev.efficientformer.EfficientFormerModel.load(Path.of(WEIGHTS), options)) {
            var top = model.classify(Path.of(CHELSEA), 2);
            assertEquals(2, r.outLines().size(), r::toString);
            for (int i = 0; i < 2; i++) {
                assertTrue(r.outLines().get(i).contains(top.get(i).label()), r::toString);
            }
        }
        CliRun bad = CliRun.of("classify", "--weights", WEIGHTS, "--image-size", "211x224x3", CHELSEA);
        assertEquals(2, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains("HEIGHTxWIDTH"), bad::toString);
        CliRun tooLarge = CliRun.of("classify", "--weights", WEIGHTS, "--image-size", "300", CHELSEA);
        assertEquals(1, tooLarge.exitCode(), tooLarge::toString);
        assertTrue(tooLarge.err().contains("300x300"), tooLarge::toString);
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun r = CliRun.of("classify", "--weights", WEIGHTS, "--format", "xml", CHELSEA);
        assertEquals(2, r.exitCode(), r::toString);
    }

    @Test
    void modelAndWeightsTogetherAreAUsageError() {
        CliRun r = CliRun.of("classify", "--weights", WEIGHTS, "--model", "efficientformer_l1", CHELSEA);
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().startsWith("efficientformer: "), r::toString);
    }

    @Test
    void embedWritesTheReferenceFeaturesAsJsonLines(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path dir = imageTree(tmp);
        CliRun r = CliRun.of("embed", "--weights", WEIGHTS, dir.toString());
        assertEquals(1, r.exitCode(), r::toString);
        List<String> lines = r.outLines();
        assertEquals(3, lines.size(), r::toString);
        assertTrue(dev.efficientformer.json.Json.parseObject(lines.get(1)).containsKey("error"), lines.get(1));
        List<?> e = (List<?>) dev.efficientformer.json.Json.parseObject(lines.get(0)).get("embedding");
        assertEquals(24, e.size(), "tiny_v1 has 24 features");
        try (dev.efficientformer.EfficientFormerModel m = dev.efficientformer.EfficientFormerModel.load(Path.of(WEIGHTS))) {
            float[] expected = m.embed(Path.of(CHELSEA));
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], ((Number) e.get(i)).floatValue(), 1e-6, "feature " + i);
            }
        }
    }

    @Test
    void customLabelsNameTheClasses(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            names.append("thing ").append(i).append('\n');
        }
        Path labels = java.nio.file.Files.writeString(tmp.resolve("labels.txt"), names);
        CliRun r = CliRun.of("classify", "--weights", WEIGHTS, "--labels", labels.toString(), "--top", "1", "--format", "tsv", CHELSEA);
        assertEquals(0, r.exitCode(), r::toString);
        String[] f = r.outLines().get(0).split("\t");
        assertEquals("thing " + f[2], f[3]);
        java.nio.file.Files.writeString(labels, "just one\n");
        CliRun wrong = CliRun.of("classify", "--weights", WEIGHTS, "--labels", labels.toString(), CHELSEA);
        assertEquals(1, wrong.exitCode(), wrong::toString);
        assertEquals(List.of("efficientformer: 1 labels were given for a model with 10 classes"), wrong.errLines());
    }
}
