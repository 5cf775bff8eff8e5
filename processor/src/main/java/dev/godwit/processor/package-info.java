/**
 * The Godwit annotation processor. {@link dev.godwit.processor.MigrationProcessor} is its only public class, and
 * users meet it only through the compiler; everything else here is package-private, with no compatibility
 * guarantees.
 *
 * <p>How the work is divided: {@code CompilationRounds} drives the rounds of a compilation; {@code
 * MigrationValidator}, {@code IdConflicts} and {@code LocalClassScanner} check the rules of {@link
 * dev.godwit.Migration}, {@code SqlFiles} and {@code DependencyIds} the IDs taken outside the compilation, reporting
 * through {@code Reporter} the texts of {@code Messages}; valid methods become {@code MigrationMethod} models, with a
 * checksum from {@code MethodChecksums}, from which {@code CodeGenerator}, the only user of JavaPoet, writes an
 * invoker per package, the registry and the registry's index.
 *
 * <h2>What is generated</h2>
 *
 * <ul>
 *   <li>In each package with migrations, one invoker per round that brought classes of that package (usually one),
 *       named after the first of those classes, {@code <Outer>_<Nested>_GodwitMigrations}: calls their methods
 *       directly, so package-private ones work without reflection. One per package rather than per class: each
 *       generated file costs javac a parse, an enter per later round and a class file.
 *   <li>The registry, {@code GodwitRegistry} in the migrations' common package unless {@code -Agodwit.registry}
 *       names it: an ID constant per migration, and a table of strings (ID, method, checksum) from which one loop
 *       makes the {@code MigrationDefinition}s; the few settings that differ from the defaults follow as code.
 *       {@code META-INF/services/dev.godwit.runtime.MigrationRegistry} lists it for the runtime.
 *   <li>The registry's index, {@code dev.godwit.generated.GodwitIndex_<registry's binary name, '.' as '_'>}, whose
 *       one constant {@code REGISTRY} is the registry's binary name. Nothing at run time reads it; it is there for
 *       this processor when it compiles code that depends on the jar.
 * </ul>
 *
 * <h2>Migration IDs beyond the compilation</h2>
 *
 * <p>Each ID must be free of SQL migration files ({@code [GodwitSqlClash]}) and of the registries of dependencies
 * ({@code [GodwitDependencyDuplicateId]}). The processor checks what the compiler can show it, and the runtime checks
 * everything again before it runs anything:
 *
 * <ul>
 *   <li>SQL files: {@code <location>/<id>.sql}, {@code <id>.postgresql.sql} and {@code <id>.sqlite.sql}, with the
 *       location {@code db/migration} or {@code -Agodwit.sqlLocation}, in the class output (where Maven copies
 *       resources before compiling) and on the source path. Not seen: files that the build copies after compiling
 *       or elsewhere (Gradle's {@code processResources}), and those in dependencies.
 *   <li>Dependencies: every jar compiled with Godwit has an index class in the one package {@code
 *       dev.godwit.generated}. The compiler can list a package's classes across the whole class path, where it
 *       finds only the first resource of a name; so the processor lists that package, reads each index's {@code
 *       REGISTRY}, and the registry's {@code String} constants, which are its IDs: constants all, read from class
 *       files without loading a class. An index in the compilation's own class output is the module's own, from an
 *       earlier build that did not clean, and is skipped. No index is generated in a named module (module-info):
 *       indexes of many modules in one package would be a split package, which the module system refuses.
 * </ul>
 *
 * <h2>Checksums</h2>
 *
 * <p>{@code MethodChecksums} hashes a canonical serialization of the method's syntax tree, written here rather than
 * taken from javac's pretty-printer, so that it is the same on every JDK and changes with what the method does, not
 * with its formatting or comments. Without javac's tree API (another compiler, a wrapped javac) the checksum is
 * {@code null}.
 */
package dev.godwit.processor;
