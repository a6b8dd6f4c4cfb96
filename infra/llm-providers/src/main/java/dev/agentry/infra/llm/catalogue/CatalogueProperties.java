package dev.agentry.infra.llm.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * @param file the operator's catalogue file, in the format of the shipped {@code catalogue/models.json};
 *             null for the shipped one
 */
@ConfigurationProperties("agentry.catalogue")
record CatalogueProperties(Path file) {
}
