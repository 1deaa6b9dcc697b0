//! World ↔ screen for one frame of the map.

use egui::{Pos2, Rect, pos2};

use crate::model::geo::{World, project, unproject};
use crate::model::map_camera::scale;
use crate::model::view::MapView;
use crate::views::map::basemap::Bounds;

/// World ↔ screen for one frame.
#[derive(Clone, Copy, Debug)]
pub struct Transform {
    /// Screen rect of the map.
    pub rect: Rect,
    /// World point at the rect's centre.
    pub centre: World,
    /// Points per world unit.
    pub scale: f64,
}

impl Transform {
    /// For a camera in a rect.
    pub fn new(rect: Rect, view: MapView) -> Self {
        Self { rect, centre: project(view.lat, view.lon), scale: scale(view.zoom) }
    }

    /// Screen position of a world point.
    pub fn screen(&self, w: [f64; 2]) -> Pos2 {
        let c = self.rect.center();
        pos2(c.x + ((w[0] - self.centre.x) * self.scale) as f32, c.y - ((w[1] - self.centre.y) * self.scale) as f32)
    }

    /// World point under a screen position.
    pub fn world(&self, p: Pos2) -> World {
        let c = self.rect.center();
        World {
            x: self.centre.x + f64::from(p.x - c.x) / self.scale,
            y: self.centre.y - f64::from(p.y - c.y) / self.scale,
        }
    }

    /// The world box the screen shows.
    pub fn visible(&self) -> Bounds {
        let (a, b) = (self.world(self.rect.left_bottom()), self.world(self.rect.right_top()));
        Bounds { min: [a.x as f32, a.y as f32], max: [b.x as f32, b.y as f32] }
    }

    /// The camera this transform shows.
    pub fn view(&self) -> MapView {
        let (lat, lon) = unproject(self.centre);
        MapView { lat, lon, zoom: (self.scale / 256.0).log2() }
    }
}
