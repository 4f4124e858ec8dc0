package org.newsroom.ingest.domain;

import java.util.List;

/**
 * Realistic wire copy for near-duplicate tests: the same event as two agencies would word it (pairs that must
 * cluster), and different events on the same topic, often in the same words (pairs that must not).
 */
public final class WireStories {

    public record Story(String headline, String text) {}

    public record Pair(String name, Story a, Story b) {}

    private WireStories() {}

    public static final Story FED_WIRE_A = new Story(
            "Fed holds rates steady, signals two cuts later this year",
            "WASHINGTON - The Federal Reserve held its benchmark interest rate steady in a range of 4.25% to 4.50% on "
                    + "Wednesday and signalled it still expects to cut borrowing costs twice before the end of the year, "
                    + "as policymakers weigh cooling inflation against a slowing labour market. Fed Chair Jerome Powell "
                    + "told reporters the central bank was in no hurry to move, citing uncertainty over tariffs.");
    public static final Story FED_WIRE_B = new Story(
            "Federal Reserve leaves interest rates unchanged, still sees two cuts",
            "The U.S. Federal Reserve kept its key policy rate in the 4.25%-4.50% range on Wednesday, with officials "
                    + "projecting two rate cuts later this year. Chair Jerome Powell said the central bank can afford to "
                    + "wait as inflation cools and the labour market slows, while tariffs cloud the outlook.");
    public static final Story ECB_WIRE = new Story(
            "ECB holds rates steady as inflation cools, signals cuts ahead",
            "FRANKFURT - The European Central Bank kept its deposit rate at 2.00% on Thursday and said further "
                    + "easing remains possible as euro zone inflation cools toward its target. ECB President Christine "
                    + "Lagarde told reporters the bank was in a good place but would stay data-dependent amid trade "
                    + "uncertainty.");

    public static final Story QUAKE_WIRE_A = new Story(
            "Magnitude 7.1 earthquake strikes off eastern Taiwan, buildings sway in Taipei",
            "TAIPEI - A magnitude 7.1 earthquake struck off Taiwan's eastern coast near Hualien early on Tuesday, "
                    + "shaking buildings in the capital Taipei and briefly halting high-speed rail services. The central "
                    + "weather administration said the quake was centred at sea at a depth of 15 km. There were no "
                    + "immediate reports of casualties; Japan issued a tsunami advisory for Okinawa.");
    public static final Story QUAKE_WIRE_B = new Story(
            "Strong quake hits Taiwan near Hualien, tsunami advisory for Okinawa",
            "A powerful earthquake of magnitude 7.1 hit waters off Hualien on Taiwan's east coast on Tuesday, "
                    + "rattling buildings in Taipei and suspending high-speed rail services for a while. Taiwan's weather "
                    + "administration put the depth at 15 km. Japan's meteorological agency issued a tsunami advisory "
                    + "for Okinawa. No casualties were immediately reported.");
    public static final Story QUAKE_PERU = new Story(
            "Magnitude 6.8 earthquake strikes southern Peru, buildings damaged",
            "LIMA - A magnitude 6.8 earthquake struck southern Peru near Arequipa on Tuesday, damaging buildings and "
                    + "cutting power to several towns, the national geophysical institute said. The quake was centred "
                    + "inland at a depth of 40 km. Authorities reported several injuries but no deaths; no tsunami "
                    + "warning was issued for the coast.");

    public static final Story DEAL_WIRE_A = new Story(
            "Acme Steel to buy Nordic Rail in $4.2 billion deal",
            "Acme Steel agreed on Monday to acquire Swedish rolling-stock maker Nordic Rail for $4.2 billion in cash, "
                    + "betting on rising European demand for rail freight. The offer of 310 crowns per share is a 28% "
                    + "premium to Nordic Rail's Friday close. The deal, backed by Nordic Rail's board, needs approval "
                    + "from regulators in Brussels and is expected to close in the second half of next year.");
    public static final Story DEAL_WIRE_B = new Story(
            "Nordic Rail accepts $4.2 bln takeover by Acme Steel",
            "Swedish train maker Nordic Rail said on Monday its board backs a $4.2 billion all-cash takeover offer "
                    + "from Acme Steel, which is betting on growing rail freight demand in Europe. Acme will pay 310 "
                    + "crowns a share, a 28% premium to Friday's closing price. The acquisition requires approval from "
                    + "Brussels regulators and should close in the second half of next year.");
    public static final Story DEAL_EARNINGS = new Story(
            "Acme Steel swings to quarterly loss as European demand slumps",
            "Acme Steel reported a third-quarter net loss of $310 million on Monday as weak European demand and "
                    + "falling steel prices hit margins, and it cut its full-year outlook. Shares of the steelmaker fell "
                    + "6% in early trading. The company said it would idle a blast furnace and expects demand to stay "
                    + "soft in the second half of next year.");

    public static final Story VOTE_WIRE_A = new Story(
            "Portugal's Social Democrats win snap election but fall short of majority",
            "LISBON - Portugal's centre-right Social Democrats won Sunday's snap parliamentary election with about 32% "
                    + "of the vote, but fell short of a majority, official results showed, leaving leader Luis Montenegro "
                    + "needing support from other parties to govern. The Socialists came second with 23%, while the "
                    + "far-right Chega party surged to third place.");
    public static final Story VOTE_WIRE_B = new Story(
            "Montenegro's centre-right wins Portuguese vote, no majority",
            "Luis Montenegro's Social Democrats came first in Portugal's snap parliamentary election on Sunday with "
                    + "roughly 32% of votes, according to official results, short of an outright majority. The "
                    + "Socialist Party was second on 23% and the far-right Chega surged into third, complicating "
                    + "coalition talks in Lisbon.");
    public static final Story VOTE_SPAIN = new Story(
            "Spain's Socialists win regional election in Andalusia but fall short of majority",
            "SEVILLE - Spain's Socialists won Sunday's regional election in Andalusia with about 35% of the vote but "
                    + "fell short of a majority, official results showed, leaving leader Maria Jesus Montero needing "
                    + "support from other parties. The conservative People's Party came second, while the far-right Vox "
                    + "party gained seats.");

    /** The same event from two sources: these must share a cluster. */
    public static List<Pair> sameEvent() {
        return List.of(
                new Pair("fed", FED_WIRE_A, FED_WIRE_B),
                new Pair("quake", QUAKE_WIRE_A, QUAKE_WIRE_B),
                new Pair("deal", DEAL_WIRE_A, DEAL_WIRE_B),
                new Pair("vote", VOTE_WIRE_A, VOTE_WIRE_B));
    }

    /** Different events on the same topic: these must not. */
    public static List<Pair> differentEvents() {
        return List.of(
                new Pair("fed/ecb", FED_WIRE_A, ECB_WIRE),
                new Pair("fed/ecb b", FED_WIRE_B, ECB_WIRE),
                new Pair("taiwan/peru", QUAKE_WIRE_A, QUAKE_PERU),
                new Pair("taiwan/peru b", QUAKE_WIRE_B, QUAKE_PERU),
                new Pair("deal/earnings", DEAL_WIRE_A, DEAL_EARNINGS),
                new Pair("deal/earnings b", DEAL_WIRE_B, DEAL_EARNINGS),
                new Pair("portugal/spain", VOTE_WIRE_A, VOTE_SPAIN),
                new Pair("portugal/spain b", VOTE_WIRE_B, VOTE_SPAIN));
    }
}
