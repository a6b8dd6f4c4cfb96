package dev.agentry.infra.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalMasterKeyTest {

    @TempDir
    Path home;

    @Test
    void theMasterKeyIsCreatedAtFirstStartReadableByItsOwnerOnly() throws Exception {
        Path file = home.resolve("nested/master.key");

        LocalMasterKey.openOrCreate(file);

        assertThat(Files.readAllBytes(file)).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void reopeningTheFileGivesTheSameKeyWhichUnwrapsWhatItWrapped() {
        Path file = home.resolve("master.key");
        DataKey generated = LocalMasterKey.openOrCreate(file).generate();

        LocalMasterKey reopened = LocalMasterKey.openOrCreate(file);

        assertThat(reopened.currentKeyId()).isEqualTo(generated.keyId()).startsWith("local:");
        assertThat(reopened.unwrap(generated.wrapped(), generated.keyId())).isEqualTo(generated.plaintext());
        assertThat(generated.wrapped()).hasSize(12 + 32 + 16); // nonce, the key encrypted, the GCM tag
    }

    @Test
    void anotherMasterKeyCannotUnwrapAndSaysWhichKeyWould() {
        DataKey generated = LocalMasterKey.openOrCreate(home.resolve("a.key")).generate();
        LocalMasterKey other = LocalMasterKey.openOrCreate(home.resolve("b.key"));

        assertThat(other.currentKeyId()).isNotEqualTo(generated.keyId());
        assertThatThrownBy(() -> other.unwrap(generated.wrapped(), generated.keyId()))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining(generated.keyId());
    }

    @Test
    void anAlteredWrappedKeyDoesNotOpen() {
        LocalMasterKey master = LocalMasterKey.openOrCreate(home.resolve("master.key"));
        DataKey generated = master.generate();
        generated.wrapped()[20] ^= 1;

        assertThatThrownBy(() -> master.unwrap(generated.wrapped(), generated.keyId()))
                .isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void aFileThatIsNotAMasterKeyIsRefused() throws Exception {
        Path file = Files.writeString(home.resolve("master.key"), "too short");

        assertThatThrownBy(() -> LocalMasterKey.openOrCreate(file))
                .hasMessageContaining("not a 32-byte master key");
    }
}
