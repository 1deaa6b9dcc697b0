//! Clustering of map places by screen distance, with an R-tree so the cost stays near n log n.
//! Pure: positions are world coordinates, the radius is in world units (points ÷ scale).

use rstar::RTree;
use rstar::primitives::GeomWithData;

/// A place on the map: its position in world coordinates and how many initiatives it has.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Place {
    /// Position in the dataset's locations.
    pub location: usize,
    /// World x, y.
    pub world: [f64; 2],
    /// Initiatives there.
    pub weight: usize,
}

/// A spatial index of places.
pub type PlaceTree = RTree<GeomWithData<[f64; 2], usize>>;

/// Builds the R-tree over places (the data is the index into `places`).
pub fn place_tree(places: &[Place]) -> PlaceTree {
    RTree::bulk_load(places.iter().enumerate().map(|(i, p)| GeomWithData::new(p.world, i)).collect())
}

/// One marker on the map: a single place or several close together.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Indexes into the `places` slice, heaviest first.
    pub members: Vec<usize>,
    /// Weighted centre, world coordinates.
    pub centre: [f64; 2],
    /// Total weight.
    pub weight: usize,
}

/// Groups places closer than `radius` (world units) to a heavier place into that place's cluster.
/// Heaviest places seed clusters first, so the same place stays the centre as you zoom.
pub fn cluster(places: &[Place], tree: &PlaceTree, radius: f64) -> Vec<Cluster> {
    cluster_among(places, tree, radius, (0..places.len()).collect())
}

/// Like [`cluster`], for the places inside `[min x, min y, max x, max y]` only: the cost follows what
/// is on screen, not the whole dataset.
pub fn cluster_within(places: &[Place], tree: &PlaceTree, radius: f64, envelope: [f64; 4]) -> Vec<Cluster> {
    let [x0, y0, x1, y1] = envelope;
    let area = rstar::AABB::from_corners([x0, y0], [x1, y1]);
    let candidates = tree.locate_in_envelope(area).map(|p| p.data).collect();
    cluster_among(places, tree, radius, candidates)
}

fn cluster_among(places: &[Place], tree: &PlaceTree, radius: f64, mut order: Vec<usize>) -> Vec<Cluster> {
    order.sort_by(|&a, &b| places[b].weight.cmp(&places[a].weight).then(a.cmp(&b)));
    // Places outside the candidates count as taken, so no cluster reaches them.
    let mut taken = vec![true; places.len()];
    for &i in &order {
        taken[i] = false;
    }
    let mut clusters = Vec::new();
    for seed in order {
        if taken[seed] {
            continue;
        }
        let mut members = vec![seed];
        taken[seed] = true;
        for near in tree.locate_within_distance(places[seed].world, radius * radius) {
            let i = near.data;
            if !taken[i] {
                taken[i] = true;
                members.push(i);
            }
        }
        members[1..].sort_by(|&a, &b| places[b].weight.cmp(&places[a].weight).then(a.cmp(&b)));
        let weight: usize = members.iter().map(|&i| places[i].weight.max(1)).sum();
        let mut centre = [0.0; 2];
        for &i in &members {
            let w = places[i].weight.max(1) as f64 / weight as f64;
            centre[0] += places[i].world[0] * w;
            centre[1] += places[i].world[1] * w;
        }
        clusters.push(Cluster { members, centre, weight });
    }
    clusters
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(n: usize) -> Vec<Place> {
        (0..n)
            .map(|i| Place {
                location: i,
                world: [(i % 37) as f64 * 0.0013 - 0.02, (i / 37) as f64 * 0.0011 + 0.05],
                weight: 1 + i % 5,
            })
            .collect()
    }

    #[test]
    fn every_place_is_in_exactly_one_cluster_at_every_radius() {
        let places = grid(500);
        let tree = place_tree(&places);
        let mut previous = usize::MAX;
        for radius in [0.0, 1e-5, 1e-4, 5e-4, 1e-3, 5e-3, 0.01, 0.1, 1.0] {
            let clusters = cluster(&places, &tree, radius);
            let mut seen: Vec<usize> = clusters.iter().flat_map(|c| c.members.iter().copied()).collect();
            seen.sort_unstable();
            assert_eq!(seen, (0..places.len()).collect::<Vec<_>>(), "radius {radius}");
            let total: usize = clusters.iter().map(|c| c.weight).sum();
            assert_eq!(total, places.iter().map(|p| p.weight).sum::<usize>());
            // Zooming out (a larger radius) never makes more markers.
            assert!(clusters.len() <= previous, "radius {radius}: {} > {previous}", clusters.len());
            previous = clusters.len();
        }
        assert_eq!(cluster(&places, &tree, 0.0).len(), places.len());
        assert_eq!(cluster(&places, &tree, 1.0).len(), 1);
    }

    #[test]
    fn clustering_a_window_keeps_only_places_inside_it() {
        let places = grid(500);
        let tree = place_tree(&places);
        let window = [-0.01, 0.05, 0.0, 0.06];
        let inside = |p: &Place| p.world[0] >= -0.01 && p.world[0] <= 0.0 && p.world[1] >= 0.05 && p.world[1] <= 0.06;
        let clusters = cluster_within(&places, &tree, 1e-4, window);
        let mut seen: Vec<usize> = clusters.iter().flat_map(|c| c.members.iter().copied()).collect();
        seen.sort_unstable();
        let expected: Vec<usize> = (0..places.len()).filter(|&i| inside(&places[i])).collect();
        assert!(!expected.is_empty());
        assert_eq!(seen, expected);
    }

    #[test]
    fn clusters_are_stable_when_nothing_changes() {
        let places = grid(200);
        let tree = place_tree(&places);
        assert_eq!(cluster(&places, &tree, 2e-3), cluster(&places, &tree, 2e-3));
        let heaviest = cluster(&places, &tree, 2e-3)[0].members[0];
        assert_eq!(places[heaviest].weight, 5);
    }

    #[test]
    fn members_lie_within_the_radius_of_their_seed() {
        let places = grid(300);
        let tree = place_tree(&places);
        let radius = 3e-3;
        for c in cluster(&places, &tree, radius) {
            let seed = places[c.members[0]].world;
            for &m in &c.members {
                let p = places[m].world;
                assert!((p[0] - seed[0]).hypot(p[1] - seed[1]) <= radius + 1e-12);
            }
        }
    }
}
