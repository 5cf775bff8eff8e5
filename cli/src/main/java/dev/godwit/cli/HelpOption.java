package dev.godwit.cli;

import picocli.CommandLine.Option;

/** {@code -h}, {@code --help} for a command; the version is the top command's ({@code godwit --version}). */
final class HelpOption {

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;
}
