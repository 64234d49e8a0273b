package io.ticketflow.benchmarks;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Quality of a classifier on labelled data: accuracy, and precision, recall and F1 per class with their unweighted
 * mean (macro) and their mean weighted by support. Immutable.
 */
public final class ClassificationReport {

    private final List<String> classes;
    private final int[][] confusion; // [actual][predicted]
    private final int total;

    private ClassificationReport(List<String> classes, int[][] confusion, int total) {
        this.classes = classes;
        this.confusion = confusion;
        this.total = total;
    }

    /**
     * Compares predictions with the truth.
     *
     * @param actual the true class of each item
     * @param predicted the predicted class of each item, in the same order
     */
    public static ClassificationReport of(List<String> actual, List<String> predicted) {
        if (actual.size() != predicted.size() || actual.isEmpty()) {
            throw new IllegalArgumentException("need as many predictions as items, and at least one");
        }
        SortedSet<String> classes = new TreeSet<>(actual);
        classes.addAll(predicted);
        List<String> ordered = List.copyOf(classes);
        int[][] confusion = new int[ordered.size()][ordered.size()];
        for (int i = 0; i < actual.size(); i++) {
            confusion[ordered.indexOf(actual.get(i))][ordered.indexOf(predicted.get(i))]++;
        }
        return new ClassificationReport(ordered, confusion, actual.size());
    }

    public List<String> classes() {
        return classes;
    }

    public double accuracy() {
        int correct = 0;
        for (int c = 0; c < classes.size(); c++) {
            correct += confusion[c][c];
        }
        return (double) correct / total;
    }

    /** Items whose true class is {@code c}. */
    public int support(int c) {
        int sum = 0;
        for (int p = 0; p < classes.size(); p++) {
            sum += confusion[c][p];
        }
        return sum;
    }

    public double precision(int c) {
        int predicted = 0;
        for (int a = 0; a < classes.size(); a++) {
            predicted += confusion[a][c];
        }
        return predicted == 0 ? 0 : (double) confusion[c][c] / predicted;
    }

    public double recall(int c) {
        int support = support(c);
        return support == 0 ? 0 : (double) confusion[c][c] / support;
    }

    /** F1 of class {@code c}; 0 when both precision and recall are 0. */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The unweighted mean of the per-class F1 scores: every class counts the same, however rare. */
    public double macroF1() {
        double sum = 0;
        for (int c = 0; c < classes.size(); c++) {
            sum += f1(c);
        }
        return sum / classes.size();
    }

    /** The mean of the per-class F1 scores weighted by support. */
    public double weightedF1() {
        double sum = 0;
        for (int c = 0; c < classes.size(); c++) {
            sum += f1(c) * support(c);
        }
        return sum / total;
    }

    /** Prints the per-class table and the summary figures. */
    public void print(PrintStream out) {
        int width = Math.max(5, classes.stream().mapToInt(String::length).max().orElse(5));
        String row = "%-" + width + "s  %9s  %6s  %6s  %7s%n";
        out.printf(Locale.ROOT, row, "class", "precision", "recall", "f1", "support");
        for (int c = 0; c < classes.size(); c++) {
            out.printf(
                    Locale.ROOT,
                    row,
                    classes.get(c),
                    format(precision(c)),
                    format(recall(c)),
                    format(f1(c)),
                    support(c));
        }
        out.printf(
                Locale.ROOT,
                "accuracy %s  macro-F1 %s  weighted-F1 %s  (%d items)%n",
                format(accuracy()),
                format(macroF1()),
                format(weightedF1()),
                total);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
