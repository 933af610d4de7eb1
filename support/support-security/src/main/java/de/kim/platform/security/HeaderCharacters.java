package de.kim.platform.security;

/**
 * The characters the servlet firewall allows in header names and values, as Spring Security's
 * {@code StrictHttpFirewall} defines them (assigned Unicode, no control character), checked in a
 * loop instead of a regular expression. Spring's check runs a Unicode regex over a header value
 * each time it is read; with a kilobyte of bearer token read several times per request, that
 * was a third of case-service's CPU under load (JFR, docs/BENCHMARKS.md).
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    static boolean allowed(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean printableAscii = c >= 0x20 && c < 0x7F;
            if (!printableAscii && (Character.getType(c) == Character.UNASSIGNED || Character.isISOControl(c))) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
