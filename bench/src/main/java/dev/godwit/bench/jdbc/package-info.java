/**
 * The hand-written migration loops that the benchmark uses as its lower bounds: {@link dev.godwit.bench.jdbc.JdbcLoop}
 * with JDBC bodies, the database work alone, and {@link dev.godwit.bench.jdbc.JdbiLoop}, the same loop with bodies on
 * JDBI's {@code Handle}. Their generated migrations ({@code bench.jdbc.AllMigrations},
 * {@code bench.jdbi.AllMigrations}) are lists of {@link dev.godwit.bench.jdbc.JdbcMigration} and
 * {@link dev.godwit.bench.jdbc.JdbiMigration} lambdas.
 */
package dev.godwit.bench.jdbc;
