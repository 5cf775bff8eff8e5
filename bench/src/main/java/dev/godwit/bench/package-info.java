/**
 * The benchmark of issue 7: Godwit against Flyway and a hand-written JDBC loop (and the same loop with JDBI bodies, for
 * Godwit's {@code Handle} bodies), on SQLite and embedded PostgreSQL, run by {@link dev.godwit.bench.Benchmark}. Not
 * published; nothing here is API.
 */
package dev.godwit.bench;
