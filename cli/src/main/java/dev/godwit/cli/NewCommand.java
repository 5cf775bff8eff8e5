package dev.godwit.cli;

import dev.godwit.MigrationIds;
import dev.godwit.cli.internal.ApplicationClassPath;
import dev.godwit.cli.internal.CliException;
import dev.godwit.cli.internal.ExitCodes;
import dev.godwit.cli.internal.KnownMigrations;
import dev.godwit.cli.internal.MigrationNumbering;
import dev.godwit.cli.internal.MigrationTemplates;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code godwit new}: the next migration, as a SQL file with a commented template or a method to paste. */
@Command(
        name = "new",
        header = "Scaffolds the next migration: a SQL file, or a @Migration method with --java.",
        description = {
            "Scaffolds the next migration. Its ID is the highest existing one (SQL files in --dir and the migrations"
                    + " of the registries on the class path) with its first number one higher and the same"
                    + " prefix and padding: v7_x is followed by v8_<slug>, 009_x by 010_<slug>. The first one is"
                    + " v1_<slug> (see --style).",
            "Writes DIR/<id>.sql with a commented template and prints its path, or with --java prints a @Migration"
                    + " method and writes nothing. Never overwrites a file. Needs no database."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.USAGE_HELP})
final class NewCommand implements Callable<Integer> {

    private final CommandContext context;

    @Parameters(
            arity = "1..*",
            paramLabel = "DESCRIPTION",
            description = "What the migration does, such as 'add user roles'; its slug (add_user_roles) ends the ID.")
    private List<String> description;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            defaultValue = "src/main/resources/db/migration",
            description = "The folder of the SQL migration files; created if missing. Default: ${DEFAULT-VALUE}.")
    private Path folder;

    @Option(names = "--java", description = "Print a @Migration method for the new ID instead of writing a file.")
    private boolean java;

    @Option(
            names = "--style",
            paramLabel = "v1|001",
            defaultValue = "v1",
            converter = StyleConverter.class,
            description = "How the first migration is numbered when there is none yet: v1 (v1_, v2_, ...) or 001"
                    + " (001_, 002_, ...). Default: ${DEFAULT-VALUE}.")
    private MigrationNumbering.Style style;

    @Option(names = "--id", paramLabel = "ID", description = "Use this ID instead of the next number.")
    private String id;

    @Option(
            names = "--table",
            paramLabel = "TABLE",
            defaultValue = "godwit_migrations",
            description = "The tracking table, named in the template's re-run statement. Default: ${DEFAULT-VALUE}.")
    private String table;

    @Mixin
    private HelpOption help = new HelpOption();

    @Mixin
    private ApplicationOptions application = new ApplicationOptions();

    NewCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String text = String.join(" ", description).strip();
        String slug = MigrationNumbering.slug(text);
        Map<String, String> known = knownMigrations();
        String newId = id != null ? checkedId(id, known) : nextId(known, slug, text);
        if (java) {
            context.out().print(MigrationTemplates.javaMethod(newId, text, slug));
            return ExitCodes.OK;
        }
        Path file = folder.resolve(newId + ".sql");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw CliException.usage("Cannot create the folder " + folder + ": " + e, e);
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
            writer.write(MigrationTemplates.sql(newId, text, table));
        } catch (FileAlreadyExistsException e) {
            throw CliException.usage(file + " already exists; it was not overwritten.", e);
        } catch (IOException e) {
            throw CliException.usage("Cannot write " + file + ": " + e, e);
        }
        context.out().println(file);
        return ExitCodes.OK;
    }

    private Map<String, String> knownMigrations() {
        Map<String, String> known = new LinkedHashMap<>(KnownMigrations.inFolder(folder));
        if (application.classPath.isEmpty()) {
            ClassLoader classLoader =
                    Session.applicationClassLoader(Thread.currentThread().getContextClassLoader());
            KnownMigrations.inRegistries(classLoader).forEach(known::putIfAbsent);
        } else {
            try (ApplicationClassPath classPath =
                    ApplicationClassPath.open(application.classPath, Godwit.class.getClassLoader())) {
                KnownMigrations.inRegistries(classPath.classLoader()).forEach(known::putIfAbsent);
            }
        }
        return known;
    }

    private String nextId(Map<String, String> known, String slug, String text) {
        if (slug.isEmpty()) {
            throw CliException.usage("The description '" + text + "' has no letter or digit to name the migration"
                    + " after; describe what it does, such as 'add user roles'.");
        }
        return MigrationNumbering.next(known.keySet(), slug, style);
    }

    private static String checkedId(String id, Map<String, String> known) {
        if (!MigrationIds.isValid(id)) {
            throw CliException.usage("'" + id + "' is not a valid migration ID: 1 to " + MigrationIds.MAX_LENGTH
                    + " characters matching " + MigrationIds.PATTERN + ".");
        }
        String existing = known.get(id);
        if (existing != null) {
            throw CliException.usage("The migration ID " + id + " is already used by " + existing
                    + "; nothing was written. Choose another ID, or leave out --id for the next one.");
        }
        return id;
    }

    /** Reads {@code --style}: {@code v1} or {@code 001}. */
    static final class StyleConverter implements ITypeConverter<MigrationNumbering.Style> {
        @Override
        public MigrationNumbering.Style convert(String value) {
            return MigrationNumbering.Style.of(value);
        }
    }
}
