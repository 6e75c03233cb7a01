package dev.efficientformer.weights;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renames EfficientFormer (V1) state-dict keys from the original authors' code (the released
 * {@code .pth} checkpoints) to timm's names, which the rest of this library uses.
 *
 * <table>
 *   <caption>The mapping</caption>
 *   <tr><th>original</th><th>timm</th></tr>
 *   <tr><td>{@code patch_embed.{0,1,3,4}.*}</td><td>{@code stem.{conv1,norm1,conv2,norm2}.*}</td></tr>
 *   <tr><td>{@code network.(2s).k.*}</td><td>{@code stages.s.blocks.k.*}</td></tr>
 *   <tr><td>{@code network.(2s-1).{proj,norm}.*}</td><td>{@code stages.s.downsample.{conv,norm}.*}</td></tr>
 *   <tr><td>{@code ...layer_scale_{1,2}}</td><td>{@code ...ls{1,2}.gamma}</td></tr>
 *   <tr><td>{@code dist_head.*}</td><td>{@code head_dist.*}</td></tr>
 * </table>
 *
 * <p>Block indices are kept: the parameter-less {@code Flat} module occupies an index in the last
 * stage of both namings, so their gaps coincide. Keys that fit none of these patterns (such as
 * {@code head.*} and {@code norm.*}, which both namings share, or anything unknown) are returned
 * unchanged: a model checking the renamed state dict then reports them as unexpected under their
 * own names, which says more than an error from the renaming would. V2 checkpoints use a
 * different original naming: see {@link EfficientFormerV2KeyMapping}.
 *
 * <p>Thread-safety: stateless.
 */
public final class EfficientFormerV1KeyMapping {
    // Indices are bounded to four digits, which is plenty for 4 stages, so parsing cannot overflow.
    private static final String INDEX = "(0|[1-9][0-9]{0,3})";
    private static final Pattern STEM = Pattern.compile("patch_embed\\." + INDEX + "\\.(.+)");
    private static final Pattern BLOCK = Pattern.compile("network\\." + INDEX + "\\." + INDEX + "\\.(.+)");
    private static final Pattern DOWNSAMPLE = Pattern.compile("network\\." + INDEX + "\\.(proj|norm)\\.(.+)");
    private static final String[] STEM_NAMES = {"conv1", "norm1", null, "conv2", "norm2"};

    private EfficientFormerV1KeyMapping() {
    }

    /** The timm key for an original key; keys outside the original naming come back unchanged. */
    public static String toTimm(String originalKey) {
        Matcher m = STEM.matcher(originalKey);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            return i < STEM_NAMES.length && STEM_NAMES[i] != null ? "stem." + STEM_NAMES[i] + "." + m.group(2) : originalKey;
        }
        m = BLOCK.matcher(originalKey);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            return n % 2 == 0 ? "stages." + n / 2 + ".blocks." + m.group(2) + "." + blockParameter(m.group(3)) : originalKey;
        }
        m = DOWNSAMPLE.matcher(originalKey);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            String layer = m.group(2).equals("proj") ? "conv" : "norm";
            return n % 2 == 1 ? "stages." + (n + 1) / 2 + ".downsample." + layer + "." + m.group(3) : originalKey;
        }
        if (originalKey.startsWith("dist_head.")) {
            return "head_dist." + originalKey.substring("dist_head.".length());
        }
        return originalKey;
    }

    private static String blockParameter(String rest) {
        return switch (rest) {
            case "layer_scale_1" -> "ls1.gamma";
            case "layer_scale_2" -> "ls2.gamma";
            default -> rest;
        };
    }

    /** Whether keys use the original naming: some start with {@code patch_embed.} or {@code network.}. */
    public static boolean isOriginalNaming(Collection<String> keys) {
        return keys.stream().anyMatch(k -> k.startsWith("patch_embed.") || k.startsWith("network."));
    }
}
