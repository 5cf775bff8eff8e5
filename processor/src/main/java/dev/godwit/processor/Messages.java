package dev.godwit.processor;

import dev.godwit.MigrationIds;
import java.util.List;

/**
 * Every diagnostic of the processor. Each starts with a stable tag that users can search for and tests match on,
 * names the offending elements in full, and says how to fix the problem.
 */
final class Messages {

    static final String DUPLICATE_ID = "[GodwitDuplicateId]";
    static final String CONSTANT_CLASH = "[GodwitConstantClash]";
    static final String INVALID_ID = "[GodwitInvalidId]";
    static final String PRIVATE_METHOD = "[GodwitPrivateMethod]";
    static final String ABSTRACT_METHOD = "[GodwitAbstractMethod]";
    static final String GENERIC_METHOD = "[GodwitGenericMethod]";
    static final String NON_VOID_METHOD = "[GodwitNonVoidMethod]";
    static final String UNSUPPORTED_PARAMETER = "[GodwitUnsupportedParameter]";
    static final String REPEATED_PARAMETER = "[GodwitRepeatedParameter]";
    static final String PRIVATE_CLASS = "[GodwitPrivateClass]";
    static final String INNER_CLASS = "[GodwitInnerClass]";
    static final String LOCAL_CLASS = "[GodwitLocalClass]";
    static final String NOT_INSTANTIABLE = "[GodwitNotInstantiable]";
    static final String INVOKER_CLASH = "[GodwitInvokerClash]";
    static final String INVALID_REGISTRY_NAME = "[GodwitInvalidRegistryName]";
    static final String REGISTRY_EXISTS = "[GodwitRegistryExists]";
    static final String UNNAMED_PACKAGE = "[GodwitUnnamedPackage]";
    static final String REGISTRY_WRITTEN = "[GodwitRegistryWritten]";
    static final String SQL_CLASH = "[GodwitSqlClash]";
    static final String INVALID_SQL_LOCATION = "[GodwitInvalidSqlLocation]";
    static final String DEPENDENCY_DUPLICATE_ID = "[GodwitDependencyDuplicateId]";
    static final String INVALID_RUN_UNTIL = "[GodwitInvalidRunUntil]";
    static final String UNKNOWN_PREREQUISITE = "[GodwitUnknownPrerequisite]";
    static final String LATE_PREREQUISITE = "[GodwitLatePrerequisite]";
    static final String WRITE_FAILED = "[GodwitWriteFailed]";
    static final String INTERNAL_ERROR = "[GodwitInternalError]";

    private static final String ID_RULE = "an ID has 1 to " + MigrationIds.MAX_LENGTH
            + " characters: a letter or digit, then letters, digits, '.', '_' or '-' (" + MigrationIds.PATTERN
            + "), such as v1_backfill_language";

    private static final String PARAMETER_RULE = "A migration method takes only " + ParameterKind.describeAll()
            + " parameters, each at most once, in any order (or none).";

    private static final int STACK_FRAMES = 8;

    private Messages() {}

    static String duplicateId(String id, List<String> otherMethods) {
        return DUPLICATE_ID + " Migration ID '" + id + "' is also used by " + and(otherMethods)
                + ". The tracking table knows a migration only by its ID: give each of these methods its own ID.";
    }

    static String constantClash(String id, String constantName, List<String> otherIdsAndMethods) {
        return CONSTANT_CLASH + " Migration ID '" + id + "' and " + and(otherIdsAndMethods)
                + (otherIdsAndMethods.size() == 1 ? " would both" : " would all")
                + " become the registry constant " + constantName
                + ". IDs must differ in more than letter case and separators ('.', '_', '-'): rename one of them.";
    }

    static String emptyId() {
        return INVALID_ID + " Migration ID '' is empty: " + ID_RULE + ".";
    }

    static String idTooLong(String id) {
        return INVALID_ID + " Migration ID '" + id + "' has " + id.length() + " characters, more than "
                + MigrationIds.MAX_LENGTH + ": " + ID_RULE + ". Shorten it.";
    }

    static String idNotMatching(String id) {
        return INVALID_ID + " Migration ID '" + id + "' is not valid: " + ID_RULE
                + ". No spaces or quotes: IDs appear in SQL, file names and Java constants.";
    }

    static String privateMethod(String method) {
        return PRIVATE_METHOD + " @Migration method " + method
                + " is private, so the generated registry cannot call it. Make it package-private (or public).";
    }

    static String abstractMethod(String method) {
        return ABSTRACT_METHOD + " @Migration method " + method
                + " is abstract, so there is no code to run. Give it a body, or annotate a concrete method instead.";
    }

    static String genericMethod(String method) {
        return GENERIC_METHOD + " @Migration method " + method
                + " declares type parameters, which the registry has nothing to infer from. Remove them.";
    }

    static String nonVoidMethod(String method, String returnType) {
        return NON_VOID_METHOD + " @Migration method " + method + " returns " + returnType
                + ", but the runner has no use for a result. Make it return void.";
    }

    static String unsupportedParameter(String method, String parameter, String type) {
        return UNSUPPORTED_PARAMETER + " Parameter '" + parameter + "' of @Migration method " + method + " has type "
                + type + ", which Godwit cannot supply. " + PARAMETER_RULE;
    }

    static String repeatedParameter(String method, String parameter, String type) {
        return REPEATED_PARAMETER + " Parameter '" + parameter + "' of @Migration method " + method + " is a second "
                + type + ". " + PARAMETER_RULE + " Remove it.";
    }

    static String privateClass(String className) {
        return PRIVATE_CLASS + " Class " + className
                + " is private, so the generated registry cannot reach the @Migration methods in it."
                + " Make it package-private (or public).";
    }

    static String innerClass(String className) {
        return INNER_CLASS + " Class " + className
                + " is an inner (non-static) class, so the generated registry cannot reach the @Migration methods"
                + " in it. Make it static.";
    }

    static String localClass(String subject, String topLevelClass) {
        return LOCAL_CLASS + " " + subject + " (in " + topLevelClass + ") is in a local or anonymous class, which"
                + " generated code cannot name, so it would never run. Move it to a top-level or static nested class.";
    }

    static String notInstantiable(String method, String className, String what) {
        return NOT_INSTANTIABLE + " @Migration method " + method + " is an instance method, but " + className + " is "
                + what + ", so the runner cannot create an instance to call it on. Make the method static.";
    }

    static String invokerClash(String className, String invoker, String otherClassName) {
        return INVOKER_CLASH + " Godwit calls the @Migration methods of " + className + " through a generated class "
                + invoker + ", the same name as the one generated for " + otherClassName
                + ". Rename one of the two classes.";
    }

    static String invokerNameTaken(String className, String invoker) {
        return INVOKER_CLASH + " Godwit calls the @Migration methods of " + className + " through a generated class "
                + invoker + ", but the compilation already has a class of that name. Rename that class.";
    }

    static String invalidRegistryName(String option, String value) {
        return INVALID_REGISTRY_NAME + " -A" + option + "=" + value
                + " is not a valid qualified class name. Name the registry like -A" + option
                + "=com.example.AppMigrations, or leave the option out to get GodwitRegistry in the common package"
                + " of the migrations.";
    }

    static String registryExists(String registry, String option) {
        return REGISTRY_EXISTS + " Cannot generate the migration registry " + registry
                + ": a class of that name is already on the class path (from a dependency, or from this"
                + " compilation). Two registries of one name would clash at run time, and the migrations of one"
                + " would never run. Give this compilation's registry its own name with the compiler option -A"
                + option + "=<a qualified class name>, such as -A" + option + "=com.example.orders.OrderMigrations.";
    }

    static String unnamedPackage(String className, String registry, String option) {
        return UNNAMED_PACKAGE + " Class " + className + " has @Migration methods but is in the unnamed package, which"
                + " the registry " + registry + " (named by -A" + option + ") cannot refer to."
                + " Move the class into a package.";
    }

    static String registryWritten(String method, String registry) {
        return REGISTRY_WRITTEN + " @Migration method " + method + " appeared after Godwit had written the"
                + " migration registry " + registry + ", so it would never run. Another annotation processor"
                + " generated its class late: Godwit writes the registry in the first round that brings no new"
                + " migrations. Have that processor generate it earlier, or declare the migration in a hand-written"
                + " class.";
    }

    static String sqlClash(String id, String method, List<String> files) {
        return SQL_CLASH + " Migration ID '" + id + "' of @Migration method " + method + " is also the ID of the SQL"
                + (files.size() == 1 ? " migration " : " migrations ") + and(files)
                + ". An ID names one migration, and the runner would refuse to start with both: rename the method's ID"
                + " or the SQL file.";
    }

    static String invalidSqlLocation(String option, String value) {
        return INVALID_SQL_LOCATION + " -A" + option + "=" + value + " is not a resource directory. Name it like -A"
                + option + "=" + SqlFiles.DEFAULT_LOCATION + ": names of letters, digits, '.', '_', '-' or '$'"
                + " separated by '/', without a leading or trailing '/', '.' or '..' (and no 'classpath:' prefix), or"
                + " leave the option out for " + SqlFiles.DEFAULT_LOCATION + ".";
    }

    static String dependencyDuplicateId(String id, String method, String registry) {
        return DEPENDENCY_DUPLICATE_ID + " Migration ID '" + id + "' of @Migration method " + method
                + " is also the ID of a migration in " + registry + ", the migration registry of a dependency on the"
                + " class path. The runner would refuse to start with both: give this method its own ID (the"
                + " dependency's migration may already have run in some database under it).";
    }

    static String invalidRunUntil(String method, String value) {
        return INVALID_RUN_UNTIL + " runUntil \"" + value + "\" of @Migration method " + method
                + " is not an ISO-8601 instant in UTC, so the runner could not tell when the migration stops running."
                + " Write it like \"2027-03-01T00:00:00Z\" (date, 'T', time, 'Z'), as java.time.Instant.parse reads"
                + " it.";
    }

    static String invalidPrerequisite(String method, String prerequisite) {
        return INVALID_ID + " Prerequisite ID '" + prerequisite + "' in @Migration(after = ...) of method " + method
                + " is not valid, so no migration can have it: " + ID_RULE + ". Name the ID of the migration that"
                + " must succeed first.";
    }

    static String unknownPrerequisite(String id, String method, String prerequisite, String sqlLocation) {
        return UNKNOWN_PREREQUISITE + " Migration '" + id + "' (" + method + ") must run after '" + prerequisite
                + "', but no @Migration method of this compilation, no migration registry of a dependency and no SQL"
                + " file the compiler can see (" + sqlLocation + "/" + prerequisite + ".sql) has that ID. Correct"
                + " the ID; if it is a SQL migration, make the file visible to the compiler: put it in"
                + " src/main/resources/" + sqlLocation + " (Maven copies it before compiling), or add its resource"
                + " folder to the compiler's source path (Gradle: options.sourcepath).";
    }

    static String latePrerequisite(String id, String method, String prerequisite) {
        boolean self = id.equals(prerequisite);
        return LATE_PREREQUISITE + " Migration '" + id + "' (" + method + ") must run after '" + prerequisite + "', "
                + (self ? "which is itself" : "which does not sort before it in ID order")
                + ", so it would always be held back. A prerequisite must have an ID that sorts before the"
                + " migration's own (v4 before v5, v9 before v10), which also rules out cycles: "
                + (self ? "remove it from after." : "rename one of them, or remove the prerequisite.");
    }

    static String writeFailed(String file, Exception cause) {
        return WRITE_FAILED + " Godwit could not write " + file + ": " + cause
                + ". If another annotation processor or a source file creates the same file, remove the duplicate.";
    }

    static String internalError(Throwable crash) {
        StringBuilder message = new StringBuilder(INTERNAL_ERROR)
                .append(" The Godwit annotation processor failed unexpectedly: ")
                .append(crash);
        StackTraceElement[] frames = crash.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, STACK_FRAMES); i++) {
            message.append("\n\tat ").append(frames[i]);
        }
        if (frames.length > STACK_FRAMES) {
            message.append("\n\t... ").append(frames.length - STACK_FRAMES).append(" more");
        }
        Throwable cause = crash.getCause();
        for (int depth = 0; cause != null && depth < STACK_FRAMES; depth++, cause = cause.getCause()) {
            message.append("\nCaused by: ").append(cause);
        }
        return message.append("\nThis is a bug in Godwit, not in your code: please report it with this message.")
                .toString();
    }

    private static String and(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
