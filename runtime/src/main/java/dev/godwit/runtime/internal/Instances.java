package dev.godwit.runtime.internal;

import dev.godwit.runtime.InvalidConfigurationException;
import dev.godwit.runtime.InvalidRegistryException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The objects instance migration methods are called on during one run: one per class, from the configured factory
 * or else the class's constructor, created when the first pending migration of the class needs it.
 */
final class Instances {

    private final Function<Class<?>, ?> factory;
    private final Map<Class<?>, Object> created = new HashMap<>();

    /** @param factory the {@code instances(...)} option, or {@code null} for the constructors */
    Instances(Function<Class<?>, ?> factory) {
        this.factory = factory;
    }

    /**
     * Returns the instance of {@code type}, creating it the first time.
     *
     * @throws InvalidConfigurationException if the factory returns {@code null} or an object of another class
     * @throws InvalidRegistryException if the constructor returns {@code null}
     */
    <T> T get(Class<T> type, Supplier<? extends T> constructor, String migrationId) {
        Object existing = created.get(type);
        if (existing != null) {
            return type.cast(existing);
        }
        T instance = factory == null ? construct(type, constructor, migrationId) : fromFactory(type, migrationId);
        created.put(type, instance);
        return instance;
    }

    private static <T> T construct(Class<T> type, Supplier<? extends T> constructor, String migrationId) {
        T instance = constructor.get();
        if (instance == null) {
            throw new InvalidRegistryException("The registry's constructor of " + type.getName()
                    + " returned null for migration " + migrationId + "; rebuild the module that contains it.");
        }
        return instance;
    }

    private <T> T fromFactory(Class<T> type, String migrationId) {
        Object instance = factory.apply(type);
        if (!type.isInstance(instance)) {
            throw new InvalidConfigurationException("The instance factory set with"
                    + " MigrationRunner.Builder.instances(...) returned "
                    + (instance == null ? "null" : "a " + instance.getClass().getName())
                    + " for " + type.getName() + ", which declares migration " + migrationId
                    + ". It must return an instance of the class it is given; leave instances(...) unset to use the"
                    + " class's no-argument constructor.");
        }
        return type.cast(instance);
    }
}
