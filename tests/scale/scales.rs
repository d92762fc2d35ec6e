//! Scales and nice ticks.

use newschart::scale::ticks::{nice_step, nice_ticks};
use newschart::scale::{BandScale, LinearScale};

#[test]
fn nice_steps_are_1_2_5_times_powers_of_ten() {
    assert_eq!(nice_step(72500.0, 4), 20000.0);
    assert_eq!(nice_step(100.0, 5), 20.0);
    assert_eq!(nice_step(1.0, 5), 0.2);
    assert_eq!(nice_step(28_000_000.0, 6), 5_000_000.0);
    assert_eq!(nice_step(0.0, 5), 1.0);
    assert_eq!(nice_step(f64::NAN, 5), 1.0);
}

#[test]
fn nice_ticks_cover_the_data_and_carry_no_noise() {
    let (lo, hi, ticks) = nice_ticks(0.0, 72500.0, 4);
    assert_eq!((lo, hi), (0.0, 80000.0));
    assert_eq!(ticks, vec![0.0, 20000.0, 40000.0, 60000.0, 80000.0]);
    let (_, _, ticks) = nice_ticks(0.0, 1.0, 5);
    assert_eq!(ticks, vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
    let (lo, hi, ticks) = nice_ticks(-30.0, 70.0, 5);
    assert_eq!((lo, hi), (-40.0, 80.0));
    assert!(ticks.contains(&0.0));
}

#[test]
fn degenerate_domains_still_give_an_axis() {
    let (lo, hi, ticks) = nice_ticks(0.0, 0.0, 5);
    assert!(hi > lo);
    assert!(ticks.len() >= 2);
    let (lo, hi, _) = nice_ticks(-5.0, -5.0, 5);
    assert!(lo <= -5.0 && hi >= 0.0);
}

#[test]
fn linear_maps_ends_and_middle() {
    let s = LinearScale::new(0.0, 80000.0, 300.0, 20.0);
    assert_eq!(s.map(0.0), 300.0);
    assert_eq!(s.map(80000.0), 20.0);
    assert_eq!(s.map(40000.0), 160.0);
    let flat = LinearScale::new(5.0, 5.0, 10.0, 20.0);
    assert_eq!(flat.map(5.0), 10.0);
}

#[test]
fn bands_tile_the_range() {
    let b = BandScale { n: 4, r0: 0.0, r1: 430.0, padding: 0.3 };
    assert!((b.step() - 100.0).abs() < 1e-9);
    assert!((b.bandwidth() - 70.0).abs() < 1e-9);
    assert!((b.start(0) - 30.0).abs() < 1e-9);
    assert!((b.start(3) + b.bandwidth() + 30.0 - 430.0).abs() < 1e-9);
    assert!((b.center(1) - 165.0).abs() < 1e-9);
}
