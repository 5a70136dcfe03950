package com.cardcoupons.console.chart;

import org.springframework.web.util.HtmlUtils;

import java.util.List;
import java.util.Locale;

/**
 * A grouped bar chart as SVG: one group per category (a day, a store), one bar per series in each group, a value
 * axis from zero, and a legend. Drawn on the server because the dashboard needs no interaction a table does not
 * give, and so the page carries no chart script; labels are escaped, for store names are merchants' text.
 */
public record BarChart(String title, List<String> series, List<Group> groups) {

    private static final String[] COLOURS = {"#1d3557", "#e76f51", "#2a9d8f", "#8d5a97", "#b35900"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 56;
    private static final int BOTTOM = 56;
    private static final int TOP = 28;

    public BarChart {
        series = List.copyOf(series);
        groups = List.copyOf(groups);
        for (Group group : groups) {
            if (group.values().size() != series.size()) {
                throw new IllegalArgumentException("group " + group.label() + " has " + group.values().size() + " values for "
                        + series.size() + " series");
            }
        }
    }

    /** The SVG markup; the chart's title names it for screen readers, and its table gives the numbers. */
    public String svg() {
        long max = groups.stream().flatMap(group -> group.values().stream()).mapToLong(Long::longValue).max().orElse(0);
        long top = niceCeiling(max);
        int plotWidth = WIDTH - LEFT - 12;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\" "
                + "role=\"img\" aria-label=\"%s\"><title>%s</title>", WIDTH, HEIGHT, escape(title), escape(title)));
        for (int tick = 0; tick <= 4; tick++) {
            long value = top * tick / 4;
            double y = TOP + plotHeight - (double) plotHeight * tick / 4;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>", LEFT, WIDTH - 12, y, y, LEFT - 6, y + 4, value));
        }
        if (!groups.isEmpty()) {
            double groupWidth = (double) plotWidth / groups.size();
            double barWidth = Math.max(2, (groupWidth * 0.8) / series.size());
            for (int g = 0; g < groups.size(); g++) {
                Group group = groups.get(g);
                double x0 = LEFT + g * groupWidth + groupWidth * 0.1;
                for (int s = 0; s < series.size(); s++) {
                    long value = group.values().get(s);
                    double height = top == 0 ? 0 : (double) plotHeight * value / top;
                    svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                                    + "<title>%s, %s: %d</title></rect>", x0 + s * barWidth, TOP + plotHeight - height, barWidth, height,
                            COLOURS[s % COLOURS.length], escape(group.label()), escape(series.get(s)), value));
                }
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                        x0 + groupWidth * 0.4, TOP + plotHeight + 16, escape(shorten(group.label()))));
            }
        }
        for (int s = 0; s < series.size(); s++) {
            int x = LEFT + s * 110;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>", x, HEIGHT - 22, COLOURS[s % COLOURS.length], x + 14, HEIGHT - 13, escape(series.get(s))));
        }
        return svg.append("</svg>").toString();
    }

    /** The smallest of 1, 2 or 5 times a power of ten at or above the value, so the axis reads in round numbers. */
    static long niceCeiling(long value) {
        if (value <= 0) {
            return 1;
        }
        long power = 1;
        while (power * 10 <= value) {
            power *= 10;
        }
        for (long step : new long[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String shorten(String label) {
        return label.length() > 14 ? label.substring(0, 13) + "…" : label;
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }

    /** One category and its value in each series. */
    public record Group(String label, List<Long> values) {

        public Group {
            values = List.copyOf(values);
        }
    }
}
