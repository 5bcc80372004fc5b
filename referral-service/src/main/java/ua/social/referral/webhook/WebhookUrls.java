package ua.social.referral.webhook;

import ua.social.identity.problem.ProblemException;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an endpoint may be: an absolute {@code https://} URL with a host name, no user info and no fragment; not an
 * address of this network (loopback, private, link-local, unspecified). {@code http://} on localhost /
 * 127.0.0.1 only where {@code referral.webhooks.allow-insecure-localhost} says so (tests). Anything else is a
 * 400 naming {@code url}.
 */
public final class WebhookUrls {

    public static final int MAX_LENGTH = 2000;
    private static final Set<String> LOCALHOST = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private WebhookUrls() {
    }

    /** The endpoint, normalised; 400 naming {@code url} when it may not be one. */
    public static URI check(String url, boolean allowInsecureLocalhost) {
        if (url == null || url.isBlank()) {
            throw bad("must not be blank");
        }
        if (url.length() > MAX_LENGTH) {
            throw bad("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw bad("is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || host == null || host.isEmpty()) {
            throw bad("must be an absolute https:// URL with a host name");
        }
        if (uri.getRawUserInfo() != null) {
            throw bad("must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw bad("must not have a fragment (#...)");
        }
        boolean localhost = LOCALHOST.contains(host);
        if (localhost && allowInsecureLocalhost && (scheme.equals("http") || scheme.equals("https"))) {
            return uri;
        }
        if (!scheme.equals("https")) {
            throw bad("must use https://");
        }
        if (localhost || host.endsWith(".localhost") || internalAddress(host)) {
            throw bad("must be reachable on the internet, not an address of this network");
        }
        return uri;
    }

    /** An IP literal of loopback, private, link-local, unspecified or multicast space (no name is resolved). */
    private static boolean internalAddress(String host) {
        boolean ipv4 = IPV4.matcher(host).matches();
        if (!ipv4 && !host.startsWith("[")) {
            return false;
        }
        if (ipv4 && java.util.Arrays.stream(host.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255)) {
            throw bad("is not a valid address");
        }
        try {
            InetAddress a = InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
            return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                    || a.isMulticastAddress() || isUniqueLocalIpv6(a);
        } catch (UnknownHostException e) {
            throw bad("is not a valid address");
        }
    }

    private static boolean isUniqueLocalIpv6(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 16 && (b[0] & 0xfe) == 0xfc;
    }

    private static ProblemException bad(String message) {
        return ProblemException.badRequest("url", message);
    }
}
