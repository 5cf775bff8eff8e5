package dev.godwit.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The chart of a run, as SVG written by hand: time against N on log-log axes, one panel per database and scenario,
 * one line per contender through the medians, with the min-max range as a bar at each point.
 */
final class SvgChart {

    private static final List<Metric> ROWS = List.of(Metric.ALL_PENDING, Metric.NOOP_COLD, Metric.NOOP_WARM);
    private static final int PANEL_WIDTH = 340;
    private static final int PANEL_HEIGHT = 240;
    private static final int LEFT = 62;
    private static final int RIGHT = 14;
    private static final int TOP = 28;
    private static final int BOTTOM = 38;
    private static final int LEGEND = 64;
    /** A legend entry's line and gap, before and after its label. */
    private static final int LEGEND_ENTRY = 50;
    /** An estimate of a character's width in a label of the legend, at its font size. */
    private static final int LEGEND_CHARACTER = 7;

    private final Results results;
    private final StringBuilder svg = new StringBuilder();

    SvgChart(Results results) {
        this.results = results;
    }

    String render() {
        List<DatabaseSetup> databases = results.databases();
        // Two panels wide at least, for the legend.
        int width = Math.max(2, databases.size()) * PANEL_WIDTH;
        int height = LEGEND + ROWS.size() * PANEL_HEIGHT;
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"sans-serif\" font-size=\"11\">\n",
                width,
                height,
                width,
                height));
        svg.append(String.format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", width, height));
        legend();
        for (int column = 0; column < databases.size(); column++) {
            svg.append(String.format(
                    "<text x=\"%d\" y=\"%d\" font-size=\"13\" font-weight=\"bold\">%s</text>\n",
                    column * PANEL_WIDTH + LEFT,
                    LEGEND - 4,
                    escape(databases.get(column).label())));
            for (int row = 0; row < ROWS.size(); row++) {
                panel(databases.get(column), ROWS.get(row), column * PANEL_WIDTH, LEGEND + row * PANEL_HEIGHT);
            }
        }
        return svg.append("</svg>\n").toString();
    }

    private void legend() {
        int x = 12;
        for (Contender contender : Contender.values()) {
            String color = color(contender);
            svg.append(String.format(
                    "<line x1=\"%d\" y1=\"18\" x2=\"%d\" y2=\"18\" stroke=\"%s\" stroke-width=\"2.5\"/>"
                            + "<circle cx=\"%d\" cy=\"18\" r=\"3.5\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"22\" font-size=\"13\">%s</text>\n",
                    x, x + 28, color, x + 14, color, x + 34, escape(contender.label())));
            // As wide as its label, so that five entries fit the width of two panels.
            x += LEGEND_ENTRY + LEGEND_CHARACTER * contender.label().length();
        }
        svg.append("<text x=\"12\" y=\"40\" fill=\"#555\">time against N, log-log; dots: medians of cold JVMs (warm:"
                + " of each JVM's median), bars: min-max</text>\n");
    }

    private void panel(DatabaseSetup database, Metric metric, int x0, int y0) {
        List<Integer> sizes = results.sizes(database);
        double low = Double.MAX_VALUE;
        double high = 0;
        for (int size : sizes) {
            for (Contender contender : Contender.values()) {
                Optional<Results.Summary> summary = results.summary(database, metric, size, contender);
                if (summary.isPresent()) {
                    low = Math.min(low, summary.get().min());
                    high = Math.max(high, summary.get().max());
                }
            }
        }
        svg.append(String.format(
                "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>\n", x0 + LEFT, y0 + TOP - 8, metric.label()));
        if (high <= 0 || sizes.isEmpty()) {
            return;
        }
        double xMin = Math.log10(sizes.get(0)) - 0.15;
        double xMax = Math.log10(sizes.get(sizes.size() - 1)) + 0.15;
        double yMin = Math.floor(Math.log10(low));
        double yMax = Math.max(Math.ceil(Math.log10(high)), yMin + 1);
        Axes axes = new Axes(
                x0 + LEFT, y0 + TOP, PANEL_WIDTH - LEFT - RIGHT, PANEL_HEIGHT - TOP - BOTTOM, xMin, xMax, yMin, yMax);
        svg.append(String.format(
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>\n",
                axes.left, axes.top, axes.width, axes.height));
        for (double decade = yMin; decade <= yMax; decade++) {
            double y = axes.y(Math.pow(10, decade));
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
                    axes.left,
                    y,
                    axes.left + axes.width,
                    y,
                    axes.left - 4,
                    y + 4,
                    decade(decade)));
        }
        for (int size : sizes) {
            double x = axes.x(size);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,d</text>\n",
                    x,
                    axes.top,
                    x,
                    axes.top + axes.height,
                    x,
                    axes.top + axes.height + 14,
                    size));
        }
        svg.append(String.format(
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">N (migrations)</text>\n",
                axes.left + axes.width / 2, axes.top + axes.height + 30));
        for (Contender contender : Contender.values()) {
            series(database, metric, contender, sizes, axes);
        }
    }

    private void series(DatabaseSetup database, Metric metric, Contender contender, List<Integer> sizes, Axes axes) {
        String color = color(contender);
        StringBuilder points = new StringBuilder();
        for (int size : sizes) {
            Optional<Results.Summary> summary = results.summary(database, metric, size, contender);
            if (summary.isEmpty()) {
                continue;
            }
            double x = axes.x(size);
            points.append(String.format(
                    Locale.ROOT, "%.1f,%.1f ", x, axes.y(summary.get().median())));
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.5\"/>"
                            + "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s, N=%,d: %s</title>"
                            + "</circle>\n",
                    x,
                    axes.y(summary.get().min()),
                    x,
                    axes.y(summary.get().max()),
                    color,
                    x,
                    axes.y(summary.get().median()),
                    color,
                    escape(contender.label()),
                    size,
                    Report.time(summary.get().median())));
        }
        svg.append(String.format(
                "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n",
                points.toString().trim(), color));
    }

    /**
     * Colours of ColorBrewer's Dark2 palette. The earlier contenders kept theirs when Godwit (JDBC) and the JDBI loop
     * came, so that charts of older runs read the same.
     */
    private static String color(Contender contender) {
        return switch (contender) {
            case GODWIT_JDBC -> "#e7298a";
            case GODWIT -> "#1b9e77";
            case FLYWAY -> "#d95f02";
            case JDBC_LOOP -> "#7570b3";
            case JDBI_LOOP -> "#666666";
        };
    }

    /** A power of ten of seconds as a tick label: {@code 1 ms}, {@code 100 ms}, {@code 10 s}. */
    private static String decade(double exponent) {
        int e = (int) exponent;
        if (e >= 0) {
            return (long) Math.pow(10, e) + " s";
        }
        if (e >= -3) {
            return (long) Math.pow(10, e + 3) + " ms";
        }
        return (long) Math.pow(10, Math.max(0, e + 6)) + " µs";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Log-log mapping from N and seconds to the panel's pixels. */
    private record Axes(int left, int top, int width, int height, double xMin, double xMax, double yMin, double yMax) {

        double x(int size) {
            return left + (Math.log10(size) - xMin) / (xMax - xMin) * width;
        }

        double y(double seconds) {
            return top + height - (Math.log10(seconds) - yMin) / (yMax - yMin) * height;
        }
    }
}
