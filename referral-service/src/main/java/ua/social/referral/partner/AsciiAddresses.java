package ua.social.referral.partner;

import ua.social.identity.problem.ProblemException;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * E-mail and web addresses in their ASCII form, as HSDS 3.0 ({@code format: email}, {@code format: uri}) and
 * most receiving systems need them. A Cyrillic domain such as {@code центр.укр} becomes its IDNA punycode form
 * ({@code xn--...}, {@link IDN#toASCII}); non-ASCII characters of a web address's path, query or fragment are
 * percent-encoded (UTF-8). The local part of an e-mail address (before {@code @}) has no ASCII form, so a
 * non-ASCII one is refused (400 naming the field) when the directory is written, and left out of the export if
 * an older record still holds one.
 */
public final class AsciiAddresses {

    private AsciiAddresses() {
    }

    /** The address with its domain in ASCII; 400 naming {@code field} when that cannot be done. */
    public static String email(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return tryEmail(value).orElseThrow(() -> ProblemException.badRequest(field,
                "'" + value.trim() + "' cannot be given in ASCII: the part before @ must be ASCII "
                        + "(a Cyrillic domain such as .укр is accepted and stored as punycode)"));
    }

    /** The web address with its host in ASCII; 400 naming {@code field} when that cannot be done. */
    public static String web(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return tryWeb(value).orElseThrow(() -> ProblemException.badRequest(field,
                "'" + value.trim() + "' is not a web address that can be given in ASCII"));
    }

    public static Optional<String> tryEmail(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        int at = v.lastIndexOf('@');
        if (at <= 0 || at == v.length() - 1) {
            return Optional.empty();
        }
        String local = v.substring(0, at);
        if (!isAscii(local)) {
            return Optional.empty();
        }
        return asciiHost(v.substring(at + 1)).map(host -> local + "@" + host);
    }

    public static Optional<String> tryWeb(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        int scheme = v.indexOf("://");
        if (scheme <= 0) {
            return Optional.empty();
        }
        int hostStart = scheme + 3;
        int hostEnd = hostStart;
        while (hostEnd < v.length() && "/?#".indexOf(v.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        String authority = v.substring(hostStart, hostEnd);
        if (authority.contains("@")) {
            return Optional.empty();
        }
        String port = "";
        int colon = authority.lastIndexOf(':');
        if (colon >= 0) {
            port = authority.substring(colon);
            authority = authority.substring(0, colon);
        }
        Optional<String> host = asciiHost(authority);
        if (host.isEmpty()) {
            return Optional.empty();
        }
        String out = v.substring(0, hostStart).toLowerCase() + host.get() + port + percentEncode(v.substring(hostEnd));
        try {
            URI uri = new URI(out);
            return uri.isAbsolute() && uri.getHost() != null ? Optional.of(out) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> asciiHost(String host) {
        if (host.isEmpty()) {
            return Optional.empty();
        }
        try {
            String ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase();
            return ascii.isEmpty() || ascii.startsWith(".") || ascii.endsWith(".") ? Optional.empty() : Optional.of(ascii);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    private static String percentEncode(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp > 0x20 && cp < 0x7f) {
                out.appendCodePoint(cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
            }
        }
        return out.toString();
    }
}
