/**
 * The hand-written JDBC migration loop that the benchmark uses as its lower bound. The generated migrations of the
 * loop ({@code bench.jdbc.AllMigrations}) are lists of {@link dev.godwit.bench.jdbc.JdbcMigration} lambdas.
 */
package dev.godwit.bench.jdbc;
