//! Number formatting: Chinese units, grouping, rounding and float noise.

use crate::common;

use newschart::format::{self, cn_units, decimal, NumberStyle, TickFormat};

#[test]
fn chinese_units_write_the_exact_value() {
    assert_eq!(format::exact(72500.0, NumberStyle::Cn), "7.25万");
    assert_eq!(format::exact(150_000_000.0, NumberStyle::Cn), "1.5亿");
    assert_eq!(format::exact(54000.0, NumberStyle::Cn), "5.4万");
    assert_eq!(format::exact(1_960_000.0, NumberStyle::Cn), "196万");
    assert_eq!(format::exact(1_000_000.0, NumberStyle::Cn), "100万");
    assert_eq!(format::exact(67713.0, NumberStyle::Cn), "6.7713万");
    assert_eq!(format::exact(14808.0, NumberStyle::Cn), "1.4808万");
    assert_eq!(format::exact(387_000_000.0, NumberStyle::Cn), "3.87亿");
    assert_eq!(format::exact(10000.0, NumberStyle::Cn), "1万");
}

#[test]
fn below_ten_thousand_is_plain_digits() {
    assert_eq!(format::exact(5313.0, NumberStyle::Cn), "5313");
    assert_eq!(format::exact(9999.0, NumberStyle::Cn), "9999");
    assert_eq!(format::exact(107.07, NumberStyle::Cn), "107.07");
}

#[test]
fn zero_and_negative_zero() {
    assert_eq!(format::exact(0.0, NumberStyle::Cn), "0");
    assert_eq!(format::exact(-0.0, NumberStyle::Cn), "0");
    assert_eq!(format::exact(0.0, NumberStyle::Full), "0");
    assert_eq!(format::exact(0.0, NumberStyle::Compact), "0");
}

#[test]
fn negative_values_keep_their_sign_and_unit() {
    assert_eq!(format::exact(-72500.0, NumberStyle::Cn), "-7.25万");
    assert_eq!(format::exact(-150_000_000.0, NumberStyle::Cn), "-1.5亿");
    assert_eq!(format::exact(-1234567.0, NumberStyle::Full), "-1,234,567");
    assert_eq!(format::exact(-72500.0, NumberStyle::Compact), "-72.5K");
}

#[test]
fn no_float_noise() {
    assert_eq!(format::exact(0.1 + 0.2, NumberStyle::Cn), "0.3");
    assert_eq!(format::exact(0.1 + 0.2, NumberStyle::Full), "0.3");
    assert_eq!(format::exact(1.1 * 3.0, NumberStyle::Full), "3.3");
    assert_eq!(format::exact((0.1 + 0.2) * 1e5, NumberStyle::Cn), "3万");
    assert_eq!(decimal::exact(0.30000000000000004, 6, false), "0.3");
}

#[test]
fn rounding_is_half_away_from_zero_at_the_asked_decimals() {
    assert_eq!(decimal::fixed(2.5, 0, false, false), "3");
    assert_eq!(decimal::fixed(-2.5, 0, false, false), "-3");
    assert_eq!(decimal::fixed(1.005, 2, false, false), "1.00"); // 1.005 is 1.00499… in binary
    assert_eq!(decimal::fixed(107.0695, 2, false, false), "107.07");
    assert_eq!(decimal::fixed(1.2, 3, false, false), "1.200");
    // every digit up to 2^64 once scaled; past that the shortest exponent form
    assert_eq!(decimal::fixed(18_446_744_073_709_549_568.0, 0, false, true), "18,446,744,073,709,549,568");
    assert_eq!(decimal::fixed(1.8e17, 2, false, false), "180000000000000000.00");
    assert_eq!(decimal::fixed(2e19, 0, false, false), "2e19");
    assert_eq!(decimal::fixed(1.2, 3, true, false), "1.2");
    assert_eq!(format::percent(72500.0 / 67713.0 * 100.0), "107.07%");
    assert_eq!(format::percent(50.0), "50%");
}

#[test]
fn full_digits_are_grouped() {
    assert_eq!(format::exact(72500.0, NumberStyle::Full), "72,500");
    assert_eq!(format::exact(150_000_000.0, NumberStyle::Full), "150,000,000");
    assert_eq!(format::exact(999.0, NumberStyle::Full), "999");
    assert_eq!(format::exact(1746.53, NumberStyle::Full), "1,746.53");
}

#[test]
fn compact_english() {
    assert_eq!(format::exact(72500.0, NumberStyle::Compact), "72.5K");
    assert_eq!(format::exact(150_000_000.0, NumberStyle::Compact), "150M");
    assert_eq!(format::exact(2_500_000_000.0, NumberStyle::Compact), "2.5B");
    assert_eq!(format::exact(512.0, NumberStyle::Compact), "512");
}

#[test]
fn ticks_share_one_unit_and_enough_decimals() {
    let f = TickFormat::new(NumberStyle::Cn, 80000.0, 20000.0);
    let got: Vec<String> = [0.0, 20000.0, 40000.0, 80000.0].iter().map(|v| f.format(*v)).collect();
    assert_eq!(got, ["0", "2万", "4万", "8万"]);
    let f = TickFormat::new(NumberStyle::Cn, 15000.0, 5000.0);
    let got: Vec<String> = [5000.0, 10000.0, 15000.0].iter().map(|v| f.format(*v)).collect();
    assert_eq!(got, ["0.5万", "1万", "1.5万"]);
    let f = TickFormat::new(NumberStyle::Cn, 2e8, 5e7);
    assert_eq!(f.format(1.5e8), "1.5亿");
    let f = TickFormat::new(NumberStyle::Full, 3e6, 1e6);
    assert_eq!(f.format(2e6), "2,000,000");
    let f = TickFormat::new(NumberStyle::Cn, 1.0, 0.2);
    assert_eq!(f.format(0.6000000000000001), "0.6");
}

#[test]
fn unit_thresholds() {
    assert_eq!(cn_units::CnUnit::for_magnitude(9999.0), cn_units::CnUnit::One);
    assert_eq!(cn_units::CnUnit::for_magnitude(1e4), cn_units::CnUnit::Wan);
    assert_eq!(cn_units::CnUnit::for_magnitude(99_999_999.0), cn_units::CnUnit::Wan);
    assert_eq!(cn_units::CnUnit::for_magnitude(1e8), cn_units::CnUnit::Yi);
    assert_eq!(common::cn_units::in_unit(25000.0, cn_units::CnUnit::Wan, 1), "2.5万");
}

#[test]
fn non_finite_never_prints_noise() {
    assert_eq!(decimal::fixed(f64::NAN, 2, true, false), "–");
    assert_eq!(decimal::fixed(f64::INFINITY, 2, true, false), "–");
}

#[test]
fn texts_are_put_together_without_core_fmt() {
    assert_eq!(format::int(0), "0");
    assert_eq!(format::int(-2022), "-2022");
    assert_eq!(format::int(i64::MIN), i64::MIN.to_string());
    assert_eq!(format::cat(&["完成", "年度任务", "的", "107.07%"]), "完成年度任务的107.07%");
    assert_eq!(format::cat(&[]), "");
    use format::date::{label, Precision, Ymd};
    let t = Ymd { y: 2022, m: 3, d: 5 };
    assert_eq!(label(t, Precision::Year, true), "2022年");
    assert_eq!(label(t, Precision::Month, true), "2022年3月");
    assert_eq!(label(t, Precision::Day, true), "2022年3月5日");
    assert_eq!(label(t, Precision::Year, false), "2022");
    assert_eq!(label(t, Precision::Month, false), "Mar 2022");
    assert_eq!(label(t, Precision::Day, false), "5 Mar 2022");
}

#[test]
fn characters_are_counted_as_std_counts_them() {
    // ASCII, CJK (3 bytes), supplementary planes (4 bytes), combining marks, the empty text
    for s in ["", "a", "株洲市", "厕所改造 2023", "👩‍🌾 農家", "é", "e\u{301}", "\u{10FFFF}x", "ÿ\u{80}\u{7FF}\u{800}"] {
        assert_eq!(format::char_count(s), s.chars().count(), "{s:?}");
    }
}

#[test]
fn units_that_start_with_a_letter_are_the_alphabetic_ones() {
    use newschart::marks::text::letter;
    // units a newsroom writes, first character: letters of several scripts, then signs
    let letters = ["km", "kg", "people", "µg", "Ω", "Å", "ñ", "é", "ß", "мм", "人", "万元", "ｋｍ"];
    let signs = ["%", "‰", "°C", "℃", "€", "$", "¥", "£", "×", "÷", "′", "″", "％", "㎡", "‱", "№", "±", "·", "™", "→"];
    for u in letters.iter().chain(&signs) {
        let c = u.chars().next().unwrap();
        assert_eq!(letter(c), c.is_alphabetic(), "{u:?}");
    }
    // every letter of the Latin, Greek, Cyrillic, kana and CJK blocks takes the space, as with
    // is_alphabetic; ASCII and Latin-1 agree exactly but for the ordinal signs ª and º
    let blocks = [0x41..=0x24f, 0x370..=0x4ff, 0x3041..=0x30ff, 0x4e00..=0x9fff, 0xac00..=0xd7a3];
    for c in blocks.into_iter().flatten().filter_map(char::from_u32).filter(|c| !matches!(c, 'ª' | 'º')) {
        if c.is_alphabetic() {
            assert!(letter(c), "{c:?} U+{:04X}", c as u32);
        }
        if (c as u32) < 0x100 {
            assert_eq!(letter(c), c.is_alphabetic(), "{c:?}");
        }
    }
}

#[test]
fn english_units_take_a_space_after_letters_only() {
    use newschart::marks::text::with_unit;
    use newschart::normalize::{read, Limits};
    let ds = |locale: &str, unit: &str| {
        let text = format!(r#"{{"version":1,"datasets":[{{"kind":"column","title":"t","locale":"{locale}","unit":"{unit}","categories":["a"],"series":[{{"name":"s","values":[5]}}]}}]}}"#);
        let n = read(&text, Limits::default());
        n.feed.unwrap_or_else(|| panic!("{:?}", n.problems)).datasets.remove(0)
    };
    for (unit, want) in [("km", "5 km"), ("µg", "5 µg"), ("Ω", "5 Ω"), ("people", "5 people"), ("%", "5%"), ("°C", "5°C"), ("℃", "5℃"), ("‰", "5‰"), ("€", "€5")] {
        assert_eq!(with_unit(&ds("en", unit), "5"), want, "{unit:?}");
    }
    // Chinese never takes the space
    assert_eq!(with_unit(&ds("zh-CN", "km"), "5"), "5km");
    assert_eq!(with_unit(&ds("zh-CN", "万人"), "5"), "5万人");
}

#[test]
fn labels_get_three_significant_digits_never_fewer_than_the_whole_digits() {
    use NumberStyle::*;
    for (v, style, want) in [
        (9_735_380.0, Compact, "9.74M"),
        (1131.0, Compact, "1.13K"),
        (72500.0, Compact, "72.5K"),
        (150_000_000.0, Compact, "150M"),
        (67713.0, Cn, "6.77万"),
        (5313.0, Cn, "5313"),
        (1925.0, Full, "1,925"),
        (4.56789, Full, "4.57"),
        (0.012345, Full, "0.0123"),
        (-9_735_380.0, Compact, "-9.74M"),
        (0.0, Compact, "0"),
        (999.96, Compact, "1K"),
        (999.4, Compact, "999"),
        (9999.7, Cn, "1万"),
    ] {
        assert_eq!(format::readable(v, style), want, "{v} {style:?}");
    }
    // tooltips and the table: every digit, grouped (Chinese units as before)
    assert_eq!(format::exact_grouped(9_735_380.0, Compact), "9,735,380");
    assert_eq!(format::exact_grouped(1746.53, Compact), "1,746.53");
    assert_eq!(format::exact_grouped(1_131_000.0, Cn), "113.1万");
}

fn english(unit: &str, locale: &str) -> newschart::model::Dataset {
    let text = format!(r#"{{"version":1,"datasets":[{{"kind":"column","title":"t","locale":"{locale}","unit":"{unit}","categories":["a","b"],"series":[{{"name":"s","values":[1131, 9735380]}}]}}]}}"#);
    let n = newschart::normalize::read(&text, newschart::normalize::Limits::default());
    n.feed.unwrap_or_else(|| panic!("{:?}", n.problems)).datasets.remove(0)
}

#[test]
fn a_unit_word_never_repeats_a_scale_the_number_carries() {
    use newschart::layout::ValueAxis;
    use newschart::marks::text::{label_text, value_text};
    let ds = english("thousand", "en");
    assert_eq!(value_text(&ds, 0, 1131.0), "1,131 thousand");
    assert_eq!(label_text(&ds, 0, 1131.0), "1,131 thousand");
    let ds = english("people", "en");
    assert_eq!(value_text(&ds, 0, 9_735_380.0), "9,735,380 people");
    assert_eq!(label_text(&ds, 0, 9_735_380.0), "9.74M people");
    assert_eq!(label_text(&ds, 0, 1131.0), "1.13K people");
    // the axis of a scaled unit is in full digits: no K or M beside "thousand"
    for unit in ["thousand jobs", "$m", "millions"] {
        let axis = ValueAxis::new(&english(unit, "en"), 5);
        assert!(axis.labels.iter().all(|l| !l.contains(['K', 'M', 'B'])), "{unit}: {:?}", axis.labels);
        assert!(axis.labels.iter().any(|l| l.contains(',')), "{unit}: {:?}", axis.labels);
    }
    let axis = ValueAxis::new(&english("people", "en"), 5);
    assert!(axis.labels.iter().any(|l| l.ends_with('M')), "{:?}", axis.labels);
    // Chinese: 万元 is already a scale, so no 万万元
    let ds = english("万元", "zh-CN");
    assert_eq!(value_text(&ds, 0, 9_735_380.0), "9,735,380万元");
}

#[test]
fn currency_symbols_go_before_the_number_in_english() {
    use newschart::marks::text::{label_text, value_text};
    let ds = english("$", "en");
    assert_eq!(value_text(&ds, 0, 1925.0), "$1,925");
    assert_eq!(label_text(&ds, 0, 1925.0), "$1.93K");
    assert_eq!(value_text(&ds, 0, -1925.0), "-$1,925");
    assert_eq!(value_text(&english("£", "en"), 0, 3.5), "£3.5");
    assert_eq!(value_text(&english("$m", "en"), 0, 1925.0), "$1,925m");
    assert_eq!(value_text(&english("US$ million", "en"), 0, 12.0), "US$12 million");
    assert_eq!(value_text(&english("¥", "en"), 0, 1925.0), "¥1,925");
    // Chinese keeps its conventions: 元 and ¥ after the number, in 万
    assert_eq!(value_text(&english("元", "zh-CN"), 0, 72500.0), "7.25万元");
    assert_eq!(value_text(&english("¥", "zh-CN"), 0, 72500.0), "7.25万¥");
}

fn dataset(unit: &str, locale: &str, style: &str, percent: bool, values: &str) -> newschart::model::Dataset {
    let text = format!(
        r#"{{"version":1,"datasets":[{{"kind":"column","title":"t","locale":"{locale}","unit":"{unit}","numberStyle":"{style}","percent":{percent},"categories":["a","b","c"],"series":[{{"name":"s","values":[{values}]}}]}}]}}"#
    );
    let n = newschart::normalize::read(&text, newschart::normalize::Limits::default());
    n.feed.unwrap_or_else(|| panic!("{:?}", n.problems)).datasets.remove(0)
}

#[test]
fn tooltips_show_every_digit_of_the_feed_and_labels_three() {
    use newschart::marks::text::{label_text, value_text};
    // Pew's trust series: a mean of 13 polls, written with 8 decimals in the source
    let ds = dataset("%", "en", "full", false, "34.15384615, 26.33333333, 17.77777778");
    assert_eq!(value_text(&ds, 0, 34.15384615), "34.15384615%");
    assert_eq!(value_text(&ds, 0, 17.77777778), "17.77777778%");
    assert_eq!(label_text(&ds, 0, 34.15384615), "34.2%");
    // Chinese units move the point, never round: the tooltip 7.2513万, the label 7.25万
    let ds = dataset("人", "zh-CN", "cn", false, "72513, 123456789.5, 0.000123");
    assert_eq!(value_text(&ds, 0, 72513.0), "7.2513万人");
    assert_eq!(label_text(&ds, 0, 72513.0), "7.25万人");
    assert_eq!(value_text(&ds, 0, 123_456_789.5), "1.234567895亿人");
    assert_eq!(value_text(&ds, 0, 0.000123), "0.000123人");
    assert_eq!(value_text(&ds, 0, 12_345_678.987654), "1234.5678987654万人");
    // grouping keeps every decimal
    let ds = dataset("people", "en", "compact", false, "1234567.1234567, 1, 2");
    assert_eq!(value_text(&ds, 0, 1_234_567.1234567), "1,234,567.1234567 people");
    assert_eq!(label_text(&ds, 0, 1_234_567.1234567), "1.23M people");
    // fractions shown as percentages: the feed's digits with the point moved, no float noise
    let ds = dataset("", "en", "full", true, "0.3415384615, 0.07, 0.0000001");
    assert_eq!(value_text(&ds, 0, 0.3415384615), "34.15384615%");
    assert_eq!(value_text(&ds, 0, 0.07), "7%");
    assert_eq!(value_text(&ds, 0, 0.0000001), "0.00001%");
}

#[test]
fn exact_text_reads_back_as_the_feed_number() {
    use NumberStyle::*;
    for (v, style, want) in [
        (34.15384615, Full, "34.15384615"),
        (-0.000001234, Full, "-0.000001234"),
        (123_456_789_012_345.0, Full, "123,456,789,012,345"),
        (1e19, Full, "1e19"),
        (1e20, Full, "1e20"),
        (1.5e25, Full, "1.5e25"),
        (2.5e-9, Full, "0.0000000025"),
        (1.25e-14, Full, "1.25e-14"),
        (72513.0, Cn, "7.2513万"),
        (987_654_321.0, Cn, "9.87654321亿"),
        (-3.14159265358979, Cn, "-3.14159265358979"),
        (72513.0, Compact, "72.513K"),
        (9_735_381.25, Compact, "9.73538125M"),
        (0.1 + 0.2, Full, "0.3"),
        (0.9999999999999999, Full, "1"),
    ] {
        assert_eq!(format::exact(v, style), want, "{v} {style:?}");
    }
    // any decimal with up to 15 significant digits comes back as itself, digit for digit
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..20_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let digits = 1 + seed % 15;
        let mantissa = (seed >> 8) % 10u64.pow(digits as u32);
        let point = (seed >> 40) % 8; // down to 10^-7, written plainly
        let text = if point == 0 {
            mantissa.to_string()
        } else {
            let m = format!("{:0>w$}", mantissa, w = point as usize + 1);
            let (a, b) = m.split_at(m.len() - point as usize);
            let b = b.trim_end_matches('0');
            if b.is_empty() { a.to_string() } else { format!("{a}.{b}") }
        };
        let v: f64 = text.parse().unwrap();
        let shown = format::exact(v, Full).replace(',', "");
        assert_eq!(shown, text, "{text}");
        assert_eq!(shown.parse::<f64>().unwrap(), v);
        // the same digits at any magnitude, in either notation
        let exp = ((seed >> 20) % 591) as i32 - 300; // up to 10^305
        let text = format!("{}e{exp}", mantissa.max(1));
        let v: f64 = text.parse().unwrap();
        let shown = format::exact(-v, Full).replace(',', "");
        assert_eq!(shown.parse::<f64>().unwrap(), -v, "{text} reads {shown}");
        let want = format!("{}", mantissa.max(1)).trim_end_matches('0').to_string();
        let got: String = shown.split('e').next().unwrap().chars().filter(char::is_ascii_digit).collect();
        assert_eq!(got.trim_matches('0'), want, "{text} reads {shown}");
    }
}
