package dev.efficientformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java snippet of the README compiles as written (imports included) against this library, so
 * that what users copy works.
 */
class ReadmeSnippetTest {
    @TempDir
    Path dir;

    @Test
    void theReadmeSnippetCompiles() throws Exception {
        Path readme = Path.of("..", "README.md");
        assertTrue(Files.isRegularFile(readme), "README.md not found beside the library module: " + readme.toAbsolutePath());
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(readme));
        assertTrue(m.find(), "README.md has no ```java block");
        String source = m.group(1);
        Matcher cls = Pattern.compile("public class (\\w+)").matcher(source);
        assertTrue(cls.find(), "the snippet declares no public class");
        Path file = Files.writeString(dir.resolve(cls.group(1) + ".java"), source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "no system Java compiler");
        // The library's own classes, wherever the test runner put them (target/classes or a jar).
        String library = Path.of(EfficientFormerModel.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int rc = javac.run(null, out, out, "-d", dir.resolve("classes").toString(), "-cp", library, "-Xlint:all", "-Werror",
                file.toString());
        assertEquals(0, rc, "the README snippet does not compile: " + out);
        assertTrue(Files.isRegularFile(dir.resolve("classes").resolve(cls.group(1) + ".class")));
        assertTrue(List.of(source.split("\n")).stream().anyMatch(l -> l.startsWith("import dev.efficientformer.")), "imports");
    }
}
