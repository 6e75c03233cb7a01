package dev.efficientformer.image;

/**
 * Where torchvision's {@code Resize(shortSide)} followed by {@code CenterCrop(crop)} puts an image:
 * the size it is resized to and the top-left corner of the crop in the resized image.
 *
 * <p>The arithmetic copies torchvision's Python, because off-by-one differences here shift the
 * whole input by a pixel: the long side is {@code int(shortSide * long / short)} (true division,
 * then truncation), and each crop offset is {@code int(round((size - crop) / 2.0))}, where
 * Python's {@code round} rounds half to even ({@code 64.5 -> 64}, {@code 5.5 -> 6}).
 *
 * <p>Sizes are longs: an image of extreme aspect ratio resizes to more pixels than an int counts
 * (only the crop is ever computed, see {@link PilResize#resizeCrop}).
 *
 * @param resizedWidth width after the shorter-side resize
 * @param resizedHeight height after the shorter-side resize
 * @param cropLeft first column of the crop in the resized image
 * @param cropTop first row of the crop in the resized image
 */
record ResizeCropGeometry(long resizedWidth, long resizedHeight, long cropLeft, long cropTop) {

    /** The geometry for a {@code width x height} image, shorter side to {@code shortSide}, crop {@code crop}. */
    static ResizeCropGeometry of(int width, int height, int shortSide, int crop) {
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
                centerCropOffset(resizedWidth, crop), centerCropOffset(resizedHeight, crop));
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
