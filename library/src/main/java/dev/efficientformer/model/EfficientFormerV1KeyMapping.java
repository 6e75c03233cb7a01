package dev.efficientformer.model;

import java.util.Collection;

/**
 * Renames EfficientFormer (V1) state-dict keys from the original authors' code (the released
 * {@code .pth} checkpoints) to timm's names, which the rest of this library uses; the layout both
 * generations share is parsed by {@link OriginalKeyLayout}.
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
final class EfficientFormerV1KeyMapping {
    private static final String[] STEM_NAMES = {"conv1", "norm1", null, "conv2", "norm2"};
    private static final OriginalKeyLayout.Parts PARTS = new OriginalKeyLayout.Parts() {
        @Override
        public String block(int stage, String block, String rest) {
            String scale = OriginalKeyLayout.layerScale(rest);
            return "stages." + stage + ".blocks." + block + "." + (scale != null ? scale : rest);
        }

        @Override
        public String downsample(int stage, String rest) {
            int dot = rest.indexOf('.');
            if (dot < 0) {
                return null;
            }
            return switch (rest.substring(0, dot)) {
                case "proj" -> "stages." + stage + ".downsample.conv" + rest.substring(dot);
                case "norm" -> "stages." + stage + ".downsample.norm" + rest.substring(dot);
                default -> null;
            };
        }
    };

    private EfficientFormerV1KeyMapping() {
    }

    /** The timm key for an original key; keys outside the original naming come back unchanged. */
    static String toTimm(String originalKey) {
        return OriginalKeyLayout.toTimm(originalKey, STEM_NAMES, PARTS);
    }

    /** Whether keys use the original naming: some start with {@code patch_embed.} or {@code network.}. */
    static boolean isOriginalNaming(Collection<String> keys) {
        return OriginalKeyLayout.isOriginalLayout(keys);
    }
}
