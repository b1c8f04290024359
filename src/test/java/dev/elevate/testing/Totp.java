package dev.elevate.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 codes for the dev realm's OTP credentials, so tests can pass the step-up to gold. */
public final class Totp {

    /** The realm's OTP period; Keycloak refuses a code used before, so the next use steps on. */
    public static final Duration PERIOD = Duration.ofSeconds(30);

    /** bob's OTP secret exactly as the dev realm stores it (a dev-only value). */
    public static final String BOB_SECRET = "dev-only-bob-totp-secret-0001";

    /** carol's OTP secret exactly as the dev realm stores it (a dev-only value). */
    public static final String CAROL_SECRET = "dev-only-carol-totp-secret-0002";

    /** frank's OTP secret exactly as the dev realm stores it (a dev-only value). */
    public static final String FRANK_SECRET = "dev-only-frank-totp-secret-0003";

    private static final String ALGORITHM = "HmacSHA1";
    private static final int MODULUS = 1_000_000;
    private static final Map<String, String> SECRETS = Map.of(
            DemoUsers.BOB, BOB_SECRET,
            DemoUsers.CAROL, CAROL_SECRET,
            DemoUsers.FRANK, FRANK_SECRET);

    private Totp() {
    }

    /** The dev secret of a demo user; only the approvers bob, carol and frank have OTP. */
    public static String secretOf(String username) {
        String secret = SECRETS.get(username);
        if (secret == null) {
            throw new IllegalArgumentException(username + " has no OTP in the dev realm");
        }
        return secret;
    }

    /** The 6-digit code at {@code at}; Keycloak's HMAC key is the stored secret's UTF-8 bytes. */
    public static String code(String secret, Instant at) {
        long counter = Math.floorDiv(at.getEpochSecond(), PERIOD.toSeconds());
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int truncated = ByteBuffer.wrap(hash, offset, Integer.BYTES).getInt() & 0x7fffffff;
        return String.format("%06d", truncated % MODULUS);
    }
}
