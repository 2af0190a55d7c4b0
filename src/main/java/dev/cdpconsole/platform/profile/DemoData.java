package dev.cdpconsole.platform.profile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A deterministic generator of realistic demo data (fixed seed): people with English, Korean and Chinese names,
 * cities, emails, phones and loyalty, each with purchases and page views over the 180 days before a fixed day.
 * The same seed and count give the same records, line for line. Run it as a program to write JSON Lines for
 * benchmarks: {@code java -cp target/classes dev.cdpconsole.platform.profile.DemoData 1000000 profiles > p.jsonl}
 * (or {@code events}).
 */
public final class DemoData {

    static final long SEED = 20261201L;
    /** Events fall in the 180 days before this instant, so the data does not depend on when it is made. */
    static final Instant END = Instant.parse("2026-12-01T00:00:00Z");

    private static final String[][] FIRST = {
            {"James", "Mary", "Olivia", "Noah", "Emma", "Liam", "Ava", "Lucas", "Mia", "Ethan", "Grace", "Henry"},
            {"민준", "서연", "지호", "하은", "도윤", "지우", "서준", "수아", "예준", "지민", "하준", "윤서"},
            {"伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "杰", "娟", "涛"}};
    private static final String[][] LAST = {
            {"Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Clark", "Walker", "Hall"},
            {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"},
            {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"}};
    private static final String[][] CITY = {
            {"London", "Manchester", "Birmingham", "Leeds", "Edinburgh"},
            {"서울", "부산", "인천", "대구", "대전"},
            {"北京", "上海", "广州", "深圳", "成都"}};
    private static final String[] COUNTRY = {"GB", "KR", "CN"};
    private static final String[] LATIN_KO = {"minjun", "seoyeon", "jiho", "haeun", "doyun", "jiwoo", "seojun",
        "sua", "yejun", "jimin", "hajun", "yunseo"};
    private static final String[] LATIN_ZH = {"wei", "fang", "na", "min", "jing", "lei", "yang", "yan", "yong", "jie",
        "juan", "tao"};
    private static final String[] TIERS = {"bronze", "silver", "gold", "platinum"};

    private DemoData() {
    }

    /** The n-th person's profile record and events, each as one JSON line, in order. */
    public static void person(int n, Consumer<String> profiles, Consumer<String> events) {
        Random random = new Random(SEED * 31 + n);
        int locale = n % 3;
        int first = random.nextInt(FIRST[locale].length);
        int last = random.nextInt(LAST[locale].length);
        String firstName = FIRST[locale][first];
        String lastName = LAST[locale][last];
        String handle = (locale == 0 ? firstName.toLowerCase(Locale.ROOT) : locale == 1 ? LATIN_KO[first] : LATIN_ZH[first])
                + "." + n;
        String email = handle + "@example.com";
        String crmId = String.format(Locale.ROOT, "CRM-%08d", n);
        String phone = locale == 1 ? String.format(Locale.ROOT, "+82 10-%04d-%04d", n / 10_000 % 10_000, n % 10_000)
                : locale == 2 ? String.format(Locale.ROOT, "+86 138-%04d-%04d", n / 10_000 % 10_000, n % 10_000)
                : String.format(Locale.ROOT, "+44 7700 %06d", n % 1_000_000);
        String city = CITY[locale][random.nextInt(CITY[locale].length)];
        String tier = TIERS[Math.min(TIERS.length - 1, (int) Math.floor(Math.abs(random.nextGaussian()) * 1.5))];
        int points = random.nextInt(20_000);
        String birth = String.format(Locale.ROOT, "%04d-%02d-%02d", 1950 + random.nextInt(55), 1 + random.nextInt(12),
                1 + random.nextInt(28));
        String identities = "\"identityMap\": {\"email\": [{\"id\": \"" + email + "\"}], \"crmId\": [{\"id\": \""
                + crmId + "\"}], \"phone\": [{\"id\": \"" + phone + "\"}]}";
        profiles.accept("{" + identities + ", \"person\": {\"name\": {\"firstName\": \"" + firstName
                + "\", \"lastName\": \"" + lastName + "\"}, \"birthDate\": \"" + birth + "\"}, "
                + "\"personalEmail\": {\"address\": \"" + email + "\"}, \"mobilePhone\": {\"number\": \"" + phone + "\"}, "
                + "\"homeAddress\": {\"city\": \"" + city + "\", \"countryCode\": \"" + COUNTRY[locale] + "\"}, "
                + "\"loyalty\": {\"tier\": \"" + tier + "\", \"points\": " + points + "}}");
        String crm = "\"identityMap\": {\"crmId\": [{\"id\": \"" + crmId + "\"}]}";
        int views = random.nextInt(6);
        for (int i = 0; i < views; i++) {
            Instant at = END.minus(random.nextInt(180 * 24 * 60), ChronoUnit.MINUTES);
            events.accept("{" + crm + ", \"_id\": \"pv-" + n + "-" + i + "\", \"timestamp\": \"" + at
                    + "\", \"eventType\": \"web.webpagedetails.pageViews\", \"web\": {\"webPageDetails\": {\"name\": \""
                    + (random.nextBoolean() ? "home" : "product") + "\"}}}");
        }
        int purchases = (int) Math.round(Math.abs(random.nextGaussian()) * 2);
        for (int i = 0; i < purchases; i++) {
            Instant at = END.minus(random.nextInt(180 * 24 * 60), ChronoUnit.MINUTES);
            double total = Math.round((5 + random.nextDouble() * 295) * 100) / 100.0;
            events.accept("{" + crm + ", \"_id\": \"po-" + n + "-" + i + "\", \"timestamp\": \"" + at
                    + "\", \"eventType\": \"commerce.purchases\", \"commerce\": {\"order\": {\"priceTotal\": " + total
                    + ", \"currencyCode\": \"" + (locale == 1 ? "KRW" : locale == 2 ? "CNY" : "GBP") + "\"}}}");
        }
    }

    /** Writes the profiles (or the events) of the first {@code count} people as JSON Lines. */
    public static void write(int count, boolean events, Writer out) throws IOException {
        IOException[] failure = new IOException[1];
        Consumer<String> line = text -> {
            try {
                out.write(text);
                out.write('\n');
            } catch (IOException e) {
                failure[0] = e;
            }
        };
        Consumer<String> none = text -> { };
        for (int n = 0; n < count && failure[0] == null; n++) {
            person(n, events ? none : line, events ? line : none);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        out.flush();
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        boolean events = args.length > 1 && "events".equals(args[1]);
        write(count, events, new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
    }
}
