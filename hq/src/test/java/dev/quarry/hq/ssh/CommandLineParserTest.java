package dev.quarry.hq.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineParserTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "git-receive-pack 'shop'      | shop",
        "git-receive-pack '/shop'     | shop",
        "git-receive-pack 'shop.git'  | shop",
        "git-receive-pack '/shop.git' | shop",
        "git-receive-pack shop        | shop",
        "git-receive-pack 'a-1'       | a-1"})
    void pushesNameTheirApp(String line, String app) {
        assertEquals(new ParsedCommand.Push(app), CommandLineParser.parse(line));
    }

    @Test
    void fetchesNameTheirApp() {
        assertEquals(new ParsedCommand.Fetch("shop"), CommandLineParser.parse("git-upload-pack '/shop.git'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"'../etc'", "'..'", "'/'", "'-rf'", "'--help'", "'a/b'", "'shop/../x'", "'Shop'",
        "'sh op'", "'shop\tx'", "' shop'", "'shop;rm'", "'$(id)'", "'shop.git.git'", "''", "'//shop'",
        "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'"})
    void hostileAppNamesAreRefused(String quoted) {
        ParsedCommand.Refused refused = assertInstanceOf(ParsedCommand.Refused.class,
                CommandLineParser.parse("git-receive-pack " + quoted));
        assertTrue(refused.reason().endsWith(" is not an app: an app name is 1 to 63 lowercase letters, digits and"
                + " dashes, not starting with a dash"), refused.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"git-receive-pack 'shop'\nid", "apps\r", "apps\u0000", "git-upload-pack 'shop\n'"})
    void controlCharactersAreRefused(String line) {
        ParsedCommand.Refused refused = assertInstanceOf(ParsedCommand.Refused.class, CommandLineParser.parse(line));
        assertTrue(refused.reason().startsWith("the command line holds control characters"), refused.reason());
    }

    @Test
    void verbsKeepTheirQuotedWords() {
        assertEquals(new ParsedCommand.Verb("config", List.of("shop", "set", "GREETING=hello world", "X=")),
                CommandLineParser.parse("config shop set 'GREETING=hello world' \"X=\""));
        assertEquals(new ParsedCommand.Verb("releases", List.of("shop", "--json")),
                CommandLineParser.parse("releases  shop --json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ls", "bash -i", "git-upload-archive 'shop'", "scp -f x", "/bin/sh", "rsync --server"})
    void otherCommandsAreRefused(String line) {
        ParsedCommand.Refused refused = assertInstanceOf(ParsedCommand.Refused.class, CommandLineParser.parse(line));
        assertTrue(refused.reason().startsWith("unknown command \""), refused.reason());
    }

    @Test
    void anUnclosedQuoteIsRefused() {
        assertEquals(new ParsedCommand.Refused("the command line has an unclosed quote; close it and try again"),
                CommandLineParser.parse("config shop set 'A=b"));
    }

    @Test
    void anOverlongLineIsRefused() {
        ParsedCommand parsed = CommandLineParser.parse("apps " + "x".repeat(CommandLineParser.MAX_LENGTH));
        assertInstanceOf(ParsedCommand.Refused.class, parsed);
    }
}
