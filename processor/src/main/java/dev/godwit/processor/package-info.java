/**
 * The Godwit annotation processor. {@link dev.godwit.processor.MigrationProcessor} is its only public class, and
 * users meet it only through the compiler; everything else here is package-private, with no compatibility
 * guarantees.
 *
 * <p>How the work is divided: {@code CompilationRounds} drives the rounds of a compilation; {@code
 * MigrationValidator}, {@code IdConflicts} and {@code LocalClassScanner} check the rules of {@link
 * dev.godwit.Migration}, reporting through {@code Reporter} the texts of {@code Messages}; valid methods become
 * {@code MigrationMethod} models, from which {@code CodeGenerator}, the only user of JavaPoet, writes an invoker per
 * class and the registry.
 */
package dev.godwit.processor;
