//! A printed page as a [`Canvas`]: the timeline's marks and the poster's text, laid out in screen
//! points and scaled onto paper, recorded as vector shapes (`briefing::vector`).

use egui::{Color32, Pos2, Rect, Stroke};

use crate::briefing::vector::font::PrintFont;
use crate::briefing::vector::{Line, Page, Point, Rgba, Shape};
use crate::views::timeline::paint::Canvas;

/// One page being drawn: screen points × `scale` + `offset` = page points.
pub struct Sheet<'f> {
    scale: f32,
    offset: [f32; 2],
    shapes: Vec<Shape>,
    /// Shapes drawn inside a clip rectangle, while one is open.
    clipped: Option<(Point, Point, Vec<Shape>)>,
    font: &'f PrintFont<'f>,
}

/// A colour as the vector pages keep it (straight alpha).
pub fn rgba(color: Color32) -> Rgba {
    Rgba(color.to_srgba_unmultiplied())
}

impl<'f> Sheet<'f> {
    /// An empty page; content at screen point (0, 0) lands at `offset` on the page.
    pub fn new(scale: f32, offset: [f32; 2], font: &'f PrintFont<'f>) -> Self {
        Self { scale, offset, shapes: Vec::new(), clipped: None, font }
    }

    /// The font text is measured and set in.
    pub fn font(&self) -> &'f PrintFont<'f> {
        self.font
    }

    fn at(&self, p: Pos2) -> Point {
        [self.offset[0] + p.x * self.scale, self.offset[1] + p.y * self.scale]
    }

    fn line_of(&self, stroke: Stroke) -> Option<Line> {
        (stroke.width > 0.0 && stroke.color.a() > 0)
            .then(|| Line { width: stroke.width * self.scale, color: rgba(stroke.color) })
    }

    fn push(&mut self, shape: Shape) {
        match &mut self.clipped {
            Some((_, _, inner)) => inner.push(shape),
            None => self.shapes.push(shape),
        }
    }

    /// Draws what follows, until [`Self::end_clip`], inside `rect` only.
    pub fn begin_clip(&mut self, rect: Rect) {
        self.end_clip();
        self.clipped = Some((self.at(rect.min), self.at(rect.max), Vec::new()));
    }

    /// Closes the clip rectangle opened last.
    pub fn end_clip(&mut self) {
        if let Some((min, max, shapes)) = self.clipped.take()
            && !shapes.is_empty()
        {
            self.shapes.push(Shape::Clip { min, max, shapes });
        }
    }

    /// One line of text whose top left is `top_left`, at `size` screen points.
    pub fn text(&mut self, top_left: Pos2, size: f32, text: &str, color: Color32) {
        if text.trim().is_empty() {
            return;
        }
        let size = size * self.scale;
        let [x, y] = self.at(top_left);
        let baseline = self.font.baseline(y, size);
        self.push(Shape::Text { at: [x, baseline], size, text: text.to_owned(), color: rgba(color) });
    }

    /// Triangles filled as one shape, each given by its corners in screen points.
    pub fn mesh(&mut self, triangles: impl Iterator<Item = [Pos2; 3]>, fill: Color32) {
        let triangles: Vec<[Point; 3]> = triangles.map(|t| t.map(|p| self.at(p))).collect();
        if !triangles.is_empty() {
            self.push(Shape::Mesh { triangles, fill: rgba(fill) });
        }
    }

    /// The width of `text` at `size`, in screen points.
    pub fn text_width(&self, text: &str, size: f32) -> f32 {
        self.font.width(text, size)
    }

    /// The finished page.
    pub fn finish(mut self, width: f32, height: f32) -> Page {
        self.end_clip();
        Page { width, height, shapes: self.shapes }
    }
}

impl Canvas for Sheet<'_> {
    fn rect(&mut self, rect: Rect, radius: f32, fill: Color32) {
        if fill.a() > 0 && rect.is_positive() {
            let shape = Shape::Rect {
                min: self.at(rect.min),
                max: self.at(rect.max),
                radius: radius * self.scale,
                fill: Some(rgba(fill)),
                stroke: None,
            };
            self.push(shape);
        }
    }

    fn rect_stroke(&mut self, rect: Rect, radius: f32, stroke: Stroke) {
        if let Some(line) = self.line_of(stroke) {
            let shape = Shape::Rect {
                min: self.at(rect.min),
                max: self.at(rect.max),
                radius: radius * self.scale,
                fill: None,
                stroke: Some(line),
            };
            self.push(shape);
        }
    }

    fn gradient(&mut self, rect: Rect, left: Color32, right: Color32) {
        if rect.is_positive() {
            let shape = Shape::Gradient {
                min: self.at(rect.min),
                max: self.at(rect.max),
                left: rgba(left),
                right: rgba(right),
            };
            self.push(shape);
        }
    }

    fn circle(&mut self, centre: Pos2, radius: f32, fill: Color32, stroke: Stroke) {
        let fill = Some(rgba(fill)).filter(|c| c.0[3] > 0);
        let shape =
            Shape::Circle { centre: self.at(centre), radius: radius * self.scale, fill, stroke: self.line_of(stroke) };
        self.push(shape);
    }

    fn line(&mut self, points: Vec<Pos2>, stroke: Stroke) {
        if let Some(line) = self.line_of(stroke) {
            let points = points.into_iter().map(|p| self.at(p)).collect();
            self.push(Shape::Path { points, closed: false, fill: None, stroke: Some(line) });
        }
    }

    fn polygon(&mut self, points: Vec<Pos2>, fill: Color32, stroke: Stroke) {
        let points = points.into_iter().map(|p| self.at(p)).collect();
        let fill = Some(rgba(fill)).filter(|c| c.0[3] > 0);
        self.push(Shape::Path { points, closed: true, fill, stroke: self.line_of(stroke) });
    }
}
