/**
 * Benchmarks, each a class named after the benchmark ({@code category-accuracy} is
 * {@link io.ticketflow.benchmarks.CategoryAccuracyBenchmark}) with a {@code main} that {@code benchmarks/run NAME}
 * starts. Each prints what it measured and ends with one {@link io.ticketflow.benchmarks.ResultLine}; it exits
 * non-zero only when the run itself failed, never because a goal was missed.
 */
package io.ticketflow.benchmarks;
