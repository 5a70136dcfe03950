package com.cardcoupons.console.chart;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BarChartTest {

    @Test
    void barsAreScaledToARoundAxisAndLabelsAreEscaped() {
        BarChart chart = new BarChart("Used by store", List.of("used", "reversed"), List.of(
                new BarChart.Group("Shibuya <main>", List.of(40L, 10L)),
                new BarChart.Group("Shinjuku", List.of(20L, 0L))));

        String svg = chart.svg();

        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("<title>Used by store</title>");
        assertThat(svg).contains("Shibuya &lt;main&gt;").doesNotContain("<main>");
        assertThat(svg).contains(">50</text>").as("the axis tops out at 50 for a largest value of 40");
        assertThat(svg.split("<rect x=").length - 1).as("four bars and two legend keys").isEqualTo(6);
    }

    @Test
    void theAxisIsRound() {
        assertThat(BarChart.niceCeiling(0)).isEqualTo(1);
        assertThat(BarChart.niceCeiling(7)).isEqualTo(10);
        assertThat(BarChart.niceCeiling(13)).isEqualTo(20);
        assertThat(BarChart.niceCeiling(300)).isEqualTo(500);
        assertThat(BarChart.niceCeiling(1000)).isEqualTo(1000);
    }

    @Test
    void everyGroupHasAValueForEachSeries() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new BarChart("t", List.of("a", "b"), List.of(new BarChart.Group("g", List.of(1L)))));
    }
}
