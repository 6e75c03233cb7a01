package dev.efficientformer.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state-dict layout both generations of the original authors' code share, parsed once for
 * the two families' key mappings: the stem is {@code patch_embed.<i>.*}; {@code network} is a flat
 * list in which even entries {@code 2s} are stage {@code s}'s blocks ({@code network.2s.<i>.*})
 * and odd entries {@code 2s-1} the downsampling into stage {@code s}; the distillation head is
 * {@code dist_head.*}. What the parts are called inside each entry is the family's business
 * ({@link Parts}); a key outside the layout, or one a family does not map, comes back unchanged,
 * so that an unknown key is reported under its own name.
 *
 * <p>Thread-safety: stateless.
 */
final class OriginalKeyLayout {
    // Indices are bounded to four digits, which is plenty for 4 stages, so parsing cannot overflow.
    private static final String INDEX = "(0|[1-9][0-9]{0,3})";
    private static final Pattern STEM = Pattern.compile("patch_embed\\." + INDEX + "\\.(.+)");
    private static final Pattern BLOCK = Pattern.compile("network\\." + INDEX + "\\." + INDEX + "\\.(.+)");
    private static final Pattern DOWNSAMPLE = Pattern.compile("network\\." + INDEX + "\\.(.+)");

    private OriginalKeyLayout() {
    }

    /** How one family names the blocks and downsamplings inside the shared layout; {@code null} leaves the key unchanged. */
    interface Parts {
        /** The timm key of block {@code block} of stage {@code stage}, parameter path {@code rest}. */
        String block(int stage, String block, String rest);

        /** The timm key of the downsampling into stage {@code stage}, parameter path {@code rest}. */
        String downsample(int stage, String rest);
    }

    /**
     * The timm key of {@code originalKey} for a family whose stem Sequential's entries are timm's
     * {@code stemNames} ({@code null} for an entry without parameters, such as the activation) and
     * whose other parts are named by {@code parts}.
     */
    static String toTimm(String originalKey, String[] stemNames, Parts parts) {
        String mapped = null;
        Matcher m = STEM.matcher(originalKey);
        if (m.matches()) {
            int index = Integer.parseInt(m.group(1));
            mapped = index < stemNames.length && stemNames[index] != null ? "stem." + stemNames[index] + "." + m.group(2) : null;
        } else if ((m = BLOCK.matcher(originalKey)).matches()) {
            int n = Integer.parseInt(m.group(1));
            mapped = n % 2 == 0 ? parts.block(n / 2, m.group(2), m.group(3)) : null;
        } else if ((m = DOWNSAMPLE.matcher(originalKey)).matches()) {
            int n = Integer.parseInt(m.group(1));
            mapped = n % 2 == 1 ? parts.downsample((n + 1) / 2, m.group(2)) : null;
        } else if (originalKey.startsWith("dist_head.")) {
            mapped = "head_dist." + originalKey.substring("dist_head.".length());
        }
        return mapped == null ? originalKey : mapped;
    }

    /** timm's name of a block's layer scale ({@code layer_scale_1} is {@code ls1.gamma}); {@code null} for anything else. */
    static String layerScale(String rest) {
        return switch (rest) {
            case "layer_scale_1" -> "ls1.gamma";
            case "layer_scale_2" -> "ls2.gamma";
            default -> null;
        };
    }

    /** Whether keys follow the original layout at all: some start with {@code patch_embed.} or {@code network.}. */
    static boolean isOriginalLayout(java.util.Collection<String> keys) {
        return keys.stream().anyMatch(k -> k.startsWith("patch_embed.") || k.startsWith("network."));
    }
}
