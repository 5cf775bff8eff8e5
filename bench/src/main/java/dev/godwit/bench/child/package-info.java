/**
 * What runs in the JVMs that the benchmark starts, one per measurement: the contenders behind one interface,
 * and the compilations of the processor's cost. Nothing here is Godwit's API.
 */
package dev.godwit.bench.child;
