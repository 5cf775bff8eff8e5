/**
 * The runner's implementation: discovery of registries, the migration plan, the run and its invocations.
 *
 * <p>Not API: no compatibility guarantees. Classes here are public only so that {@code dev.godwit.runtime} can use
 * them; they may change or disappear in any release.
 */
package dev.godwit.runtime.internal;
