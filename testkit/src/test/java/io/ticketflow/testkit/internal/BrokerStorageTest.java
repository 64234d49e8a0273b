package io.ticketflow.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Formatting and deleting storage touches only files: no broker starts here. */
class BrokerStorageTest {

    @TempDir
    Path folder;

    @Test
    void shouldFormatAnEmptyFolderAndKeepItsClusterIdWhenFormattedAgain() {
        Path data = folder.resolve("kafka");
        BrokerStorage storage = BrokerStorage.at(data);

        String first = storage.formatIfNeeded();
        String second = BrokerStorage.at(data).formatIfNeeded();

        assertThat(data.resolve("meta.properties")).exists();
        assertThat(data.resolve("bootstrap.checkpoint")).exists();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldKeepAChosenFolderOnClose() {
        BrokerStorage storage = BrokerStorage.at(folder.resolve("kept"));
        storage.formatIfNeeded();

        storage.close();

        assertThat(storage.directory()).isDirectory();
    }

    @Test
    void shouldDeleteATemporaryFolderWithEverythingInItOnClose() throws IOException {
        BrokerStorage storage = BrokerStorage.temporary();
        storage.formatIfNeeded();
        Files.createDirectories(storage.directory().resolve("tickets-0"));
        Files.writeString(storage.directory().resolve("tickets-0/00000000000000000000.log"), "data");

        storage.close();

        assertThat(storage.directory()).doesNotExist();
    }

    @Test
    void shouldRefuseAFolderFormattedForAnotherNode() throws IOException {
        Path data = Files.createDirectories(folder.resolve("other-node"));
        Files.writeString(
                data.resolve("meta.properties"),
                "version=1\ncluster.id=Xr5v3YQ9QyS3fLx2nKzEeg\nnode.id=7\ndirectory.id=AAAAAAAAAAAAAAAAAAAAAQ\n");

        assertThatThrownBy(() -> BrokerStorage.at(data).formatIfNeeded())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(data.toString());
    }
}
