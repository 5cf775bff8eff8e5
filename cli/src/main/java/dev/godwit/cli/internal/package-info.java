/**
 * The machinery behind the {@code godwit} command: connection URLs, the application's class path, output, and the
 * numbering of new migrations. Not API: no compatibility guarantees; the command line is the interface.
 */
package dev.godwit.cli.internal;
