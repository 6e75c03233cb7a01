package dev.efficientformer.image;

/**
 * Where torchvision's {@code Resize(shortSide)} (or timm's {@code ResizeKeepRatio} for a
 * non-square target) followed by {@code CenterCrop} puts an image: the size it is resized to and
 * the top-left corner of the crop in the resized image.
 *
 * <p>The arithmetic copies torchvision's Python, because off-by-one differences here shift the
 * whole input by a pixel: the long side is {@code int(shortSide * long / short)} (true division,
 * then truncation), and each crop offset is {@code int(round((size - crop) / 2.0))}, where
 * Python's {@code round} rounds half to even ({@code 64.5 -> 64}, {@code 5.5 -> 6}).
 *
 * <p>Sizes are longs: an image of extreme aspect ratio resizes to more pixels than an int counts
 * (only the crop is ever computed, see {@link PilResize#resizeCrop}).
 *
 * @param resizedWidth width after the resize
 * @param resizedHeight height after the resize
 * @param cropLeft first column of the crop in the resized image
 * @param cropTop first row of the crop in the resized image
 */
record ResizeCropGeometry(long resizedWidth, long resizedHeight, long cropLeft, long cropTop) {

    /** The geometry {@code config} gives a {@code width x height} image. */
    static ResizeCropGeometry of(int width, int height, PreprocessConfig config) {
        return config.shorterSideResize()
                ? of(width, height, config.resizeShortSide(), config.cropWidth(), config.cropSize())
                : keepRatio(width, height, config.resizeShortSide(), config.resizeWidth(), config.cropWidth(), config.cropSize());
    }

    /** The geometry for a {@code width x height} image, shorter side to {@code shortSide}, square crop {@code crop}. */
    static ResizeCropGeometry of(int width, int height, int shortSide, int crop) {
        return of(width, height, shortSide, crop, crop);
    }

    /**
     * timm's {@code ResizeKeepRatio((targetHeight, targetWidth))} (with {@code longest = 0}), then
     * {@code CenterCrop((cropHeight, cropWidth))}: {@code ratio = min(height / targetHeight,
     * width / targetWidth)} and each side {@code round(side / ratio)}, Python's round (half to even).
     */
    static ResizeCropGeometry keepRatio(int width, int height, int targetHeight, int targetWidth, int cropWidth, int cropHeight) {
        RgbImage.checkSize(width, height);
        double ratio = Math.min((double) height / targetHeight, (double) width / targetWidth);
        long resizedHeight = (long) Math.rint(height / ratio);
        long resizedWidth = (long) Math.rint(width / ratio);
        return new ResizeCropGeometry(resizedWidth, resizedHeight, centerCropOffset(resizedWidth, cropWidth),
                centerCropOffset(resizedHeight, cropHeight));
    }

    /** Shorter side to {@code shortSide}, then a {@code cropWidth x cropHeight} center crop. */
    static ResizeCropGeometry of(int width, int height, int shortSide, int cropWidth, int cropHeight) {
        RgbImage.checkSize(width, height);
        long resizedWidth;
        long resizedHeight;
        if (width <= height) {
            resizedWidth = shortSide;
            resizedHeight = longSide(shortSide, height, width);
        } else {
            resizedHeight = shortSide;
            resizedWidth = longSide(shortSide, width, height);
        }
        return new ResizeCropGeometry(resizedWidth, resizedHeight,
                centerCropOffset(resizedWidth, cropWidth), centerCropOffset(resizedHeight, cropHeight));
    }

    /** Python's {@code int(short_side * long / short)}: exact product, one rounded division, truncation. */
    static long longSide(int shortSide, int longSize, int shortSize) {
        double exact = (double) ((long) shortSide * longSize) / shortSize;
        return (long) exact;
    }

    /** torchvision's {@code int(round((size - crop) / 2.0))}; {@link Math#rint} rounds half to even like Python. */
    static long centerCropOffset(long size, int crop) {
        return (long) Math.rint((size - crop) / 2.0);
    }
}
