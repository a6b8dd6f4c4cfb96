package dev.agentry.query.api;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelTest {

    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE TABLE\\s+(?:IF NOT EXISTS\\s+)?(\\w+)",
            Pattern.CASE_INSENSITIVE);

    @Test
    void everyTableTheReadModelMigrationsCreateIsOwnedByOneReadModelOrDeclaredNotProjected() throws IOException {
        List<String> created = new ArrayList<>();
        for (Resource migration : new PathMatchingResourcePatternResolver().getResources("classpath:db/readmodel/*.sql")) {
            Matcher table = CREATE_TABLE.matcher(migration.getContentAsString(StandardCharsets.UTF_8));
            while (table.find()) {
                created.add(table.group(1).toLowerCase(Locale.ROOT));
            }
        }
        List<String> owned = ReadModel.TABLES.values().stream().flatMap(List::stream).toList();

        assertThat(created).as("tables of the read-model migrations").isNotEmpty();
        assertThat(Stream.concat(owned.stream(), ReadModel.NOT_PROJECTED.stream()).toList())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(created);
    }
}
