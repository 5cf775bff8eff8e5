/**
 * The {@code godwit} command line: {@link dev.godwit.cli.Godwit} is its main class, and each command a class of its
 * own. The command line, its exit codes and its output formats are the interface; the classes are not API.
 */
package dev.godwit.cli;
