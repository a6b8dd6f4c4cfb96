package dev.agentry.infra.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * The embedded default's key encryption key: 32 random bytes in {@code AGENTRY_HOME/master.key}, created at
 * first start readable and writable by its owner only. Its key id is {@code local:} and the first bytes of
 * its SHA-256, so a data key records which master key wrapped it without revealing it.
 */
final class LocalMasterKey implements KeyWrapper {

    static final String KEY_ID_PREFIX = "local:";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final byte[] masterKey;
    private final String keyId;

    private LocalMasterKey(byte[] masterKey) {
        this.masterKey = masterKey;
        this.keyId = KEY_ID_PREFIX + fingerprint(masterKey);
    }

    /** Reads the key file, creating it with owner-only permissions when it does not exist. */
    static LocalMasterKey openOrCreate(Path file) {
        try {
            if (Files.notExists(file)) {
                create(file);
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length != AesGcm.KEY_BYTES) {
                throw new IllegalStateException("%s holds %d bytes, not a %d-byte master key"
                        .formatted(file, key.length, AesGcm.KEY_BYTES));
            }
            return new LocalMasterKey(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] key = AesGcm.newKey();
        try {
            // created with its permissions, so that it is never readable by others, not even for a moment
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException createdMeanwhile) {
            return;
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.write(file, key, StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Override
    public String currentKeyId() {
        return keyId;
    }

    @Override
    public boolean owns(String keyId) {
        return this.keyId.equals(keyId);
    }

    @Override
    public DataKey generate() {
        return wrap(AesGcm.newKey());
    }

    @Override
    public DataKey wrap(byte[] plaintext) {
        return new DataKey(plaintext, AesGcm.encrypt(masterKey, plaintext, associatedData()), keyId);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, String keyId) {
        if (!owns(keyId)) {
            throw new SecretUnreadableException("the data key was wrapped by master key '%s', not by this one ('%s')"
                    .formatted(keyId, this.keyId));
        }
        return AesGcm.decrypt(masterKey, wrapped, associatedData());
    }

    private byte[] associatedData() {
        return keyId.getBytes(StandardCharsets.UTF_8);
    }

    private static String fingerprint(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
