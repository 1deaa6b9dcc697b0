//! Douglas–Peucker line simplification: the basemap's world layer and the coasts drawn on screen keep
//! only the points that show.

/// Douglas–Peucker: the fewest of `points` (the first and the last always) such that none left out is
/// further than `tolerance` from the line that replaces it.
pub fn simplify(points: &[[f32; 2]], tolerance: f32) -> Vec<[f32; 2]> {
    if points.len() <= 2 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut spans = vec![(0, points.len() - 1)];
    while let Some((a, b)) = spans.pop() {
        let (mut far, mut far_d) = (a, 0.0_f32);
        for i in a + 1..b {
            let d = distance_to_segment(points[i], points[a], points[b]);
            if d > far_d {
                (far, far_d) = (i, d);
            }
        }
        if far_d > tolerance {
            keep[far] = true;
            spans.extend([(a, far), (far, b)]);
        }
    }
    points.iter().zip(keep).filter_map(|(p, k)| k.then_some(*p)).collect()
}

/// How far `p` is from the segment `a`–`b` (from `a` when they are one point).
fn distance_to_segment(p: [f32; 2], a: [f32; 2], b: [f32; 2]) -> f32 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len_sq = dx * dx + dy * dy;
    let t = if len_sq > 0.0 { (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len_sq).clamp(0.0, 1.0) } else { 0.0 };
    let (ex, ey) = (p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
    (ex * ex + ey * ey).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simplifying_keeps_the_ends_and_every_point_further_than_the_tolerance() {
        let line = [[0.0, 0.0], [1.0, 0.1], [2.0, -0.1], [3.0, 5.0], [4.0, 0.0], [5.0, 0.0]];
        assert_eq!(simplify(&line, 0.5), vec![[0.0, 0.0], [2.0, -0.1], [3.0, 5.0], [4.0, 0.0], [5.0, 0.0]]);
        assert_eq!(simplify(&line, 10.0), vec![[0.0, 0.0], [5.0, 0.0]]);
        assert_eq!(simplify(&line, 0.0).len(), line.len());
        let ring = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]];
        assert_eq!(simplify(&ring, 0.1), ring.to_vec(), "a closed ring keeps its corners");
    }
}
