package dev.godwit.processor;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;

/**
 * Computes the checksum of a {@code @Migration} method from its syntax tree, so that the runtime can tell a method
 * that changed after it ran.
 *
 * <p>The checksum is the SHA-256, in lowercase hex, of a canonical serialization written here, never of javac's
 * pretty-printer ({@code Tree.toString()}), whose output differs between JDK versions: upgrading the compiler must
 * not make every migration look changed. The serialization covers the parameters (names and types) and the body:
 * every node as its {@link Tree.Kind} name, with the names, operators and literal values it carries, children in a
 * fixed order, with markers for absent children and for list boundaries so that no two trees serialize alike.
 * Left out, as they do not change what the method does: whitespace, comments and the doc comment (not in the tree),
 * annotations and modifiers, redundant parentheses (the tree's shape already says how an expression groups), and
 * the spelling of a literal ({@code 0x10} is {@code 16}; a string split with {@code +} over lines is one literal,
 * which javac folds). The method's name, modifiers and {@code throws} clause are left out too. Floating-point
 * values are serialized as their bits, since {@code Double.toString} changed in JDK 19.
 *
 * <p>Where the compiler offers no syntax tree — another compiler than javac, a javac wrapped by a build tool or an
 * IDE, or a class read from a class file — there is no checksum: {@code null}, never an error.
 */
final class MethodChecksums {

    /**
     * Kinds left out with everything under them. Annotations are metadata. Modifiers hardly change what code does,
     * and javac's parser adds flags of its own that vary by version: JDK 17 marks try-with-resources variables
     * {@code final}, JDK 25 does not.
     */
    private static final Set<Tree.Kind> SKIPPED =
            Set.of(Tree.Kind.ANNOTATION, Tree.Kind.TYPE_ANNOTATION, Tree.Kind.MODIFIERS);

    /** Kinds serialized as their children alone: they only group what the tree's shape already groups. */
    private static final Set<Tree.Kind> TRANSPARENT = Set.of(Tree.Kind.PARENTHESIZED, Tree.Kind.ANNOTATED_TYPE);

    private final Trees trees;

    /**
     * One digest for every method, reset by each {@code digest()}: looking one up through the security providers took
     * a third of the time a checksum takes. A processor runs on one thread.
     */
    private final MessageDigest sha256;

    /** @param trees javac's syntax trees, or {@code null} where the compiler offers none */
    MethodChecksums(Trees trees) {
        this.trees = trees;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /**
     * Returns the checksum of {@code method}, whose parameters are {@code parameters}: 64 lowercase hex digits, or
     * {@code null} where the compiler offers no syntax tree of the method.
     */
    String of(ExecutableElement method, List<ParameterKind> parameters) {
        if (trees == null) {
            return null;
        }
        MethodTree tree = trees.getTree(method);
        if (tree == null || tree.getBody() == null) {
            return null;
        }
        return sha256(serialize(tree, parameters));
    }

    /**
     * The canonical text of a method: its parameters, each as its name and the qualified name of its type (so that
     * {@code Handle} and {@code org.jdbi.v3.core.Handle} are alike), then its body.
     */
    private static String serialize(MethodTree method, List<ParameterKind> parameters) {
        Serializer serializer = new Serializer();
        serializer.out.append("(PARAMETERS[");
        for (int i = 0; i < parameters.size(); i++) {
            serializer.attribute(method.getParameters().get(i).getName().toString());
            serializer.attribute(parameters.get(i).typeName());
        }
        serializer.out.append("])");
        serializer.scan(method.getBody(), null);
        return serializer.out.toString();
    }

    private String sha256(String text) {
        return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes a tree as {@code (KIND attributes children)}, lists as {@code [...]}, an absent child as {@code ~}, and
     * each name or value as its length, a colon and its text, so that no text can pass for structure. The traversal
     * is {@link TreeScanner}'s, which is the same on JDK 17 and 25 except for {@code case}, done here.
     */
    private static final class Serializer extends TreeScanner<Void, Void> {

        private final StringBuilder out = new StringBuilder();

        void attribute(String text) {
            out.append(' ').append(text.length()).append(':').append(text);
        }

        @Override
        public Void scan(Tree tree, Void unused) {
            if (tree == null) {
                out.append('~');
            } else if (TRANSPARENT.contains(tree.getKind())) {
                super.scan(tree, unused);
            } else if (!SKIPPED.contains(tree.getKind())) {
                out.append('(').append(tree.getKind().name());
                super.scan(tree, unused);
                out.append(')');
            }
            return null;
        }

        @Override
        public Void scan(Iterable<? extends Tree> trees, Void unused) {
            if (trees == null) {
                out.append('~');
                return null;
            }
            out.append('[');
            for (Tree tree : trees) {
                scan(tree, unused);
            }
            out.append(']');
            return null;
        }

        @Override
        public Void visitIdentifier(IdentifierTree node, Void unused) {
            attribute(node.getName().toString());
            return null;
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree node, Void unused) {
            attribute(node.getIdentifier().toString());
            return super.visitMemberSelect(node, unused);
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree node, Void unused) {
            attribute(node.getMode().name());
            attribute(node.getName().toString());
            return super.visitMemberReference(node, unused);
        }

        @Override
        public Void visitLiteral(LiteralTree node, Void unused) {
            Object value = node.getValue();
            if (value instanceof Double number) {
                attribute(Long.toHexString(Double.doubleToRawLongBits(number)));
            } else if (value instanceof Float number) {
                attribute(Integer.toHexString(Float.floatToRawIntBits(number)));
            } else if (value instanceof Character character) {
                attribute(Integer.toString(character));
            } else if (value != null) {
                attribute(value.toString());
            }
            return null;
        }

        @Override
        public Void visitVariable(VariableTree node, Void unused) {
            attribute(node.getName().toString());
            return super.visitVariable(node, unused);
        }

        @Override
        public Void visitMethod(MethodTree node, Void unused) {
            attribute(node.getName().toString());
            return super.visitMethod(node, unused);
        }

        @Override
        public Void visitClass(ClassTree node, Void unused) {
            attribute(node.getSimpleName().toString());
            return super.visitClass(node, unused);
        }

        @Override
        public Void visitTypeParameter(TypeParameterTree node, Void unused) {
            attribute(node.getName().toString());
            return super.visitTypeParameter(node, unused);
        }

        @Override
        public Void visitPrimitiveType(PrimitiveTypeTree node, Void unused) {
            attribute(node.getPrimitiveTypeKind().name());
            return null;
        }

        @Override
        public Void visitLabeledStatement(LabeledStatementTree node, Void unused) {
            attribute(node.getLabel().toString());
            return super.visitLabeledStatement(node, unused);
        }

        @Override
        public Void visitBreak(BreakTree node, Void unused) {
            label(node.getLabel());
            return null;
        }

        @Override
        public Void visitContinue(ContinueTree node, Void unused) {
            label(node.getLabel());
            return null;
        }

        private void label(CharSequence label) {
            if (label == null) {
                out.append('~');
            } else {
                attribute(label.toString());
            }
        }

        /**
         * A case the JDK 17 way on every JDK: its constant labels (none for {@code default}), then its statements or
         * rule body. JDK 21 wraps each label in a node of its own and scans a guard, which would change the
         * checksum of unchanged Java 17 code; what only Java 21 code has (pattern labels, guards) is added after.
         */
        @Override
        public Void visitCase(CaseTree node, Void unused) {
            attribute(node.getCaseKind().name());
            scan(node.getExpressions(), unused);
            List<Tree> java21 = Java21Cases.patternsAndGuard(node);
            if (!java21.isEmpty()) {
                scan(java21, unused);
            }
            if (node.getCaseKind() == CaseTree.CaseKind.RULE) {
                scan(node.getBody(), unused);
            } else {
                scan(node.getStatements(), unused);
            }
            return null;
        }
    }

    /**
     * The parts of a {@code case} that JDK 21 added to the tree API, read reflectively since Godwit compiles against
     * JDK 17's: labels other than constants and {@code default}, and the guard.
     */
    private static final class Java21Cases {

        private static final Method LABELS = method("getLabels");
        private static final Method GUARD = method("getGuard");
        private static final Set<String> JAVA_17_LABELS = Set.of("CONSTANT_CASE_LABEL", "DEFAULT_CASE_LABEL");

        private static Method method(String name) {
            try {
                return CaseTree.class.getMethod(name);
            } catch (NoSuchMethodException beforeJdk21) {
                return null;
            }
        }

        static List<Tree> patternsAndGuard(CaseTree node) {
            if (LABELS == null || GUARD == null) {
                return List.of();
            }
            try {
                List<Tree> parts = new ArrayList<>();
                for (Object label : (List<?>) LABELS.invoke(node)) {
                    Tree tree = (Tree) label;
                    if (!JAVA_17_LABELS.contains(tree.getKind().name())) {
                        parts.add(tree);
                    }
                }
                Tree guard = (Tree) GUARD.invoke(node);
                if (guard != null) {
                    parts.add(guard);
                }
                return parts;
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read the labels of a case", e);
            }
        }
    }
}
