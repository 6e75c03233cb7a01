package dev.efficientformer.model;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renames EfficientFormerV2 state-dict keys from the original authors' code (snap-research's
 * released {@code .pth} checkpoints) to timm's names; the layout both generations share is parsed
 * by {@link OriginalKeyLayout}.
 *
 * <table>
 *   <caption>The mapping</caption>
 *   <tr><th>original</th><th>timm</th></tr>
 *   <tr><td>{@code patch_embed.{0,1,3,4}.*}</td><td>{@code stem.conv1.{conv,bn}.*}, {@code stem.conv2.{conv,bn}.*}</td></tr>
 *   <tr><td>{@code network.(2s).i.*}</td><td>{@code stages.s.blocks.i.*}</td></tr>
 *   <tr><td>{@code mlp.{fc1,norm1,mid,mid_norm,fc2,norm2}}</td><td>{@code mlp.{fc1.conv,fc1.bn,mid.conv,mid.bn,fc2.conv,fc2.bn}}</td></tr>
 *   <tr><td>{@code {q,k,v,v_local,stride_conv}.{0,1}}, {@code q.proj.{0,1}}</td><td>{@code ... .{conv,bn}}</td></tr>
 *   <tr><td>{@code proj.{1,2}} (after the activation at 0)</td><td>{@code proj.{conv,bn}}</td></tr>
 *   <tr><td>{@code q.local.0}</td><td>{@code q.local}</td></tr>
 *   <tr><td>{@code network.(2s-1).{proj,norm}.*}, {@code network.(2s-1).{conv,bn}.*}</td><td>{@code stages.s.downsample.conv.{conv,bn}.*}</td></tr>
 *   <tr><td>{@code network.(2s-1).attn.*}</td><td>{@code stages.s.downsample.attn.*}</td></tr>
 *   <tr><td>{@code layer_scale_{1,2}} ({@code [C,1,1]})</td><td>{@code ls{1,2}.gamma} (timm stores {@code [C]}; both are read)</td></tr>
 *   <tr><td>{@code dist_head.*}</td><td>{@code head_dist.*}</td></tr>
 * </table>
 *
 * <p>Keys that fit none of these (such as {@code norm.*} and {@code head.*}, shared by both
 * namings) come back unchanged, so that an unknown key is reported under its own name.
 *
 * <p>Thread-safety: stateless.
 */
final class EfficientFormerV2KeyMapping {
    private static final String[] STEM_NAMES = {"conv1.conv", "conv1.bn", null, "conv2.conv", "conv2.bn"};
    /** A ConvNorm of the original: a Sequential of the convolution (0) and its BatchNorm (1). */
    private static final Pattern CONV_NORM = Pattern.compile("(.*\\b(?:q|k|v|v_local|stride_conv|q\\.proj))\\.([01])\\.(.+)");
    /** The original's projection: a Sequential of the activation (0), the convolution (1) and its BatchNorm (2). */
    private static final Pattern PROJ = Pattern.compile("(.*\\bproj)\\.([12])\\.(.+)");
    private static final OriginalKeyLayout.Parts PARTS = new OriginalKeyLayout.Parts() {
        @Override
        public String block(int stage, String block, String rest) {
            return "stages." + stage + ".blocks." + block + "." + blockParameter(rest);
        }

        @Override
        public String downsample(int stage, String rest) {
            int dot = rest.indexOf('.');
            if (dot < 0) {
                return null;
            }
            String tail = rest.substring(dot + 1);
            String prefix = "stages." + stage + ".downsample.";
            return switch (rest.substring(0, dot)) {
                case "proj", "conv" -> prefix + "conv.conv." + tail;
                case "norm", "bn" -> prefix + "conv.bn." + tail;
                case "attn" -> prefix + "attn." + sequentials(tail);
                default -> null;
            };
        }
    };

    private EfficientFormerV2KeyMapping() {
    }

    /** The timm key for an original key; keys outside the original naming come back unchanged. */
    static String toTimm(String originalKey) {
        return OriginalKeyLayout.toTimm(originalKey, STEM_NAMES, PARTS);
    }

    private static String blockParameter(String rest) {
        String scale = OriginalKeyLayout.layerScale(rest);
        if (scale != null) {
            return scale;
        }
        if (rest.startsWith("mlp.")) {
            return "mlp." + mlpParameter(rest.substring(4));
        }
        return rest.startsWith("token_mixer.") ? "token_mixer." + sequentials(rest.substring("token_mixer.".length())) : rest;
    }

    private static String mlpParameter(String rest) {
        int dot = rest.indexOf('.');
        String layer = dot < 0 ? rest : rest.substring(0, dot);
        String tail = dot < 0 ? "" : rest.substring(dot);
        String mapped = switch (layer) {
            case "fc1" -> "fc1.conv";
            case "norm1" -> "fc1.bn";
            case "mid" -> "mid.conv";
            case "mid_norm" -> "mid.bn";
            case "fc2" -> "fc2.conv";
            case "norm2" -> "fc2.bn";
            default -> layer;
        };
        return mapped + tail;
    }

    /** The attention's numbered Sequentials as timm's named modules. */
    private static String sequentials(String rest) {
        if (rest.startsWith("q.local.0.")) {
            return "q.local." + rest.substring("q.local.0.".length());
        }
        Matcher m = CONV_NORM.matcher(rest);
        if (m.matches()) {
            return m.group(1) + (m.group(2).equals("0") ? ".conv." : ".bn.") + m.group(3);
        }
        m = PROJ.matcher(rest);
        if (m.matches()) {
            return m.group(1) + (m.group(2).equals("1") ? ".conv." : ".bn.") + m.group(3);
        }
        return rest;
    }

    /** Whether keys are V2's original naming: V1's prefixes and a depthwise {@code mlp.mid} convolution. */
    static boolean isOriginalNaming(Collection<String> keys) {
        return keys.stream().anyMatch(k -> k.startsWith("network.") && k.endsWith(".mlp.mid.weight"));
    }
}
