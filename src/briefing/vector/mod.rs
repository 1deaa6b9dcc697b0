//! Vector pages without egui: shapes in points on a page whose origin is the top left corner (y
//! grows down, as on screen), written as a PDF ([`pdf::to_pdf`]: text in an embedded subset of the
//! bundled font) or an SVG ([`svg::to_svg`]: text as text). The timeline poster draws into these.

pub mod font;
pub mod pdf;
pub mod svg;

/// A colour with straight (not premultiplied) alpha, sRGB.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgba(pub [u8; 4]);

impl Rgba {
    /// Red, green and blue as 0–1.
    pub fn rgb_f32(self) -> [f32; 3] {
        let [r, g, b, _] = self.0;
        [f32::from(r) / 255.0, f32::from(g) / 255.0, f32::from(b) / 255.0]
    }

    /// Alpha as 0–1.
    pub fn alpha(self) -> f32 {
        f32::from(self.0[3]) / 255.0
    }

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        let [r, g, b, _] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// The colour `t` of the way from `self` to `other` (0 is `self`), alpha too, mixed as egui mixes
    /// (premultiplied): towards a transparent end a colour fades, it does not darken.
    #[must_use]
    pub fn lerp(self, other: Self, t: f32) -> Self {
        let (from, to) = (self.alpha(), other.alpha());
        let alpha = from + (to - from) * t;
        let channel = |k: usize| {
            let (start, end) = (f32::from(self.0[k]) * from, f32::from(other.0[k]) * to);
            let mixed = start + (end - start) * t;
            if alpha > 0.0 { (mixed / alpha).round().clamp(0.0, 255.0) as u8 } else { self.0[k] }
        };
        Self([channel(0), channel(1), channel(2), (alpha * 255.0).round() as u8])
    }

    /// The colour a gradient stop should name: its own, or, when it is fully transparent, the other
    /// end's (so a fade to transparent keeps its hue in formats that mix unpremultiplied, like SVG).
    #[must_use]
    pub fn stop_colour(self, other: Self) -> Self {
        if self.0[3] == 0 { Self([other.0[0], other.0[1], other.0[2], 0]) } else { self }
    }
}

/// A line's width and colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line {
    /// Width in points.
    pub width: f32,
    /// Colour.
    pub color: Rgba,
}

/// A point `[x, y]` in points from the page's top left.
pub type Point = [f32; 2];

/// One thing drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A rectangle from `min` to `max`, with rounded corners of `radius`.
    Rect { min: Point, max: Point, radius: f32, fill: Option<Rgba>, stroke: Option<Line> },
    /// A rectangle shaded from `left`'s colour to `right`'s, left to right.
    Gradient { min: Point, max: Point, left: Rgba, right: Rgba },
    /// A circle.
    Circle { centre: Point, radius: f32, fill: Option<Rgba>, stroke: Option<Line> },
    /// A polyline, or a polygon when `closed`.
    Path { points: Vec<Point>, closed: bool, fill: Option<Rgba>, stroke: Option<Line> },
    /// Triangles filled as one shape (a map's land): no seams between them.
    Mesh { triangles: Vec<[Point; 3]>, fill: Rgba },
    /// One line of text, its baseline starting at `at`; `size` is the font size in points.
    Text { at: Point, size: f32, text: String, color: Rgba },
    /// Shapes drawn only inside the rectangle from `min` to `max`.
    Clip { min: Point, max: Point, shapes: Vec<Self> },
}

/// One page (or one SVG picture).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// What is drawn, bottom first.
    pub shapes: Vec<Shape>,
}

/// A document: pages and a title (the PDF's and the SVG's).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Doc {
    /// Shown by viewers as the document's title.
    pub title: String,
    /// The pages in order.
    pub pages: Vec<Page>,
}

impl Doc {
    /// Every text on every page, in drawing order (clipped groups included): for tests and search.
    pub fn texts(&self) -> Vec<&str> {
        fn walk<'a>(shapes: &'a [Shape], out: &mut Vec<&'a str>) {
            for shape in shapes {
                match shape {
                    Shape::Text { text, .. } => out.push(text),
                    Shape::Clip { shapes, .. } => walk(shapes, out),
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        for page in &self.pages {
            walk(&page.shapes, &mut out);
        }
        out
    }
}

/// How many flat strips a gradient becomes where a format has no shading with alpha (PDF here):
/// about one every two points, 2 to 32.
pub fn gradient_strips(width: f32) -> usize {
    ((width / 2.0).ceil() as usize).clamp(2, 32)
}

/// The four cubic Bézier segments of a circle: the start point, then `(control, control, end)` each.
pub fn circle_curves(centre: Point, r: f32) -> (Point, [[Point; 3]; 4]) {
    // The usual constant for a quarter circle.
    let k = 0.552_284_8 * r;
    let [x, y] = centre;
    let start = [x + r, y];
    let curves = [
        [[x + r, y + k], [x + k, y + r], [x, y + r]],
        [[x - k, y + r], [x - r, y + k], [x - r, y]],
        [[x - r, y - k], [x - k, y - r], [x, y - r]],
        [[x + k, y - r], [x + r, y - k], [x + r, y]],
    ];
    (start, curves)
}

#[cfg(test)]
mod tests {
    use super::Rgba;

    #[test]
    fn a_fade_to_transparent_keeps_its_hue() {
        let red = Rgba([200, 40, 20, 255]);
        let clear = Rgba([0, 0, 0, 0]);
        assert_eq!(red.lerp(clear, 0.5), Rgba([200, 40, 20, 128]));
        assert_eq!(clear.lerp(red, 0.25), Rgba([200, 40, 20, 64]));
        assert_eq!(red.lerp(Rgba([0, 0, 200, 255]), 0.5), Rgba([100, 20, 110, 255]));
        assert_eq!(clear.stop_colour(red), Rgba([200, 40, 20, 0]));
        assert_eq!(red.stop_colour(clear), red);
    }
}
