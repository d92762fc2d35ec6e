//! Dashed strokes as plain polylines: marks turn each "on" run of a dash
//! pattern into its own path, so every renderer (canvas, SVG, PNG) draws the
//! same dashes without a dash feature of its own.

/// The "on" runs of `pattern` (on, off, on, off … in px) along the polyline
/// `points`. The pattern continues across the polyline's corners. An empty
/// pattern, or one without a positive length, gives the whole polyline.
pub fn runs(points: &[(f64, f64)], pattern: &[f64]) -> Vec<Vec<(f64, f64)>> {
    let total: f64 = pattern.iter().filter(|v| v.is_finite() && **v > 0.0).sum();
    if pattern.is_empty() || total.is_nan() || total <= 0.0 {
        return vec![points.to_vec()];
    }
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let (mut k, mut left) = (0usize, pattern[0].max(0.0));
    let mut on = true;
    out.push(points.first().map(|p| vec![*p]).unwrap_or_default());
    for w in points.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        let len = ((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)).sqrt();
        if !len.is_finite() {
            continue;
        }
        let mut at = 0.0;
        while len - at > left {
            at += left;
            let t = at / len;
            let p = (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
            if on {
                push(&mut out, p);
            } else {
                out.push(vec![p]);
            }
            on = !on;
            k = (k + 1) % pattern.len();
            left = pattern[k].max(0.0);
        }
        left -= len - at;
        if on {
            push(&mut out, (x1, y1));
        }
    }
    out.retain(|r| r.len() > 1);
    out
}

/// Adds a point to the last run unless it repeats the run's last point.
fn push(out: &mut [Vec<(f64, f64)>], p: (f64, f64)) {
    if let Some(r) = out.last_mut() {
        if r.last() != Some(&p) {
            r.push(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::runs;

    #[test]
    fn a_solid_pattern_is_the_whole_line() {
        let pts = vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)];
        assert_eq!(runs(&pts, &[]), vec![pts.clone()]);
    }

    #[test]
    fn dashes_follow_the_line_across_corners() {
        let pts = vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)];
        let r = runs(&pts, &[4.0, 2.0]);
        // on 0–4, off 4–6, on 6–10 then round the corner to (10, 0), off (10,0)–(10,2), …
        assert_eq!(r[0], vec![(0.0, 0.0), (4.0, 0.0)]);
        assert_eq!(r[1], vec![(6.0, 0.0), (10.0, 0.0)]);
        assert_eq!(r[2], vec![(10.0, 2.0), (10.0, 6.0)]);
        assert_eq!(r[3], vec![(10.0, 8.0), (10.0, 10.0)]);
        assert_eq!(r.len(), 4);
        // every run's points lie on the polyline
        for p in r.iter().flatten() {
            assert!((p.1 == 0.0 && p.0 <= 10.0) || p.0 == 10.0, "{p:?} off the line");
        }
    }
}
