/**
 * SQL-file migrations: finding the files of one resource location on the class path, their names and database
 * variants, their checksums, and splitting a file into statements.
 *
 * <p>Not API: no compatibility guarantees. Classes here are public only so that the runner can use them; they may
 * change or disappear in any release.
 */
package dev.godwit.runtime.internal.sql;
