package org.newsroom.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One of the theme's files under the name it is served by: its content's hash is part of the name, so a browser
 * may keep it for a year and a new release's file is a new address.
 */
public record Asset(String name, byte[] content, String mediaType) {

    static Asset fingerprinted(String resource, String mediaType) {
        byte[] content = read(resource);
        int dot = resource.lastIndexOf('.');
        String base = resource.substring(resource.lastIndexOf('/') + 1, dot);
        return new Asset(base + "." + hash(content) + resource.substring(dot), content, mediaType);
    }

    private static byte[] read(String resource) {
        try (InputStream in = Asset.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The theme's " + resource + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
