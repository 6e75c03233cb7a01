package dev.efficientformer.download;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SHA-256 the server vouches for, read from response headers.
 *
 * <p>The Hugging Face hub stores weights in Git LFS and answers {@code /resolve/} with a redirect
 * to a CDN. The redirect carries {@code X-Linked-Etag: "<sha256 of the LFS object>"}; the CDN's own
 * {@code ETag} may be that SHA-256 as well, or an MD5 or multipart tag. So every response of the
 * redirect chain is consulted, {@code X-Linked-Etag} first, and an {@code ETag} counts only when
 * it is a 64-digit hex value.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
final class ServerChecksum {
    /** The header the hub puts the LFS object's SHA-256 in. */
    static final String LINKED_ETAG = "X-Linked-Etag";

    private ServerChecksum() {
    }

    /** The SHA-256 named by {@code response} or any response that redirected to it. */
    static Optional<String> of(HttpResponse<?> response) {
        List<HttpHeaders> chain = new ArrayList<>();
        for (Optional<? extends HttpResponse<?>> r = Optional.of(response); r.isPresent(); r = r.get().previousResponse()) {
            chain.add(r.get().headers());
        }
        for (String header : List.of(LINKED_ETAG, "ETag")) {
            for (HttpHeaders h : chain) {
                Optional<String> sha = h.firstValue(header).flatMap(Sha256::fromEntityTag);
                if (sha.isPresent()) {
                    return sha;
                }
            }
        }
        return Optional.empty();
    }
}
