package dev.agentry.infra.secrets;

import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.secrets.testing.LocalKmsServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The secrets table on PostgreSQL, with the local master key and with KMS (a local KMS server). */
class SecretStoreTest {

    private static final String TOKEN = "xoxb-1111-2222-secret-bot-token";
    private static PostgresTestDatabase database;
    private static DriverManagerDataSource dataSource;
    private static LocalKmsServer kms;

    @TempDir
    Path home;

    @BeforeAll
    static void createTheSecretsTable() throws Exception {
        database = PostgresTestDatabase.create();
        dataSource = new DriverManagerDataSource(database.jdbcUrl(), PostgresTestDatabase.USER, "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/eventstore")
                .table("flyway_eventstore_history").load().migrate();
        System.setProperty("aws.accessKeyId", "AKIDSECRETSTORETEST");
        System.setProperty("aws.secretAccessKey", "local-kms-secret-key");
        kms = LocalKmsServer.start();
    }

    @AfterAll
    static void dropTheDatabase() {
        kms.close();
        database.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void aStoredSecretIsRevealedAgainAndTheTableHoldsOnlyCiphertextAndAWrappedKey() {
        SecretStore store = storeUnder(localKeyRing());

        String secretId = store.store(TOKEN);

        assertThat(store.reveal(secretId)).contains(TOKEN);
        Map<String, Object> row = jdbc().sql("SELECT * FROM secrets WHERE secret_id = :id").param("id", secretId)
                .query().singleRow();
        assertThat(new String((byte[]) row.get("ciphertext"), StandardCharsets.ISO_8859_1)).doesNotContain("xoxb");
        assertThat((String) row.get("key_id")).startsWith("local:");
        assertThat(row.toString()).doesNotContain(TOKEN);
    }

    @Test
    void everySecretHasAFreshDataKey() {
        SecretStore store = storeUnder(localKeyRing());

        String first = store.store(TOKEN);
        String second = store.store(TOKEN);

        List<byte[]> wrappedKeys = jdbc().sql("SELECT wrapped_key FROM secrets WHERE secret_id IN (:a, :b)")
                .param("a", first).param("b", second).query(byte[].class).list();
        assertThat(wrappedKeys).hasSize(2);
        assertThat(wrappedKeys.get(0)).isNotEqualTo(wrappedKeys.get(1));
    }

    @Test
    void aCiphertextMovedToAnotherRowDoesNotOpenThere() {
        SecretStore store = storeUnder(localKeyRing());
        String victim = store.store(TOKEN);
        String attacker = store.store("xoxb-attacker");
        jdbc().sql("""
                        UPDATE secrets SET ciphertext = v.ciphertext, wrapped_key = v.wrapped_key
                        FROM secrets v WHERE v.secret_id = :victim AND secrets.secret_id = :attacker""")
                .param("victim", victim).param("attacker", attacker).update();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.reveal(attacker))
                .isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void aDataKeyNoKeyAtHandUnwrapsIsReportedAndLeftAsItIs() {
        jdbc().sql("DELETE FROM secrets").update();
        String orphan = storeUnder(localKeyRing()).store(TOKEN);
        LocalMasterKey otherMaster = LocalMasterKey.openOrCreate(home.resolve("other.key"));

        SecretStore.RewrapReport report = storeUnder(new KeyRing(otherMaster, List.of())).rewrapAll();

        assertThat(report.rewrapped()).isZero();
        assertThat(report.unreadable()).containsOnlyKeys(orphan);
        assertThat(storeUnder(localKeyRing()).reveal(orphan)).contains(TOKEN);
    }

    @Test
    void aDeletedSecretIsGone() {
        SecretStore store = storeUnder(localKeyRing());
        String secretId = store.store(TOKEN);

        store.delete(secretId);
        store.delete(secretId);

        assertThat(store.reveal(secretId)).isEmpty();
    }

    @Test
    void withAKmsKeyDataKeysComeFromKms() {
        String arn = kms.createKey();
        SecretStore store = storeUnder(kmsKeyRing(arn, List.of()));

        String secretId = store.store(TOKEN);

        assertThat(store.keyIdOf(secretId)).contains(arn);
        assertThat(store.reveal(secretId)).contains(TOKEN);
    }

    @Test
    void rewrapMovesEveryDataKeyToTheCurrentKeyAndEverySecretStillOpens() {
        jdbc().sql("DELETE FROM secrets").update(); // those of other tests, under master keys gone with their folders
        LocalMasterKey localKey = LocalMasterKey.openOrCreate(home.resolve("master.key"));
        SecretStore before = storeUnder(new KeyRing(localKey, List.of()));
        String underLocal = before.store(TOKEN);
        String firstArn = kms.createKey();
        String underFirstKms = storeUnder(kmsKeyRing(firstArn, List.of())).store("xoxb-second");
        byte[] ciphertextBefore = ciphertextOf(underLocal);
        String currentArn = kms.createKey();
        SecretStore rotated = storeUnder(kmsKeyRing(currentArn, List.of(localKey)));
        long decryptsBefore = countOf("TrentService.Decrypt");

        SecretStore.RewrapReport report = rotated.rewrapAll();

        assertThat(report.rewrapped()).isEqualTo(2);
        assertThat(report.unreadable()).isEmpty();
        assertThat(report.keyId()).isEqualTo(currentArn);
        assertThat(rotated.keyIdOf(underLocal)).contains(currentArn);
        assertThat(rotated.keyIdOf(underFirstKms)).contains(currentArn);
        assertThat(ciphertextOf(underLocal)).as("the secret itself is not re-encrypted").isEqualTo(ciphertextBefore);
        assertThat(rotated.reveal(underLocal)).contains(TOKEN);
        assertThat(rotated.reveal(underFirstKms)).contains("xoxb-second");
        assertThat(countOf("TrentService.Decrypt")).isGreaterThan(decryptsBefore);
        assertThat(kms.requests()).noneSatisfy(request -> assertThat(request.body().toString()).contains("xoxb"));
        assertThat(rotated.rewrapAll().rewrapped()).as("a second rewrap finds nothing left").isZero();
    }

    private LocalMasterKey localKeyRingKey() {
        return LocalMasterKey.openOrCreate(home.resolve("master.key"));
    }

    private KeyRing localKeyRing() {
        return new KeyRing(localKeyRingKey(), List.of());
    }

    private static KeyRing kmsKeyRing(String arn, List<KeyWrapper> earlier) {
        return new KeyRing(new KmsKeyWrapper(SecretsConfiguration.kmsClient(
                new SecretsProperties(arn, kms.endpoint(), "eu-west-1")), arn), earlier);
    }

    private static SecretStore storeUnder(KeyRing keys) {
        return new SecretStore(jdbc(), keys, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    private static JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    private static byte[] ciphertextOf(String secretId) {
        return jdbc().sql("SELECT ciphertext FROM secrets WHERE secret_id = :id").param("id", secretId)
                .query(byte[].class).single();
    }

    private static long countOf(String target) {
        return kms.requests().stream().filter(request -> target.equals(request.target())).count();
    }
}
