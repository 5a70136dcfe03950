package com.cardcoupons.couponserver.usage;

import com.cardcoupons.couponserver.budget.CampaignBudget;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UsageCsvTest {

    @Test
    void cellsAreQuotedWhenTheyMustBeAndFormulasAreDefused() {
        assertThat(UsageCsv.cell("plain")).isEqualTo("plain");
        assertThat(UsageCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(UsageCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(UsageCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(UsageCsv.cell("+1")).isEqualTo("'+1");
        assertThat(UsageCsv.cell(null)).isEmpty();
    }

    @Test
    void oneRowForTheTotalAndOnePerSlice() {
        UsageFigures figures = new UsageFigures(3, 2, 1, 2, 1, 0, 1, 0, 300);
        CampaignUsage usage = new CampaignUsage(
                new CampaignUsage.Campaign(UUID.randomUUID(), UUID.randomUUID(), "T", "APPROVED", ZoneId.of("Asia/Tokyo"),
                        Currency.getInstance("JPY"), CampaignBudget.none(ZoneId.of("Asia/Tokyo"))),
                null, null, figures,
                List.of(new CampaignUsage.Slice<>(LocalDate.of(2026, 3, 10), figures)),
                List.of(new CampaignUsage.StoreSlice(UUID.randomUUID(), "SHIBUYA", "Shibuya", figures)),
                List.of(new CampaignUsage.Slice<>("WEB", figures)),
                List.of(new CampaignUsage.Slice<>("CREDIT", figures)), null);

        assertThat(UsageCsv.of(usage).split("\r\n")).containsExactly(
                "breakdown,key,store_name,acquired,matched_in_searches,reserved,used,released,expired,reversed,cancelled,discount_granted_minor,currency",
                "total,,,3,2,1,2,1,0,1,0,300,JPY",
                "day,2026-03-10,,3,2,1,2,1,0,1,0,300,JPY",
                "store,SHIBUYA,Shibuya,3,2,1,2,1,0,1,0,300,JPY",
                "channel,WEB,,3,2,1,2,1,0,1,0,300,JPY",
                "medium_type,CREDIT,,3,2,1,2,1,0,1,0,300,JPY");
    }
}
