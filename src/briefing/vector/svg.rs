//! One vector page as an SVG picture: shapes as SVG shapes, gradients as `linearGradient`s with stop
//! opacity, text as `<text>` in the bundled font's family (measured with its metrics; a viewer without
//! Noto Sans JP falls back to another sans-serif font).

use std::fmt::Write as _;

use super::{Line, Page, Point, Rgba, Shape};

/// The font families the text asks for, the bundled one first.
pub const FONT_FAMILY: &str = "'Noto Sans JP', 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', sans-serif";

/// Text for XML content or a double-quoted attribute: HTML's escapes, and control characters (which
/// XML 1.0 forbids) as spaces.
pub fn escape(text: &str) -> String {
    let clean: String = text.chars().map(|c| if c.is_control() && c != '\t' { ' ' } else { c }).collect();
    crate::formats::page::escape_html(&clean)
}

/// Writes `page` as an SVG document titled `title`.
pub fn to_svg(page: &Page, title: &str) -> String {
    let mut w = Svg { out: String::new(), defs: String::new(), next_id: 0 };
    for shape in &page.shapes {
        w.shape(shape);
    }
    let (width, height) = (page.width, page.height);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}pt\" height=\"{height}pt\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"{family}\">\n<title>{title}</title>\n<defs>\n{defs}</defs>\n{body}</svg>\n",
        family = escape(FONT_FAMILY),
        title = escape(title),
        defs = w.defs,
        body = w.out,
    )
}

struct Svg {
    out: String,
    defs: String,
    next_id: usize,
}

/// A rectangle's `x`, `y`, `width` and `height` attributes.
fn rect_attrs(min: Point, max: Point) -> String {
    format!(
        "x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\"",
        min[0],
        min[1],
        max[0] - min[0],
        max[1] - min[1]
    )
}

fn fill_attr(fill: Option<Rgba>) -> String {
    match fill {
        Some(c) if c.0[3] == 255 => format!(" fill=\"{}\"", c.hex()),
        Some(c) => format!(" fill=\"{}\" fill-opacity=\"{:.3}\"", c.hex(), c.alpha()),
        None => " fill=\"none\"".to_owned(),
    }
}

fn stroke_attr(stroke: Option<Line>) -> String {
    match stroke {
        Some(l) if l.color.0[3] == 255 => format!(" stroke=\"{}\" stroke-width=\"{:.2}\"", l.color.hex(), l.width),
        Some(l) => {
            format!(
                " stroke=\"{}\" stroke-opacity=\"{:.3}\" stroke-width=\"{:.2}\"",
                l.color.hex(),
                l.color.alpha(),
                l.width
            )
        }
        None => String::new(),
    }
}

impl Svg {
    fn id(&mut self, prefix: &str) -> String {
        self.next_id += 1;
        format!("{prefix}{}", self.next_id)
    }

    fn shape(&mut self, shape: &Shape) {
        match shape {
            Shape::Rect { min, max, radius, fill, stroke } => {
                let _ = writeln!(
                    self.out,
                    "<rect {} rx=\"{radius:.2}\"{}{}/>",
                    rect_attrs(*min, *max),
                    fill_attr(*fill),
                    stroke_attr(*stroke)
                );
            }
            Shape::Gradient { min, max, left, right } => self.gradient(*min, *max, *left, *right),
            Shape::Circle { centre, radius, fill, stroke } => {
                let _ = writeln!(
                    self.out,
                    "<circle cx=\"{:.2}\" cy=\"{:.2}\" r=\"{radius:.2}\"{}{}/>",
                    centre[0],
                    centre[1],
                    fill_attr(*fill),
                    stroke_attr(*stroke)
                );
            }
            Shape::Path { points, closed, fill, stroke } => {
                let coords: Vec<String> = points.iter().map(|p| format!("{:.2},{:.2}", p[0], p[1])).collect();
                let tag = if *closed { "polygon" } else { "polyline" };
                let _ = writeln!(
                    self.out,
                    "<{tag} points=\"{}\"{}{} stroke-linejoin=\"round\"/>",
                    coords.join(" "),
                    fill_attr(*fill),
                    stroke_attr(*stroke)
                );
            }
            Shape::Mesh { triangles, fill } => {
                let mut d = String::new();
                for [a, b, c] in triangles {
                    let _ = write!(d, "M{:.2} {:.2}L{:.2} {:.2}L{:.2} {:.2}Z", a[0], a[1], b[0], b[1], c[0], c[1]);
                }
                let _ = writeln!(self.out, "<path d=\"{d}\"{}/>", fill_attr(Some(*fill)));
            }
            Shape::Text { at, size, text, color } => {
                let _ = writeln!(
                    self.out,
                    "<text x=\"{:.2}\" y=\"{:.2}\" font-size=\"{size:.2}\"{}>{}</text>",
                    at[0],
                    at[1],
                    fill_attr(Some(*color)),
                    escape(text)
                );
            }
            Shape::Clip { min, max, shapes } => self.clip(*min, *max, shapes),
        }
    }

    fn gradient(&mut self, min: Point, max: Point, left: Rgba, right: Rgba) {
        let id = self.id("g");
        let stop = |offset: u8, c: &Rgba| {
            format!("<stop offset=\"{offset}\" stop-color=\"{}\" stop-opacity=\"{:.3}\"/>", c.hex(), c.alpha())
        };
        let _ = writeln!(
            self.defs,
            "<linearGradient id=\"{id}\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">{}{}</linearGradient>",
            stop(0, &left.stop_colour(right)),
            stop(1, &right.stop_colour(left))
        );
        let _ = writeln!(self.out, "<rect {} fill=\"url(#{id})\"/>", rect_attrs(min, max));
    }

    fn clip(&mut self, min: Point, max: Point, shapes: &[Shape]) {
        let id = self.id("c");
        let _ = writeln!(self.defs, "<clipPath id=\"{id}\"><rect {}/></clipPath>", rect_attrs(min, max));
        let _ = writeln!(self.out, "<g clip-path=\"url(#{id})\">");
        for inner in shapes {
            self.shape(inner);
        }
        self.out.push_str("</g>\n");
    }
}
