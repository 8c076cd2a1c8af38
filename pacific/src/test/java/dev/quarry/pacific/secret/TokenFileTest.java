package dev.quarry.pacific.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.pacific.provider.CloudFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The token file must be its owner's alone; no message ever shows the token. */
class TokenFileTest {
    private static final String TOKEN = "dop_v1_0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab";

    @TempDir
    Path folder;

    @Test
    void readsTheTokenOfAnOwnerOnlyFile() throws Exception {
        Path file = token(TOKEN + "\n", "rw-------");

        Secret secret = TokenFile.read(file);

        assertEquals(TOKEN, secret.reveal());
        assertEquals("***", secret.toString());
        assertEquals("token ***", secret.redact("token " + TOKEN));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rw-r--r--, 0644", "rw-r-----, 0640", "rw----r--, 0604", "r--r--r--, 0444", "rw-rw-rw-, 0666",
        "-w-------, 0200"})
    void refusesAFileOthersCanReadSayingHowToFixIt(String permissions, String mode) throws Exception {
        Path file = token(TOKEN, permissions);

        CloudFailure failure = assertThrows(CloudFailure.class, () -> TokenFile.read(file));

        assertEquals("pacific: " + file + " must be readable by its owner only (mode 0600), it is " + mode
                + "; run chmod 600 " + file, failure.getMessage());
        assertFalse(failure.getMessage().contains(TOKEN));
    }

    @Test
    void aMissingFileSaysWhereToPutTheToken() {
        Path file = folder.resolve("digitalocean-token");

        CloudFailure failure = assertThrows(CloudFailure.class, () -> TokenFile.read(file));

        assertEquals("pacific: " + file + " is missing; put the API token in it, on one line, and run chmod 600 "
                + file, failure.getMessage());
    }

    @Test
    void anEmptyFileAndAFileWithMoreThanTheTokenAreRefusedWithoutShowingIt() throws Exception {
        Path empty = token("  \n", "rw-------");
        Path twoLines = token(TOKEN + "\nsecond " + TOKEN + "\n", "r--------");

        assertEquals("pacific: " + empty + " is empty; put the API token in it, on one line",
                assertThrows(CloudFailure.class, () -> TokenFile.read(empty)).getMessage());
        String message = assertThrows(CloudFailure.class, () -> TokenFile.read(twoLines)).getMessage();
        assertEquals("pacific: " + twoLines + " must hold only the API token, on one line; remove anything else from it",
                message);
    }

    private Path token(String content, String permissions) throws IOException {
        Path file = Files.createTempFile(folder, "token", "");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}
