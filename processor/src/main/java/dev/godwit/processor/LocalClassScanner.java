package dev.godwit.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Finds {@code @Migration} methods in local and anonymous classes, which javac never shows to annotation processors
 * (they are not members of any class), so they would silently never run. Works on javac's syntax trees, where the
 * annotation is not yet resolved: it matches {@code @dev.godwit.Migration}, and {@code @Migration} in a file that
 * imports it. Under other compilers, or a wrapped javac (Gradle's incremental processing), it finds nothing.
 */
final class LocalClassScanner {

    private static final String PACKAGE = "dev.godwit";
    private static final Set<String> IMPORTS = Set.of(MigrationAnnotation.NAME, PACKAGE + ".*");

    private final Trees trees;
    private final Reporter reporter;

    /** @param trees javac's syntax trees, or {@code null} where the compiler offers none: then it finds nothing */
    LocalClassScanner(Trees trees, Reporter reporter) {
        this.trees = trees;
        this.reporter = reporter;
    }

    /** Reports every {@code @Migration} method in a local or anonymous class of the given top-level classes. */
    void scan(Set<? extends Element> rootElements) {
        if (trees == null) {
            return;
        }
        for (Element root : rootElements) {
            TreePath path = root instanceof TypeElement ? trees.getPath(root) : null;
            if (path != null) {
                String topLevel = ((TypeElement) root).getQualifiedName().toString();
                new Scanner(path.getCompilationUnit(), topLevel).scan(path, false);
            }
        }
    }

    private final class Scanner extends TreePathScanner<Void, Boolean> {

        private final CompilationUnitTree unit;
        private final String topLevel;
        private final boolean importsMigration;

        Scanner(CompilationUnitTree unit, String topLevel) {
            this.unit = unit;
            this.topLevel = topLevel;
            boolean imports = unit.getPackageName() != null
                    && unit.getPackageName().toString().equals(PACKAGE);
            for (ImportTree declaration : unit.getImports()) {
                imports |= !declaration.isStatic()
                        && IMPORTS.contains(declaration.getQualifiedIdentifier().toString());
            }
            this.importsMigration = imports;
        }

        @Override
        public Void visitClass(ClassTree tree, Boolean inLocalClass) {
            Tree parent = getCurrentPath().getParentPath().getLeaf();
            boolean member = parent instanceof ClassTree || parent instanceof CompilationUnitTree;
            return super.visitClass(tree, inLocalClass || !member);
        }

        @Override
        public Void visitMethod(MethodTree tree, Boolean inLocalClass) {
            if (inLocalClass && isMigration(tree)) {
                String method = "@Migration method " + tree.getName();
                reporter.error(Messages.localClass(method, topLevel), trees, tree, unit);
            }
            return super.visitMethod(tree, inLocalClass);
        }

        private boolean isMigration(MethodTree tree) {
            for (AnnotationTree annotation : tree.getModifiers().getAnnotations()) {
                String type = annotation.getAnnotationType().toString();
                if (type.equals(MigrationAnnotation.NAME) || (importsMigration && type.equals("Migration"))) {
                    return true;
                }
            }
            return false;
        }
    }
}
