package dev.efficientformer.nativelib;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the user named instead of the default search: the system property, else the environment
 * variable. A file path is the only candidate then; {@code bundled} skips the system library and
 * goes straight to the one in the jar.
 *
 * @param origin where the value came from, for messages ({@code system property ...})
 * @param value the value, or null when neither is set
 */
record LibraryOverride(String origin, String value) {

    /** Reads {@code property}, falling back to {@code env} when the property is unset or blank. */
    static LibraryOverride read(String property, String env) {
        String value = System.getProperty(property);
        if (value != null && !value.isBlank()) {
            return new LibraryOverride("system property " + property, value);
        }
        return new LibraryOverride("environment variable " + env, System.getenv(env));
    }

    /** Whether only the bundled library may be used. */
    boolean bundledOnly() {
        return value != null && value.strip().equals("bundled");
    }

    /** The file named, when one is. */
    Optional<Path> file() {
        return value == null || value.isBlank() || bundledOnly() ? Optional.empty() : Optional.of(Path.of(value.strip()));
    }
}
