package dev.efficientformer.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the Implementation-Version the jar's manifest carries (Maven writes it), or
 * "development build" when run from classes outside a jar.
 *
 * <p>Thread-safety: stateless.
 */
public final class CliVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = CliVersion.class.getPackage().getImplementationVersion();
        return new String[] {"efficientformer " + (v == null ? "(development build)" : v)
                + ", Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
