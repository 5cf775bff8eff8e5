package dev.godwit.processor;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.StandardLocation;

/**
 * The migration IDs of the registries of dependencies: jars on the class path that were compiled with Godwit. The
 * same ID in this compilation is a compile error, not a runner that refuses to start.
 *
 * <p>How they are found. Beside each registry the processor generates an index class in the one package
 * {@value RegistryName#INDEX_PACKAGE}, named after the registry ({@link RegistryName#indexSimpleName()}), whose
 * constant {@code REGISTRY} is the registry's binary name. The compiler lists a package's classes across every jar
 * of the class path, which it cannot do for a resource (the Filer finds the first file of a name only); so listing
 * that package finds every dependency's registry, whose {@code public static final String} constants are its IDs.
 * Both are constants, read from the class files without loading anything.
 *
 * <p>An index in this compilation's own class output is this module's, left by an earlier build that did not clean
 * (Maven's incremental compilation, IDEs): it is skipped, as {@code [GodwitRegistryExists]} skips the old registry.
 */
final class DependencyIds {

    private final Elements elements;
    private final Filer filer;
    private Map<String, String> registries;

    DependencyIds(Elements elements, Filer filer) {
        this.elements = elements;
        this.filer = filer;
    }

    /** The binary name of the dependency's registry that has {@code id}, if one has. */
    Optional<String> registryWith(String id) {
        if (registries == null) {
            registries = readRegistries();
        }
        return Optional.ofNullable(registries.get(id));
    }

    /** Maps each ID of a dependency's registry to that registry; the first registry in name order wins. */
    private Map<String, String> readRegistries() {
        Map<String, String> byId = new TreeMap<>();
        List<TypeElement> indexes = elements.getAllPackageElements(RegistryName.INDEX_PACKAGE).stream()
                .flatMap(indexPackage -> ElementFilter.typesIn(indexPackage.getEnclosedElements()).stream())
                .filter(index -> index.getSimpleName().toString().startsWith(RegistryName.INDEX_PREFIX))
                .filter(index -> !isOwnPreviousOutput(index))
                .sorted(Comparator.comparing(index -> index.getQualifiedName().toString()))
                .toList();
        for (TypeElement index : indexes) {
            Optional<TypeElement> registry = stringConstants(index).stream()
                    .filter(field -> field.getSimpleName().contentEquals("REGISTRY"))
                    .findFirst()
                    .map(field -> registry(index, (String) field.getConstantValue()));
            for (VariableElement constant :
                    registry.map(DependencyIds::stringConstants).orElse(List.of())) {
                byId.putIfAbsent(
                        (String) constant.getConstantValue(),
                        registry.get().getQualifiedName().toString());
            }
        }
        return byId;
    }

    private boolean isOwnPreviousOutput(TypeElement index) {
        return FilerResources.exists(
                filer, StandardLocation.CLASS_OUTPUT, RegistryName.INDEX_PACKAGE, index.getSimpleName() + ".class");
    }

    /** The registry an index names, looked up in the index's module; {@code null} if it is not there. */
    private TypeElement registry(TypeElement index, String binaryName) {
        ModuleElement module = elements.getModuleOf(index);
        return module == null ? elements.getTypeElement(binaryName) : elements.getTypeElement(module, binaryName);
    }

    /** The {@code public static final String} fields of {@code type} that have a constant value. */
    private static List<VariableElement> stringConstants(TypeElement type) {
        return ElementFilter.fieldsIn(type.getEnclosedElements()).stream()
                .filter(field -> field.getModifiers().containsAll(List.of(Modifier.PUBLIC, Modifier.STATIC)))
                .filter(field -> field.getConstantValue() instanceof String)
                .toList();
    }
}
