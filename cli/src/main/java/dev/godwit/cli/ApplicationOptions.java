package dev.godwit.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The option that names the application whose migrations a command works with. */
final class ApplicationOptions {

    @Option(
            names = {"--classpath", "--class-path"},
            paramLabel = "PATH",
            description = {
                "The application's jars and class folders, separated by '${sys:path.separator}' as for java -cp;"
                        + " DIR/* for every jar in DIR. Repeatable.",
                "Default: the class path godwit runs with."
            })
    List<String> classPath = new ArrayList<>();
}
